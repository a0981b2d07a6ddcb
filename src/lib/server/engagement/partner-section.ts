import type { Db } from '../db/types.ts';
import type { OrganisationView } from '../directory/get-organisation.ts';
import type { Actor } from '../identity/actor.ts';
import { isStaff, membershipIn } from '../identity/actor.ts';
import { listOrganisationRequests } from './list-organisation-requests.ts';
import { canRequestFor } from './policies.ts';

/** The partner page's "requests" section: for staff and the partner's own members only. */
export async function partnerRequestsSection(db: Db, actor: Actor, view: OrganisationView) {
	if (!isStaff(actor) && !membershipIn(actor, view.org.id)) return null;
	return { items: await listOrganisationRequests(db, actor, view.org.id), canRequest: canRequestFor(actor, view.org.id).allowed };
}
