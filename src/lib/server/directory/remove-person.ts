import { and, eq } from 'drizzle-orm';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { canEditOrganisation } from './policies.ts';
import { people } from './schema.ts';

import { findPerson } from './find-person.ts';
export async function removePerson(db: Db, actor: Actor, personId: string) {
	return db.transaction(async (tx) => {
		const { person, org } = await findPerson(tx as unknown as Db, actor, personId);
		ensure(canEditOrganisation(actor, org));
		await tx.delete(people).where(and(eq(people.id, person.id), eq(people.organisationId, org.id)));
		await recordActivity(tx, actor, {
			subjectType: 'person',
			subjectId: person.id,
			organisationId: org.id,
			action: 'deleted',
			changes: { name: { from: person.name, to: null } }
		});
	});
}
