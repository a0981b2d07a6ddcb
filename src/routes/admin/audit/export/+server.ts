import { getApp } from '#lib/server/app.ts';
import { exportAudit } from '#lib/server/activity/export-audit.ts';
import { loadOrError, requireRole } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const actor = requireRole(locals, url, 'admin');
	const file = await loadOrError(() => exportAudit(getApp().database.db, actor, Object.fromEntries(url.searchParams)));
	return new Response(file.body, {
		headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'no-store' }
	});
};
