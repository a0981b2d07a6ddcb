import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { findVisibleOrganisation } from './find-organisation.ts';
import { canSeePrivate } from './policies.ts';
import { people } from './schema.ts';

export async function listPeople(db: Db, actor: Actor, organisationId: string) {
	const org = await findVisibleOrganisation(db, actor, organisationId);
	ensure(canSeePrivate(actor, org));
	return db.select().from(people).where(eq(people.organisationId, org.id)).orderBy(asc(people.name));
}
