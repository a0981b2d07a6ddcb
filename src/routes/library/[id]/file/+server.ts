// Public: files attached to library items are open like the items themselves (decision 032).
import { getApp } from '#lib/server/app.ts';
import { loadOrError } from '#lib/server/http/edge.ts';
import { openResourceFile } from '#lib/server/toolkit/open-resource-file.ts';
import type { RequestHandler } from './$types';

/** Served as an attachment, never inline, so an uploaded file cannot run as a page. `?lang=` picks a language version's file. */
export const GET: RequestHandler = async ({ params, url, locals }) => {
	const app = getApp();
	const f = await loadOrError(() => openResourceFile(app.database.db, app.files, params.id, locals.locale, url.searchParams.get('lang')));
	return new Response(f.stored.stream, {
		headers: {
			'Content-Type': f.contentType,
			'Content-Length': String(f.stored.size),
			'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
			'X-Content-Type-Options': 'nosniff'
		}
	});
};
