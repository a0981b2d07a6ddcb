import { eq } from 'drizzle-orm';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { parseInput } from '../validate.ts';
import { callDefinition } from '../../validation/grants.ts';
import { keepVersion, sameSnapshot, snapshotOf } from './call-versions.ts';
import { canRunCalls } from './policies.ts';
import { grantCalls, grantProgrammes } from './schema.ts';

/**
 * Stores a programme and one of its calls from a definition: screener, stages, forms and rubrics
 * are checked and kept as data. Defining the same call again replaces its definition; on a call
 * that has been open that publishes a new version, and its applications keep theirs.
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
		const [before] = await tx.select().from(grantCalls).where(eq(grantCalls.slug, d.slug)).for('update').limit(1);
		// Replacing a call that has been open publishes a new version, as the builder's save does.
		const publish = !!before && before.status !== 'draft' && !sameSnapshot(snapshotOf(before), snapshotOf({ ...before, ...values }));
		if (publish) await keepVersion(tx, null, before);
		const set = publish ? { ...values, publishedVersion: before.publishedVersion + 1, version: before.version + 1 } : values;
		const [call] = await tx.insert(grantCalls).values(values).onConflictDoUpdate({ target: grantCalls.slug, set }).returning();
		if (publish) await keepVersion(tx, actor, call);
		await recordActivity(tx, actor, { subjectType: 'call', subjectId: call.id, action: publish ? 'published' : 'updated' });
		return call;
	});
}
