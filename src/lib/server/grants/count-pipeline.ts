import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { COUNT_LIMIT } from './list-applications.ts';
import { canListAllApplications } from './policies.ts';
import { APPLICATION_STATUSES, grantApplications } from './schema.ts';
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
	const statements = prepared.get(db) ?? {};
	prepared.set(db, statements);
	const [row] = callId ? await (statements.call ??= pipelineStatement(db, true)).execute({ call: callId }) : await (statements.all ??= pipelineStatement(db, false)).execute();
	return pipelineSteps(row);
}

/**
 * The pipeline's counts as columns of a select, one per status, for programme staff (who see every
 * application): of all calls, or of the call given as the placeholder `call`. The statuses and the
 * limit are the code's own constants, written into the SQL so that a prepared statement's plan is
 * made for each status; only the call is a parameter.
 */
export function pipelineColumns(byCall: boolean) {
	return Object.fromEntries(
		APPLICATION_STATUSES.map((status) => {
			const where = and(sql`${grantApplications.status} = ${sql.raw(`'${status}'`)}`, byCall ? eq(grantApplications.callId, sql.placeholder('call')) : undefined);
			return [status, sql<number>`(SELECT count(*) FROM (SELECT 1 FROM ${grantApplications} WHERE ${where} LIMIT ${sql.raw(String(COUNT_LIMIT + 1))}) AS step)`.mapWith(Number)];
		})
	) as Record<PipelineStep['status'], SQL<number>>;
}

export function pipelineSteps(row: Record<PipelineStep['status'], number>): PipelineStep[] {
	return APPLICATION_STATUSES.map((status) => ({ status, count: Math.min(row[status], COUNT_LIMIT), exact: row[status] <= COUNT_LIMIT }));
}

// Built once per database rather than on each request (ten subqueries), and kept parsed by
// PostgreSQL per connection.
function pipelineStatement(db: DbOrTx, byCall: boolean) {
	return db
		.select(pipelineColumns(byCall))
		.from(sql`(VALUES (1)) AS one (x)`)
		.prepare(byCall ? 'grant_pipeline_of_call' : 'grant_pipeline');
}

const prepared = new WeakMap<DbOrTx, { all?: ReturnType<typeof pipelineStatement>; call?: ReturnType<typeof pipelineStatement> }>();
