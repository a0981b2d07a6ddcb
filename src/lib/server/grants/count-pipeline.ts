import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { COUNT_LIMIT } from './list-applications.ts';
import { canListAllApplications } from './policies.ts';
import { APPLICATION_STATUSES, grantApplications } from './schema.ts';
import { visibleApplications } from './scope.ts';
import { parseInput } from '../validate.ts';
import { applicationQuery } from '../../validation/grants.ts';

export type PipelineStep = { status: (typeof APPLICATION_STATUSES)[number]; count: number; exact: boolean };

/**
 * How many applications stand at each step of the pipeline, for programme staff, in one call or
 * all. Each step is counted on the status index and stops past the list's count limit, so the
 * counts cost the same at a million applications as at a hundred (decision 062); a step past it
 * reads "more than". Anyone else gets no pipeline: their list is their own work. `raw` is the list's
 * query; only its call is read.
 */
export async function countPipeline(db: DbOrTx, actor: Actor, raw: unknown = {}): Promise<PipelineStep[]> {
	if (!canListAllApplications(actor).allowed) return [];
	const callId = parseInput(applicationQuery, raw).call;
	const counts = Object.fromEntries(
		APPLICATION_STATUSES.map((status) => {
			const where = and(visibleApplications(actor), eq(grantApplications.status, status), callId ? eq(grantApplications.callId, callId) : undefined);
			return [status, sql<number>`(SELECT count(*) FROM (SELECT 1 FROM ${grantApplications} WHERE ${where} LIMIT ${COUNT_LIMIT + 1}) AS step)`.mapWith(Number)];
		})
	);
	const [row] = await db.select(counts).from(sql`(VALUES (1)) AS one (x)`);
	return APPLICATION_STATUSES.map((status) => ({ status, count: Math.min(row[status], COUNT_LIMIT), exact: row[status] <= COUNT_LIMIT }));
}
