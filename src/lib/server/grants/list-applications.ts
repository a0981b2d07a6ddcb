import { and, asc, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { organisations } from '../directory/schema.ts';
import { hasRole, type Actor } from '../identity/actor.ts';
import { decisionClock } from './working-days.ts';
import { CLOCK_RUNNING } from './workflow.ts';
import { parseInput } from '../validate.ts';
import { applicationQuery } from '../../validation/grants.ts';
import { grantApplications, grantCalls } from './schema.ts';
import { visibleApplications } from './scope.ts';

export const PAGE_SIZE = 50;

/**
 * Applications the actor may see, filtered by status, call and title, sorted, one page at a time,
 * with the total in the same statement.
 */
export async function listApplications(db: DbOrTx, actor: Actor, raw: unknown, now = new Date()) {
	const q = parseInput(applicationQuery, raw);
	const where: SQL[] = [visibleApplications(actor)];
	if (q.status) where.push(eq(grantApplications.status, q.status));
	if (q.call) where.push(eq(grantApplications.callId, q.call));
	if (q.q) where.push(ilike(grantApplications.title, `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
	const order = {
		'-submitted': [sql`${grantApplications.submittedAt} DESC NULLS LAST`, desc(grantApplications.id)],
		submitted: [sql`${grantApplications.submittedAt} ASC NULLS LAST`, asc(grantApplications.id)],
		title: [asc(grantApplications.title), asc(grantApplications.id)],
		'-amount': [desc(grantApplications.requestedAmount), asc(grantApplications.id)],
		due: [sql`${grantApplications.decisionDueAt} ASC NULLS LAST`, asc(grantApplications.id)]
	}[q.sort];
	const rows = await db
		.select({
			id: grantApplications.id,
			title: grantApplications.title,
			status: grantApplications.status,
			stageIndex: grantApplications.stageIndex,
			requestedAmount: grantApplications.requestedAmount,
			submittedAt: grantApplications.submittedAt,
			decisionDueAt: grantApplications.decisionDueAt,
			callTitle: grantCalls.title,
			currency: grantCalls.currency,
			timeZone: grantCalls.timeZone,
			targetDays: grantCalls.decisionTargetDays,
			organisationId: organisations.id,
			organisationName: organisations.name,
			total: sql<number>`count(*) over ()`.mapWith(Number)
		})
		.from(grantApplications)
		.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
		.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
		.where(and(...where))
		.orderBy(...order)
		.limit(PAGE_SIZE)
		.offset((q.page - 1) * PAGE_SIZE);
	// Staff see each running application's decision clock: working days left, or overdue.
	const staff = hasRole(actor, 'admin', 'programme_officer');
	return {
		query: q,
		rows: rows.map(({ total: _t, targetDays, ...r }) => ({
			...r,
			clock:
				staff && r.decisionDueAt && targetDays && CLOCK_RUNNING.includes(r.status)
					? decisionClock(r.decisionDueAt, targetDays, now, r.timeZone)
					: null
		})),
		total: rows[0]?.total ?? 0
	};
}
