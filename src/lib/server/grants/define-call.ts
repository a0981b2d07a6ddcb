import { eq } from 'drizzle-orm';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { parseInput } from '../validate.ts';
import { callDefinition } from '../../validation/grants.ts';
import { canRunCalls } from './policies.ts';
import { grantCalls, grantProgrammes } from './schema.ts';

/**
 * Stores a programme and one of its calls from a definition: screener, stages, forms and rubrics
 * are checked and kept as data. Defining the same call again replaces its definition.
 */
export async function defineCall(db: Db, actor: Actor, raw: unknown) {
	ensure(canRunCalls(actor));
	const d = parseInput(callDefinition, raw);
	return db.transaction(async (tx) => {
		const lead = d.programme.leadEmail
			? (await tx.select({ id: users.id }).from(users).where(eq(users.email, d.programme.leadEmail.toLowerCase())).limit(1))[0]
			: undefined;
		const programme = { slug: d.programme.slug, name: d.programme.name, description: d.programme.description, leadUserId: lead?.id ?? null };
		const [p] = await tx
			.insert(grantProgrammes)
			.values(programme)
			.onConflictDoUpdate({ target: grantProgrammes.slug, set: programme })
			.returning();
		const values = {
			programmeId: p.id,
			slug: d.slug,
			title: d.title,
			summary: d.summary,
			rolling: d.rolling,
			opensAt: d.opensAt ? new Date(d.opensAt) : null,
			closesAt: d.closesAt ? new Date(d.closesAt) : null,
			timeZone: d.timeZone,
			currency: d.currency,
			budget: d.budget,
			maxAward: d.maxAward,
			languages: d.languages,
			whoMayApply: d.whoMayApply,
			screener: d.screener,
			stages: d.stages,
			decisionTargetDays: d.decisionTargetDays,
			reportMonths: d.reportMonths
		};
		const [call] = await tx.insert(grantCalls).values(values).onConflictDoUpdate({ target: grantCalls.slug, set: values }).returning();
		await recordActivity(tx, actor, { subjectType: 'call', subjectId: call.id, action: 'updated' });
		return call;
	});
}
