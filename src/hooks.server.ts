import { sequence, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit/hooks';
import { getRequestEvent } from '$app/server';
import { svelteKitHandler, sveltekitCookies } from 'better-auth/svelte-kit';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { m } from '#lib/paraglide/messages.js';
import { getApp, startApp, stopApp } from '#lib/server/app.ts';
import { ANONYMOUS, type Actor } from '#lib/server/identity/actor.ts';
import { gateAuth, limitApi } from '#lib/server/http/auth-gate.ts';
import { guardInput } from '#lib/server/http/input-guard.ts';
import { requireSecondFactor } from '#lib/server/http/second-factor-gate.ts';
import { authenticateApiRequest } from '#lib/server/identity/authenticate-api-token.ts';
import { actorFromUser, buildActor } from '#lib/server/identity/load-actor.ts';
import { readSessionFast, type SessionSettings } from '#lib/server/identity/read-session.ts';
import { building } from '$app/env';
import { compressResponse } from '#lib/server/http/compress.ts';
import { unavailableResponse } from '#lib/server/ops/unavailable-response.ts';
import { formatError, formatRequest, logLine, methodLabel, requestIdFor, routeLabel } from '#lib/server/ops/request-log.ts';
import { observeRequest } from '#lib/server/ops/metrics.ts';

export const init: ServerInit = async () => {
	if (building) return;
	await startApp([sveltekitCookies(getRequestEvent)]);
	// PGlite keeps the process alive until it is closed; closing also flushes it to disk.
	process.once('sveltekit:shutdown', () => void stopApp());
};

/**
 * Outermost: gives each request an id (echoed as X-Request-Id), then records it once answered: one
 * log line (LOG_FORMAT) and the request metrics, by route pattern rather than address.
 */
const observe: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const requestId = requestIdFor(event.request.headers);
	event.locals.requestId = requestId;
	let response: Response;
	try {
		response = await resolve(event);
	} catch (e) {
		record(event, requestId, 500, started);
		throw e;
	}
	try {
		response.headers.set('X-Request-Id', requestId);
	} catch {
		// Headers of a fetched response are immutable: answer with a copy.
		response = new Response(response.body, response);
		response.headers.set('X-Request-Id', requestId);
	}
	record(event, requestId, response.status, started);
	return response;
};

function record(event: Parameters<Handle>[0]['event'], requestId: string, status: number, started: number) {
	const entry = {
		requestId,
		method: methodLabel(event.request.method),
		route: routeLabel(event.route.id),
		status,
		durationMs: Math.round((performance.now() - started) * 10) / 10
	};
	observeRequest(entry);
	let format: 'json' | 'text' | 'off' = 'json';
	try {
		format = getApp().config.logFormat;
	} catch {
		// not started (building): the default
	}
	const line = formatRequest(format, entry);
	if (line) logLine(line);
}

/**
 * While the database is unreachable a request answers a short 503 (a page in the reader's
 * language, or the API's JSON error) with Retry-After, instead of a generic 500 or a hang.
 */
const outage: Handle = async ({ event, resolve }) => {
	try {
		const response = await resolve(event);
		return event.locals.databaseUnavailable ? unavailableResponse(event.request) : response;
	} catch (e) {
		if (getApp().health.note(e)) return unavailableResponse(event.request);
		throw e;
	}
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	// No address leaves the site as a referrer, so links that carry a personal token (a guest's
	// registration, an invitation) stay here. Not `no-referrer`: with it Chromium sends `Origin: null`
	// on the page's own form posts, and the cross-site form check then refuses accepting an invitation.
	h.set('Referrer-Policy', 'same-origin');
	if (event.url.protocol === 'https:') h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	h.set('X-Frame-Options', 'DENY');
	h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (!h.has('Content-Security-Policy'))
		h.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
	return response;
};

/** Generated pages and JSON go out compressed; static assets are precompressed at build time. */
const compress: Handle = async ({ event, resolve }) => compressResponse(event.request, await resolve(event));

