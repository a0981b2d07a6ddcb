import { json } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { m } from '#lib/paraglide/messages.js';
import { CLIENT_ADDRESS_HEADER } from '../identity/client-address.ts';
import { replaceRequest } from './input-guard.ts';

/**
 * The only auth-library endpoints a browser reaches over HTTP: the links in the verification and
 * password-reset e-mails. Everything else (sign-in, sign-up, profile updates, two-step codes) goes
 * through the hub's own pages, which run the hub's validation and limits and call the library on
 * the server. Left open, `/api/auth/update-user` took a 200,000-character name or a time zone
 * `Not/AZone` and made the account unusable.
 */
const OPEN_AUTH_PATHS: { method: string; path: RegExp }[] = [
	{ method: 'GET', path: /^\/api\/auth\/verify-email$/ },
	{ method: 'GET', path: /^\/api\/auth\/reset-password\/[A-Za-z0-9_-]{1,200}$/ }
];

export const isOpenAuthPath = (method: string, path: string) =>
	OPEN_AUTH_PATHS.some((p) => p.method === method && p.path.test(path));

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A write to the JSON API that rides on the session cookie must come from the hub's own pages:
 * otherwise another site could make a signed-in person's browser send it (a CORS preflight is not
 * a guard one should rely on). A request with a bearer token carries its own credential and is
 * not judged by where it comes from.
 */
export function crossSiteApiWrite(request: Request, url: URL): boolean {
	if (!url.pathname.startsWith('/api/v1/') || SAFE_METHODS.has(request.method)) return false;
	if (/^Bearer\s+\S+$/i.test(request.headers.get('authorization') ?? '')) return false;
	if (!request.headers.get('cookie')) return false;
	const origin = request.headers.get('origin');
	if (origin) return origin !== url.origin;
	return request.headers.get('sec-fetch-site') !== 'same-origin';
}

export const gateAuth: Handle = async ({ event, resolve }) => {
	let address = 'unknown';
	try {
		address = event.getClientAddress();
	} catch {
		// no address in this environment (e.g. building); the limits then share one bucket
	}
	try {
		event.request.headers.set(CLIENT_ADDRESS_HEADER, address);
	} catch {
		const headers = new Headers(event.request.headers);
		headers.set(CLIENT_ADDRESS_HEADER, address);
		replaceRequest(event, new Request(event.request, { headers }));
	}
	const path = event.url.pathname;
	if (crossSiteApiWrite(event.request, event.url))
		return json({ error: { code: 'FORBIDDEN', message: m.hardening_cross_site() } }, { status: 403 });
	if ((path === '/api/auth' || path.startsWith('/api/auth/')) && !isOpenAuthPath(event.request.method, path))
		return json({ error: { code: 'NOT_FOUND', message: m.e_not_found() } }, { status: 404 });
	return resolve(event);
};

/**
 * A personal API token over its request limit is answered 429 with Retry-After, in the API's error
 * shape. The call was counted when its token was read (`authenticateApiRequest`, in `identify`).
 */
export const limitApi: Handle = async ({ event, resolve }) => {
	const actor = event.locals.actor;
	const wait = event.locals.apiWait;
	if (actor?.kind === 'user' && actor.via === 'token' && wait != null)
		return json(
			{ error: { code: 'RATE_LIMITED', message: m.auth_rate_limited({ seconds: String(wait) }) } },
			{ status: 429, headers: { 'retry-after': String(wait) } }
		);
	return resolve(event);
};
