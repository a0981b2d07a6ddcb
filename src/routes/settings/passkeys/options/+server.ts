import { getApp } from '#lib/server/app.ts';
import { pageJson, requireSignedIn } from '#lib/server/http/page-json.ts';
import { startPasskeyRegistration } from '#lib/server/identity/start-passkey-registration.ts';
import type { RequestHandler } from './$types';

// The challenge for adding a passkey (the settings page's script asks for it).
export const POST: RequestHandler = pageJson(async ({ locals, request }) =>
	startPasskeyRegistration(getApp().database.db, getApp().auth, requireSignedIn(locals), request.headers)
);