const i18n: Handle = ({ event, resolve }) =>
	// With the cookie strategy the URL is not localized, so the request passes through unchanged.
	paraglideMiddleware(event.request, ({ locale }) =>
		resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) })
	);

/** Works out who is asking: a bearer token on the API, otherwise the session cookie. */
const identify: Handle = async ({ event, resolve }) => {
	const { auth, database } = getApp();
	let actor: Actor = ANONYMOUS;
	event.locals.sessionId = null;
	event.locals.unread = undefined;
	event.locals.apiWait = null;
	const bearer = event.request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
	if (bearer && event.url.pathname.startsWith('/api/v1/')) {
		// The token is read and the call counted against its limit in one statement (`limitApi` answers 429).
		const token = await authenticateApiRequest(database.db, bearer);
		actor = token.actor ?? ANONYMOUS;
		event.locals.apiWait = token.wait;
	} else if (event.request.headers.get('cookie')?.includes('session_token')) {
		// The common case in one statement; anything unusual (a refresh due, a cookie to clear) goes to the library.
		const fast = await readSessionFast(database.db, await sessionSettings(), (name) => event.cookies.get(name));
		if (fast) {
			event.locals.sessionId = fast.session.id;
			actor = buildActor(fast.user, 'session', { secondFactorRule: true, passkeyProven: !!fast.session.passkeyAt }, fast.memberships, fast.needToKnow);
			if (actor.kind === 'user') actor = { ...actor, provenAt: lastProof(fast.session) };
			// A form post may change what is unread before the page is drawn again: only reads reuse the count.
			if (event.request.method === 'GET' || event.request.method === 'HEAD') event.locals.unread = fast.unread;
		}
		const session = fast ? null : await auth.api.getSession({ headers: event.request.headers });
		if (session) {
			event.locals.sessionId = session.session.id;
			actor = await actorFromUser(database.db, session.user as typeof session.user & { role: string; locale: string; timeZone: string }, 'session', {
				secondFactorRule: true,
				passkeyProven: !!session.session.passkeyAt
			});
			if (actor.kind === 'user') actor = { ...actor, provenAt: lastProof(session.session) };
		}
	}
	event.locals.actor = actor;
	event.locals.timeZone = actor.kind === 'user' ? actor.timeZone : 'UTC';
	event.locals.locale = getLocale();
	return resolve(event);
};

let settings: Promise<SessionSettings> | undefined;
/** The auth library's cookie names, secret and session ages, read once. */
const sessionSettings = () => (settings ??= getApp().auth.$context as Promise<SessionSettings>);

/** Signing in is a proof of identity, and so is confirming again on /settings/confirm: the later one counts. */
function lastProof(session: { createdAt: Date | string; provenAt?: Date | string | null }): Date {
	const signedIn = new Date(session.createdAt);
	const confirmed = session.provenAt ? new Date(session.provenAt) : null;
	return confirmed && confirmed > signedIn ? confirmed : signedIn;
}

const betterAuth: Handle = ({ event, resolve }) =>
	svelteKitHandler({ event, resolve, auth: getApp().auth, building });

export const handle = sequence(observe, compress, outage, securityHeaders, i18n, guardInput, gateAuth, betterAuth, identify, requireSecondFactor, limitApi);

/** Expected errors keep their (translated) message; anything unexpected is logged and shown generically. */
export const handleError: HandleServerError = (caught) => {
	if (caught.kind === 'unknown' && getApp().health.note(caught.error)) {
		// Not a bug: the `outage` handle answers 503 for this request.
		caught.event.locals.databaseUnavailable = true;
		return { status: 503, message: m.ops_unavailable_title() };
	}
	if (caught.kind === 'unknown') {
		const { event } = caught;
		console.error(formatError(caught.error, { requestId: event.locals.requestId, method: methodLabel(event.request.method), route: routeLabel(event.route.id) }));
		return { message: m.e_unexpected() };
	}
	if (caught.kind === 'framework' && caught.error.status === 404) return { message: m.e_not_found() };
};
