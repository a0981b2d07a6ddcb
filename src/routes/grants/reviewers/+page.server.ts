import { getApp } from '#lib/server/app.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { listCalls } from '#lib/server/grants/list-calls.ts';
import { reviewerWorkload } from '#lib/server/grants/reviewer-workload.ts';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const db = getApp().database.db;
	const workload = await loadOrError(() => reviewerWorkload(db, actor, Object.fromEntries(url.searchParams)));
	const calls = await loadOrError(() => listCalls(db, actor));
	return { ...workload, calls: calls.map((c) => ({ id: c.id, title: c.title })) };
};
