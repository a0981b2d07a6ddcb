import { getApp } from '#lib/server/app.ts';
import { downloadResponse } from '#lib/server/exports/table-file.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { exportInsightTable } from '#lib/server/insight/export-insight-table.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	return downloadResponse(await loadOrError(() => exportInsightTable(getApp().database.db, actor, Object.fromEntries(url.searchParams))));
};
