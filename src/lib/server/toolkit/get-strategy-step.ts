import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { PgColumn, QueryBuilder } from 'drizzle-orm/pg-core';
import type { Step } from '../../toolkit-codes.ts';
import { PLAN_PAGE_SIZE, planQuery, type PlanQuery } from '../../validation/toolkit.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { users } from '../identity/schema.ts';
import { parseInput } from '../validate.ts';
import { findVisibleStrategy } from './find-strategy.ts';
import { stepProgress } from './plan-completeness.ts';
import { smartMissing } from './smart.ts';
import { strategyActivities, strategyMessages, strategyMonitoring, strategyStakeholders, strategySteps, strategyTactics } from './schema.ts';

type Builder = Pick<Db, 'select'> | QueryBuilder;

/**
 * What one step's page shows, and nothing else: the step's own text, and the lists and counts that
 * step works on. The plan (step 3) reads one page of its activities and counts the rest, so a plan
 * of hundreds of activities costs the same as one of fifty. On a database or a bare query builder
 * (the benchmark's baseline).
 */
export function stepStatements(qb: Builder, strategyId: string, step: Step, query: PlanQuery) {
	const b = qb as Db;
	const row = b
		.select({ content: strategySteps.content, version: strategySteps.version, updatedByName: users.name })
		.from(strategySteps)
		.leftJoin(users, eq(users.id, strategySteps.updatedBy))
		.where(and(eq(strategySteps.strategyId, strategyId), eq(strategySteps.step, step)));
	const ofStrategy = (t: { strategyId: PgColumn }) => eq(t.strategyId, strategyId);
	if (step === 2)
		return {
			row,
			stakeholders: b.select({ n: count() }).from(strategyStakeholders).where(ofStrategy(strategyStakeholders)),
			targets: b
				.select({ name: strategyStakeholders.name })
				.from(strategyStakeholders)
				.where(and(ofStrategy(strategyStakeholders), eq(strategyStakeholders.target, true)))
				.orderBy(asc(strategyStakeholders.name), asc(strategyStakeholders.id))
		};
	if (step === 3) {
		const a = strategyActivities;
		return {
			row,
			tactics: b
				.select({ id: strategyTactics.id, audience: strategyTactics.audience, change: strategyTactics.change, description: strategyTactics.description })
				.from(strategyTactics)
				.where(ofStrategy(strategyTactics))
				.orderBy(asc(strategyTactics.createdAt), asc(strategyTactics.id)),
			messages: b
				.select({ id: strategyMessages.id, audience: strategyMessages.audience, coreMessage: strategyMessages.coreMessage, evidence: strategyMessages.evidence, messenger: strategyMessages.messenger, ask: strategyMessages.ask })
				.from(strategyMessages)
				.where(ofStrategy(strategyMessages))
				.orderBy(asc(strategyMessages.createdAt), asc(strategyMessages.id)),
			// Per status: how many, their budget and their milestones (the page's counts, total and progress).
			summary: b
				.select({ status: a.status, n: count(), budget: sql<number>`coalesce(sum(${a.budget}), 0)::float8`, milestones: sql<number>`(count(*) FILTER (WHERE ${a.milestone}))::int` })
				.from(a)
				.where(ofStrategy(a))
				.groupBy(a.status),
			activities: b
				.select({ id: a.id, title: a.title, owner: a.owner, startDate: a.startDate, dueDate: a.dueDate, status: a.status, budget: a.budget, milestone: a.milestone, deliverable: a.deliverable })
				.from(a)
				.where(and(ofStrategy(a), query.status ? eq(a.status, query.status) : undefined))
				.orderBy(sql`${a.startDate} ASC NULLS LAST`, sql`${a.dueDate} ASC NULLS LAST`, asc(a.title), asc(a.id))
				.limit(PLAN_PAGE_SIZE)
				.offset((query.page - 1) * PLAN_PAGE_SIZE)
		};
	}
	if (step === 4)
		return {
			row,
			monitoring: b
				.select({ id: strategyMonitoring.id, kind: strategyMonitoring.kind, title: strategyMonitoring.title, detail: strategyMonitoring.detail, entryDate: strategyMonitoring.entryDate, target: strategyMonitoring.target, progress: strategyMonitoring.progress })
				.from(strategyMonitoring)
				.where(ofStrategy(strategyMonitoring))
				.orderBy(sql`${strategyMonitoring.entryDate} DESC NULLS LAST`, asc(strategyMonitoring.createdAt))
		};
	return { row };
}

/** One step of a strategy as its page shows it, with what the actor may do and what the step still lacks. */
export async function getStrategyStep(db: Db, actor: Actor, strategyId: string, step: Step, rawQuery: unknown = {}) {
	const query = parseInput(planQuery, rawQuery);
	const found = await findVisibleStrategy(db, actor, strategyId);
	const s = stepStatements(db, strategyId, step, query);
	const [rows, stakeholderCount, targetRows, tactics, messages, summary, activities, monitoring] = await Promise.all([
		s.row,
		s.stakeholders ?? [],
		s.targets ?? [],
		s.tactics ?? [],
		s.messages ?? [],
		s.summary ?? [],
		s.activities ?? [],
		s.monitoring ?? []
	]);
	const [own] = rows;
	const content = own?.content ?? {};
	const counted = (pick: (r: (typeof summary)[number]) => number, live = false) => summary.reduce((sum, r) => sum + (live && r.status === 'dropped' ? 0 : pick(r)), 0);
	const targets = targetRows.map((t) => t.name);
	const progress = stepProgress(step, {
		steps: { [step]: content },
		counts: {
			stakeholders: stakeholderCount[0]?.n ?? 0,
			targets: targets.length,
			tactics: tactics.length,
			messages: messages.length,
			activities: counted((r) => r.n),
			milestones: counted((r) => r.milestones, true),
			indicators: monitoring.filter((e) => e.kind === 'indicator').length,
			checkIns: monitoring.filter((e) => e.kind === 'check_in').length
		},
		smartMissing: step === 2 ? smartMissing(content.goal ?? '') : []
	});
	return {
		strategy: found.strategy,
		org: found.org,
		can: { edit: found.canEdit },
		step,
		content,
		version: own?.version ?? 0,
		updatedByName: own?.updatedByName ?? null,
		progress,
		stakeholderCount: stakeholderCount[0]?.n ?? 0,
		targets,
		tactics,
		messages,
		plan: {
			query,
			pageSize: PLAN_PAGE_SIZE,
			/** Activities of each status; the page's filter shows them, "all" is their sum. */
			byStatus: Object.fromEntries(summary.map((r) => [r.status, r.n])) as Record<string, number>,
			total: counted((r) => r.n),
			/** What the plan costs: every activity but the dropped ones. */
			budget: counted((r) => r.budget, true),
			activities
		},
		monitoring
	};
}
export type StrategyStepView = Awaited<ReturnType<typeof getStrategyStep>>;
