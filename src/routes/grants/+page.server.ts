import { getApp } from '#lib/server/app.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { listApplications } from '#lib/server/grants/list-applications.ts';
import { listOpenCalls } from '#lib/server/grants/list-open-calls.ts';
import { canListAllApplications } from '#lib/server/grants/policies.ts';
import type { PageServerLoad } from './$types';

// A read page: links and a GET form need no script.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const db = getApp().database.db;
	const [result, calls] = await Promise.all([loadOrError(() => listApplications(db, actor, Object.fromEntries(url.searchParams))), listOpenCalls(db)]);
	return {
		staff: canListAllApplications(actor).allowed,
		calls: calls.map((c) => ({ id: c.call.id, title: c.call.title, slug: c.call.slug })),
		...result
	};
};
