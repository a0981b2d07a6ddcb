import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { personInput } from '../../validation/directory.ts';
import { findVisibleOrganisation } from './find-organisation.ts';
import { canEditOrganisation } from './policies.ts';
import { people } from './schema.ts';

export async function addPerson(db: Db, actor: Actor, organisationId: string, raw: unknown) {
	const input = parseInput(personInput, raw);
	return db.transaction(async (tx) => {
		const org = await findVisibleOrganisation(tx, actor, organisationId);
		ensure(canEditOrganisation(actor, org));
		const [person] = await tx
			.insert(people)
			.values({ ...input, email: input.email || null, phone: input.phone || null, organisationId: org.id })
			.returning();
		await recordActivity(tx, actor, {
			subjectType: 'person',
			subjectId: person.id,
			organisationId: org.id,
			action: 'created'
		});
		return person;
	});
}
