import { and, eq, sql } from 'drizzle-orm';
import { recordActivity, type Changes } from '../activity/record-activity.ts';
import type { Db, DbOrTx } from '../db/types.ts';
import { decideSave } from '../drafts/decide-save.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { parseInput } from '../validate.ts';
import type { Step } from '../../toolkit-codes.ts';
import { stepInputs } from '../../validation/toolkit.ts';
import { findVisibleStrategy } from './find-strategy.ts';
import { canEditStrategy } from './policies.ts';
import { strategies, strategySteps } from './schema.ts';

export type StepVersion = { content: Record<string, string>; version: number; updatedByName: string | null; updatedAt: Date };
export type SaveStepResult =
	| { status: 'saved'; version: number; content: Record<string, string>; savedAt: Date }
	| { status: 'conflict'; theirs: StepVersion; yours: Record<string, string> };

async function currentStep(db: DbOrTx, strategyId: string, step: Step): Promise<StepVersion> {
	const [row] = await db
		.select({ content: strategySteps.content, version: strategySteps.version, updatedByName: users.name, updatedAt: strategySteps.updatedAt })
		.from(strategySteps)
		.leftJoin(users, eq(users.id, strategySteps.updatedBy))
		.where(and(eq(strategySteps.strategyId, strategyId), eq(strategySteps.step, step)));
	return row;
}

/**
 * Saves a step's text. The save names the version it started from (the rule in
 * `drafts/decide-save.ts`): if someone else saved in between, nothing is overwritten — both
 * versions come back so the person can merge them by hand and save again on top of the newer one.
 */
export async function saveStep(db: Db, actor: Actor, strategyId: string, step: Step, raw: unknown): Promise<SaveStepResult> {
	const { baseVersion, ...content } = parseInput(stepInputs[step], raw) as unknown as { baseVersion: number } & Record<string, string>;
	return db.transaction(async (tx) => {
		const found = await findVisibleStrategy(tx, actor, strategyId);
		ensure(canEditStrategy(actor, found.strategy, found.role));
		const current = await currentStep(tx, strategyId, step);
		const decision = decideSave(current, baseVersion, content);
		if (decision.kind === 'unchanged') return { status: 'saved' as const, version: current.version, content: current.content, savedAt: current.updatedAt };
		if (decision.kind === 'conflict') return { status: 'conflict' as const, theirs: current, yours: content };
		// The version in the WHERE makes the check and the write one statement, so a save that
		// raced past the check above still cannot overwrite a newer version.
		const [after] = await tx
			.update(strategySteps)
			.set({ content: { ...current.content, ...content }, version: sql`${strategySteps.version} + 1`, updatedBy: actor.kind === 'user' ? actor.userId : null })
			.where(and(eq(strategySteps.strategyId, strategyId), eq(strategySteps.step, step), eq(strategySteps.version, baseVersion)))
			.returning();
		if (!after) return { status: 'conflict' as const, theirs: await currentStep(tx, strategyId, step), yours: content };
		const changes: Changes = {};
		for (const [k, v] of Object.entries(content)) if ((current.content[k] ?? '') !== v) changes[`step${step}.${k}`] = { from: current.content[k] ?? null, to: v };
		await tx.update(strategies).set({ updatedAt: new Date() }).where(eq(strategies.id, strategyId));
		await recordActivity(tx, actor, { subjectType: 'strategy', subjectId: strategyId, organisationId: found.strategy.organisationId, action: 'updated', changes });
		return { status: 'saved' as const, version: after.version, content: after.content, savedAt: after.updatedAt };
	});
}
