import { getApp } from '#lib/server/app.ts';
import { redirect } from '@sveltejs/kit';
import { confirmPath, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { hasFreshProof } from '#lib/server/identity/fresh-proof.ts';
import { exportOwnData } from '#lib/server/privacy/export-own-data.ts';
import type { RequestHandler } from './$types';

/** The signed-in person's data as a JSON download; nobody else's, and not cached anywhere. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	// Without a recent proof, confirm first and come back to the page (not to a bare download).
	if (!hasFreshProof(actor)) redirect(303, confirmPath('/settings/data'));
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
