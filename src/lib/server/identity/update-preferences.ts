import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { LOCALES } from '../../roles.ts';
import { diff, recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { isTimeZone } from '../i18n.ts';
import { parseInput } from '../validate.ts';
import { z } from '../../validation/zod.ts';
import type { Actor } from './actor.ts';
import { users } from './schema.ts';

export const preferencesInput = z.object({
	name: z.string().trim().min(1).max(200),
	locale: z.enum(LOCALES),
	timeZone: z.string().refine(isTimeZone, { error: () => m.v_invalid_time_zone() })
});

export async function updatePreferences(db: Db, actor: Actor, raw: unknown) {
	if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', m.e_sign_in_required());
	const input = parseInput(preferencesInput, raw);
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(users).where(eq(users.id, actor.userId)).limit(1);
		const changes = diff(before, input);
		if (!Object.keys(changes).length) return before;
		const [after] = await tx.update(users).set(input).where(eq(users.id, actor.userId)).returning();
		await recordActivity(tx, actor, { subjectType: 'user', subjectId: actor.userId, action: 'updated', changes });
		return after;
	});
}
