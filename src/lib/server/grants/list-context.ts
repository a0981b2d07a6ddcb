import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { applicationQuery } from '../../validation/grants.ts';
import { pipelineColumns, pipelineSteps, type PipelineStep } from './count-pipeline.ts';
import { isCallOpen } from './find-application.ts';
import { listOpenCallTitles } from './list-open-calls.ts';
import { reviewersQuery } from './list-reviewers.ts';
import { canListAllApplications } from './policies.ts';
import type { Translated } from './definition.ts';
import { grantCalls } from './schema.ts';

type Reviewer = { id: string; name: string; role: string };
/** id, title, rolling, opens at, closes at, status: what tells whether a call is open. */
type CallTuple = [string, Translated, boolean, string | null, string | null, string];

/**
 * What the application list shows around its rows: for programme staff the pipeline's counts
 * (see `countPipeline`), the open calls to filter by and the people the bulk form may assign; for
 * anyone else the open calls only. For staff it is one prepared statement where it used to be
 * three built on every request: on PostgreSQL each statement is a round trip whose sending costs
 * the server process more than building the page's rows.
 */
export async function applicationListContext(db: DbOrTx, actor: Actor, raw: unknown = {}, now = new Date()) {
	if (!canListAllApplications(actor).allowed) return { pipeline: [] as PipelineStep[], calls: await listOpenCallTitles(db, now), reviewers: [] as Reviewer[] };
	const callId = parseInput(applicationQuery, raw).call;
	const statements = prepared.get(db) ?? {};
	prepared.set(db, statements);
	const [row] = callId ? await (statements.call ??= contextStatement(db, true)).execute({ call: callId }) : await (statements.all ??= contextStatement(db, false)).execute();
	const { calls, reviewers, ...counts } = row;
	return {
		pipeline: pipelineSteps(counts),
		calls: calls
			.map(([id, title, rolling, opensAt, closesAt, status]) => ({ id, title, rolling, opensAt: opensAt ? new Date(opensAt) : null, closesAt: closesAt ? new Date(closesAt) : null, status }))
			.filter((c) => isCallOpen(c, now))
			.map((c) => ({ id: c.id, title: c.title })),
		reviewers
	};
}

function contextStatement(db: DbOrTx, byCall: boolean) {
	const reviewers = reviewersQuery(db).as('r');
	return db
		.select({
			...pipelineColumns(byCall),
			// Ordered as listOpenCalls orders them; whether each is open is decided here, by isCallOpen.
			calls: sql<CallTuple[]>`(SELECT coalesce(json_agg(json_build_array(${grantCalls.id}, ${grantCalls.title}, ${grantCalls.rolling}, ${grantCalls.opensAt}, ${grantCalls.closesAt}, ${grantCalls.status}) ORDER BY ${grantCalls.closesAt}, ${grantCalls.slug}), '[]'::json) FROM ${grantCalls})`,
			reviewers: sql<Reviewer[]>`(SELECT coalesce(json_agg(json_build_object('id', ${reviewers.id}, 'name', ${reviewers.name}, 'role', ${reviewers.role}) ORDER BY ${reviewers.name}, ${reviewers.id}), '[]'::json) FROM ${reviewers})`
		})
		.from(sql`(VALUES (1)) AS one (x)`)
		.prepare(byCall ? 'grant_list_context_of_call' : 'grant_list_context');
}

const prepared = new WeakMap<DbOrTx, { all?: ReturnType<typeof contextStatement>; call?: ReturnType<typeof contextStatement> }>();
