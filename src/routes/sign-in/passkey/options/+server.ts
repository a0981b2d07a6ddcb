import { getApp } from '#lib/server/app.ts';
import { pageJson } from '#lib/server/http/page-json.ts';
import { startPasskeySignIn } from '#lib/server/identity/start-passkey-sign-in.ts';
import type { RequestHandler } from './$types';

// Public: the challenge is asked before anyone is signed in; it is limited per address.
// The challenge for signing in with a passkey.
export const POST: RequestHandler = pageJson(async ({ request, getClientAddress }) =>
	startPasskeySignIn(getApp().database.db, getApp().auth, { ip: getClientAddress(), headers: request.headers })
);
