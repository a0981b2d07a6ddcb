import { getApp } from '#lib/server/app.ts';
import { pageJson, requireSignedIn } from '#lib/server/http/page-json.ts';
import { startPasskeySignIn } from '#lib/server/identity/start-passkey-sign-in.ts';
import type { RequestHandler } from './$types';

// The challenge for confirming who one is with a passkey: within the session it names the person's own passkeys.
export const POST: RequestHandler = pageJson(async ({ request, getClientAddress, locals }) => {
	requireSignedIn(locals);
	return startPasskeySignIn(getApp().database.db, getApp().auth, { ip: getClientAddress(), headers: request.headers });
});
