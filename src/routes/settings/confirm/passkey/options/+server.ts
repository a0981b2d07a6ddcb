import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { DomainError } from '#lib/server/errors.ts';
import { pageJson } from '#lib/server/http/page-json.ts';
import { startPasskeySignIn } from '#lib/server/identity/start-passkey-sign-in.ts';
import type { RequestHandler } from './$types';

// The challenge for confirming who one is with a passkey: within the session it names the person's own passkeys.
export const POST: RequestHandler = pageJson(async ({ request, getClientAddress, locals }) => {
	if (locals.actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', m.e_sign_in_required());
	return startPasskeySignIn(getApp().database.db, getApp().auth, { ip: getClientAddress(), headers: request.headers });
});
