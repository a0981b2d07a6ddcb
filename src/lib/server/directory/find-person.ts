import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { findVisibleOrganisation, isUuid } from './find-organisation.ts';
import { canSeePrivate } from './policies.ts';
import { people } from './schema.ts';

export async function findPerson(db: Db, actor: Actor, personId: string) {
	if (!isUuid(personId)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [person] = await db.select().from(people).where(eq(people.id, personId)).limit(1);
	if (!person) throw new DomainError('NOT_FOUND', m.e_not_found());
	const org = await findVisibleOrganisation(db, actor, person.organisationId);
	if (!canSeePrivate(actor, org).allowed) throw new DomainError('NOT_FOUND', m.e_not_found());
	return { person, org };
}
