import { getApp } from '#lib/server/app.ts';
import { exportRequests } from '#lib/server/engagement/export-requests.ts';
import { loadOrError, requireStaff } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const actor = requireStaff(locals, url);
	const params = Object.fromEntries(url.searchParams);
	const format = params.format === 'xlsx' ? 'xlsx' : 'csv';
	const file = await loadOrError(() => exportRequests(getApp().database.db, actor, params, format));
	return new Response(file.body as BodyInit, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'no-store'
		}
	});
};
