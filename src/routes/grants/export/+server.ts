import { getApp } from '#lib/server/app.ts';
import { downloadResponse } from '#lib/server/exports/table-file.ts';
import { exportApplications } from '#lib/server/grants/export-applications.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

/** A call's table by link (call and filter in the address). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const file = await loadOrError(() => exportApplications(getApp().database.db, actor, Object.fromEntries(url.searchParams)));
	return downloadResponse(file);
};

/** The rows ticked on the staff list, posted by its bulk form (the ids do not fit in an address). */
export const POST: RequestHandler = async ({ locals, url, request }) => {
	const actor = requireUser(locals, url);
	const form = await request.formData();
	const raw: Record<string, unknown> = Object.fromEntries(form);
	raw.id = form.getAll('id');
	const file = await loadOrError(() => exportApplications(getApp().database.db, actor, raw));
	return downloadResponse(file);
};
