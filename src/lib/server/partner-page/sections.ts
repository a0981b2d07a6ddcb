import { listActivity } from '../activity/list-activity.ts';
import type { Db } from '../db/types.ts';
import type { OrganisationView } from '../directory/get-organisation.ts';
import { listAgreements } from '../directory/list-agreements.ts';
import { listMembers } from '../directory/list-members.ts';
import { listNeedToKnow } from '../directory/list-need-to-know.ts';
import { canManageNeedToKnow } from '../directory/policies.ts';
import { listPeople } from '../directory/list-people.ts';
import type { Actor } from '../identity/actor.ts';
import { partnerRequestsSection } from '../engagement/partner-section.ts';
import { trainingsAttended } from '../events/trainings-attended.ts';
import { listStrategies } from '../toolkit/list-strategies.ts';
import { canCreateStrategy, canSeeStrategy } from '../toolkit/policies.ts';
import { listOrganisationGrants } from '../grants/list-organisation-grants.ts';
import { partnerOutcomesSection } from '../insight/partner-section.ts';

/**
 * The partner page is a list of sections. Each capability contributes one: an id (matching its
 * component in src/lib/partner-sections), and a loader that returns its data, or null when the
 * viewer may not see it. Sections load in parallel and know nothing of each other.
 */
export type PartnerSection = {
	id: string;
	load: (db: Db, actor: Actor, view: OrganisationView) => Promise<unknown | null>;
};

export const PARTNER_SECTIONS: PartnerSection[] = [
	{ id: 'people', load: (db, actor, v) => (v.can.seePrivate ? listPeople(db, actor, v.org.id) : Promise.resolve(null)) },
	{ id: 'members', load: (db, actor, v) => (v.can.seePrivate ? listMembers(db, actor, v.org.id) : Promise.resolve(null)) },
	{ id: 'agreements', load: (db, actor, v) => (v.can.seePrivate ? listAgreements(db, actor, v.org.id) : Promise.resolve(null)) },
	{ id: 'requests', load: partnerRequestsSection },
	{ id: 'events', load: (db, _actor, v) => (v.can.seePrivate ? trainingsAttended(db, v.org.id) : Promise.resolve(null)) },
	{ id: 'strategies', load: (db, actor, v) => (canSeeStrategy(actor, { organisationId: v.org.id, sensitive: v.org.sensitive }).allowed ? listStrategies(db, actor, v.org.id).then((items) => ({ items, canCreate: canCreateStrategy(actor, v.org.id).allowed })) : Promise.resolve(null)) },
	{ id: 'grants', load: (db, actor, v) => listOrganisationGrants(db, actor, v.org.id) },
	{ id: 'outcomes', load: partnerOutcomesSection },
	// Kept by admins and programme officers; shown once the partner is marked sensitive (the API keeps it either way).
	{ id: 'needToKnow', load: (db, actor, v) => (v.org.sensitive && canManageNeedToKnow(actor).allowed ? listNeedToKnow(db, actor, v.org.id) : Promise.resolve(null)) },
	{ id: 'activity', load: (db, actor, v) => (v.can.seeActivity ? listActivity(db, actor, { organisationId: v.org.id }, 20) : Promise.resolve(null)) }
];

export async function loadPartnerSections(db: Db, actor: Actor, view: OrganisationView) {
	const loaded = await Promise.all(PARTNER_SECTIONS.map(async (s) => ({ id: s.id, data: await s.load(db, actor, view) })));
	return loaded.filter((s) => s.data !== null);
}
