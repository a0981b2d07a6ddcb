import { getApp } from '#lib/server/app.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { exportOwnData } from '#lib/server/privacy/export-own-data.ts';
import type { RequestHandler } from './$types';

/** The signed-in person's data as a JSON download; nobody else's, and not cached anywhere. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const data = await loadOrError(() => exportOwnData(getApp().database.db, actor));
	const day = new Date().toISOString().slice(0, 10);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="support-hub-my-data-${day}.json"`,
			'cache-control': 'no-store'
		}
	});
};
