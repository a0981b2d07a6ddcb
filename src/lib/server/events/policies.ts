import { DIRECTORY_MANAGERS } from '../../roles.ts';
import { hasRole, isStaff, isUser, membershipIn, type Actor } from '../identity/actor.ts';
import { allow, deny, type Decision } from '../identity/policies.ts';

type EventRef = { status: string; organisationId: string | null };

/** Programme staff (admins and programme officers) run the training programme. */
export const canManageEvents = (actor: Actor): Decision =>
	hasRole(actor, ...DIRECTORY_MANAGERS) ? allow : deny('only programme staff manage events');

/** Attendee lists name people: staff only. */
export const canSeeAttendees = (actor: Actor): Decision => (isStaff(actor) ? allow : deny('attendee lists are for staff'));

/**
 * Published open events are public. Drafts are staff-only; a clinic held for one organisation
 * is seen only by staff and that organisation's members, so a sensitive partner never shows.
 */
export function canSeeEvent(actor: Actor, e: EventRef): Decision {
	if (isStaff(actor)) return allow;
	if (e.status === 'draft') return deny('draft');
	if (e.organisationId) return membershipIn(actor, e.organisationId) ? allow : deny('a clinic for another organisation');
	return allow;
}

/** A clinic's places are for its organisation's members; anyone may register for an open event. */
export function canRegister(actor: Actor, e: EventRef): Decision {
	if (!e.organisationId) return allow;
	return isUser(actor) && (membershipIn(actor, e.organisationId) || isStaff(actor)) ? allow : deny('only the organisation’s members join its clinic');
}

/** An organisation's members ask for a clinic for it; staff schedule it. */
export const canRequestClinic = (actor: Actor, organisationId: string): Decision =>
	membershipIn(actor, organisationId) ? allow : deny('only the organisation’s members ask for its clinic');
