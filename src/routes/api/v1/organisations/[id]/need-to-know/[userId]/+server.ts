import { getApp } from '#lib/server/app.ts';
import { removeFromNeedToKnow } from '#lib/server/directory/remove-from-need-to-know.ts';
import { api } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const DELETE: RequestHandler = api(async ({ params }, actor) => {
	await removeFromNeedToKnow(getApp().database.db, actor, params.id, params.userId);
	return new Response(null, { status: 204 });
});
