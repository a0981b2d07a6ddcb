import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { partnerLabel } from '../directory/partner-label.ts';
import { organisations } from '../directory/schema.ts';
import { canManageEvents } from './policies.ts';
import { clinicRequests } from './schema.ts';

/** Clinic requests for event managers, each partner named by the labelling rule. */
export async function listClinicRequests(db: Db, actor: Actor) {
	ensure(canManageEvents(actor));
	const rows = await db
		.select({ request: clinicRequests, organisation: { id: organisations.id, name: organisations.name, reference: organisations.reference, sensitive: organisations.sensitive } })
		.from(clinicRequests)
		.innerJoin(organisations, eq(organisations.id, clinicRequests.organisationId))
		.orderBy(desc(clinicRequests.createdAt));
	return rows.map(({ request, organisation }) => ({ request, organisation: { id: organisation.id, sensitive: organisation.sensitive, name: partnerLabel(actor, organisation) } }));
}
