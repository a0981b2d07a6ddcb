import { getApp } from '#lib/server/app.ts';
import { openDocument } from '#lib/server/directory/open-document.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

/** Downloads are served as attachments, never rendered inline, so an uploaded file cannot run as a page. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const { doc, stored } = await loadOrError(() => openDocument(getApp().database.db, actor, params.documentId, getApp().files));
	return new Response(stored.stream, {
		headers: {
			'Content-Type': doc.contentType,
			'Content-Length': String(stored.size),
			'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff'
		}
	});
};
