import { eq } from 'drizzle-orm';
import { diff, recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { personPatch } from '../../validation/directory.ts';
import { canEditOrganisation } from './policies.ts';
import { people } from './schema.ts';

import { findPerson } from './find-person.ts';
/** A person is reached through their organisation, so the organisation's rules apply. */

const blankToNull = (v: string | undefined) => (v === undefined ? undefined : v || null);

export async function updatePerson(db: Db, actor: Actor, personId: string, raw: unknown) {
	const input = parseInput(personPatch, raw);
	return db.transaction(async (tx) => {
		const { person, org } = await findPerson(tx as unknown as Db, actor, personId);
		ensure(canEditOrganisation(actor, org));
		const values = { ...input, email: blankToNull(input.email), phone: blankToNull(input.phone) };
		for (const k of Object.keys(values) as (keyof typeof values)[]) if (values[k] === undefined) delete values[k];
		const changes = diff(person, values);
		if (!Object.keys(changes).length) return person;
		const [after] = await tx.update(people).set(values).where(eq(people.id, person.id)).returning();
		await recordActivity(tx, actor, {
			subjectType: 'person',
			subjectId: person.id,
			organisationId: org.id,
			action: 'updated',
			changes
		});
		return after;
	});
}
