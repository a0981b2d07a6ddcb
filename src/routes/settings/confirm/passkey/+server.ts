import { getApp } from '#lib/server/app.ts';
import { pageJson, requireSignedIn } from '#lib/server/http/page-json.ts';
import { safeNext } from '#lib/server/http/safe-next.ts';
import { confirmWithPasskey } from '#lib/server/identity/confirm-with-passkey.ts';
import type { RequestHandler } from './$types';

// Confirming who one is with a passkey: a fresh proof and a second factor; then back to `next`.
export const POST: RequestHandler = pageJson(async ({ request, getClientAddress, locals, url }, body) => {
	const actor = requireSignedIn(locals);
	await confirmWithPasskey(getApp().database.db, getApp().auth, actor, locals.sessionId, body, { ip: getClientAddress(), headers: request.headers });
	return { next: safeNext(url.searchParams.get('next'), '/settings') };
});
