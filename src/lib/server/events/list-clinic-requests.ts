import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { organisations } from '../directory/schema.ts';
import { canManageEvents } from './policies.ts';
import { clinicRequests } from './schema.ts';

export async function listClinicRequests(db: Db, actor: Actor) {
	ensure(canManageEvents(actor));
	return db
		.select({ request: clinicRequests, organisation: { id: organisations.id, name: organisations.name, sensitive: organisations.sensitive } })
		.from(clinicRequests)
		.innerJoin(organisations, eq(organisations.id, clinicRequests.organisationId))
		.orderBy(desc(clinicRequests.createdAt));
}
