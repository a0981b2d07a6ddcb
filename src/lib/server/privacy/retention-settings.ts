import { eq } from 'drizzle-orm';
import { recordActivity, diff } from '../activity/record-activity.ts';
import type { Db, DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { retentionInput, type RetentionInput } from '../../validation/privacy.ts';
import { canManageRetention } from './policies.ts';
import { retentionSettings } from './schema.ts';

const pick = (r: typeof retentionSettings.$inferSelect): RetentionInput => ({
	guestRegistrationDays: r.guestRegistrationDays,
	outboxBodyDays: r.outboxBodyDays,
	draftIdleDays: r.draftIdleDays,
	draftWarningDays: r.draftWarningDays,
	declinedAnswersDays: r.declinedAnswersDays,
	contactMessageDays: r.contactMessageDays
});

/** The rules in force; the row (with the safe defaults) is created on first read. */
export async function readRetention(db: DbOrTx): Promise<RetentionInput> {
	const [row] = await db.insert(retentionSettings).values({ id: 1 }).onConflictDoNothing().returning();
	if (row) return pick(row);
	const [existing] = await db.select().from(retentionSettings).where(eq(retentionSettings.id, 1));
	return pick(existing);
}

export async function getRetention(db: Db, actor: Actor): Promise<RetentionInput> {
	ensure(canManageRetention(actor));
	return readRetention(db);
}

export async function updateRetention(db: Db, actor: Actor, raw: unknown): Promise<RetentionInput> {
	ensure(canManageRetention(actor));
	const input = parseInput(retentionInput, raw);
	return db.transaction(async (tx) => {
		const before = await readRetention(tx);
		await tx
			.update(retentionSettings)
			.set({ ...input, updatedBy: actor.kind === 'user' ? actor.userId : null })
			.where(eq(retentionSettings.id, 1));
		const changes = diff(before, input);
		if (Object.keys(changes).length)
			await recordActivity(tx, actor, { subjectType: 'retention', subjectId: '1', action: 'retention.updated', changes });
		return input;
	});
}
