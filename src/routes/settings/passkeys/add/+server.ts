import { getApp } from '#lib/server/app.ts';
import { pageJson, requireSignedIn } from '#lib/server/http/page-json.ts';
import { addPasskey } from '#lib/server/identity/add-passkey.ts';
import type { RequestHandler } from './$types';

// The authenticator's answer: the passkey is stored under the person's name.
export const POST: RequestHandler = pageJson(async ({ locals, request }, body) => {
	const actor = requireSignedIn(locals);
	await addPasskey(getApp().database.db, getApp().auth, actor, locals.sessionId, body, request.headers);
	return { ok: true };
});
