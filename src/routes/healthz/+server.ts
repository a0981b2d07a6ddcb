import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { describeReason } from '#lib/server/ops/database-health.ts';
import { RETRY_AFTER_SECONDS } from '#lib/server/ops/unavailable-response.ts';
import pkg from '../../../package.json' with { type: 'json' };
import type { RequestHandler } from './$types';

// Public: load balancers probe this; it reveals only the database kind, the version and, while
// the database is away, why (never its address). It asks the database every time, so it turns
// 200 again as soon as the database answers, without a restart.
export const GET: RequestHandler = async () => {
	const { database, health, config } = getApp();
	// A probe gets its answer well within a load balancer's usual timeout, even on a stalled database.
	const state = await health.check(Math.min(config.dbConnectTimeoutMs, 3_000));
	const headers = { 'Cache-Control': 'no-store' };
	if (state.up) return json({ status: 'ok', database: database.kind, version: pkg.version }, { headers });
	return json(
		{ status: 'unavailable', database: database.kind, version: pkg.version, reason: describeReason(state.reason), since: state.since.toISOString() },
		{ status: 503, headers: { ...headers, 'Retry-After': String(RETRY_AFTER_SECONDS) } }
	);
};
