import { getApp } from '#lib/server/app.ts';
import { rememberLocale } from '#lib/server/http/locale-cookie.ts';
import { pageJson } from '#lib/server/http/page-json.ts';
import { safeNext } from '#lib/server/http/safe-next.ts';
import { signInWithPasskey } from '#lib/server/identity/sign-in-with-passkey.ts';
import type { RequestHandler } from './$types';

// Public: signing in is for people who are not signed in yet; the per-address limit applies.
// Signing in with a passkey: the session cookie is set, and the page goes on to `next`.
export const POST: RequestHandler = pageJson(async ({ request, getClientAddress, cookies, url }, body) => {
	const { user } = await signInWithPasskey(getApp().database.db, getApp().auth, body, { ip: getClientAddress(), headers: request.headers });
	rememberLocale(cookies, user.locale);
	return { next: safeNext(url.searchParams.get('next'), '/') };
});
