import { error, fail, isHttpError, isRedirect, json, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { m } from '#lib/paraglide/messages.js';
import { DomainError, httpStatusFor } from '../errors.ts';
import { hasRole, isStaff, type Actor, type UserActor } from '../identity/actor.ts';
import type { Role } from '../../roles.ts';
import { asInputError } from './database-input-error.ts';
import { RateLimitedError } from '../identity/rate-limit.ts';
import { getApp } from '../app.ts';
import { holdPendingAction } from '../identity/hold-pending-action.ts';
import { takeRefill } from '../identity/refill-pending-action.ts';
import type { ResumableName } from './resume-after-proof.ts';

type Locals = { actor: Actor };

/** A page for signed-in people: others are sent to sign in and brought back afterwards. */
export function requireUser(locals: Locals, url: URL): UserActor {
	if (locals.actor.kind !== 'user') redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
	return locals.actor;
}

export function requireStaff(locals: Locals, url: URL): UserActor {
	const actor = requireUser(locals, url);
	if (!isStaff(actor)) error(403, m.e_forbidden());
	return actor;
}

export function requireRole(locals: Locals, url: URL, ...roles: Role[]): UserActor {
	const actor = requireUser(locals, url);
	if (!hasRole(actor, ...roles)) error(403, m.e_forbidden());
	return actor;
}

/** Where to confirm one's identity before coming back to `next` (a same-site path). */
export const confirmPath = (next: string) => `/settings/confirm?next=${encodeURIComponent(next)}`;

/** The page a form was sent from, its own query kept but not the form action's `/name`: where the person comes back to. */
function pageOf(url: URL): string {
	const params = new URLSearchParams(url.search);
	for (const key of [...params.keys()]) if (key.startsWith('/')) params.delete(key);
	const search = params.toString();
	return url.pathname + (search ? `?${search}` : '');
}

/**
 * A page that needs a fresh proof of identity sends the person to confirm it and back to the same
 * page. No value the form carried ever rides in that address (see `holdForProof`).
 */
export function redirectForFreshProof(e: unknown): void {
	if (!(e instanceof DomainError) || e.code !== 'FRESH_PROOF_REQUIRED') return;
	redirect(303, confirmPath(pageOf(getRequestEvent().url)));
}

/**
 * A form refused for want of a fresh proof is held for this session (decision 059): after
 * confirming, it is finished, or shown again filled in, without the person typing it twice.
 */
async function holdForProof(action: ResumableName, values: Record<string, unknown>): Promise<never> {
	const { url, locals } = getRequestEvent();
	const back = pageOf(url);
	const actor = locals.actor;
	if (actor.kind !== 'user' || actor.via !== 'session' || !locals.sessionId) redirect(303, confirmPath(back));
	const id = await holdPendingAction(getApp().database.db, actor, locals.sessionId, { action, returnTo: back, values });
	redirect(303, `${confirmPath(back)}&pending=${id}`);
}

/** Back from confirming: the form held under `?resume=` as it was sent (once), and why finishing it was refused. */
export async function refillAfterProof(locals: { actor: Actor; sessionId: string | null }, url: URL, action: ResumableName) {
	if (locals.actor.kind !== 'user') return null;
	const held = await takeRefill(getApp().database.db, locals.actor, locals.sessionId, url.searchParams.get('resume'));
	return held && held.action === action ? { values: held.values, message: held.message } : null;
}

/** A limit reached says when to come back: Retry-After on the page's or the API's 429. */
export function retryAfterHeaders(e: unknown): Record<string, string> {
	return e instanceof RateLimitedError ? { 'retry-after': String(e.retryAfter) } : {};
}

function setRetryAfter(e: unknown): void {
	const headers = retryAfterHeaders(e);
	if (Object.keys(headers).length) getRequestEvent().setHeaders(headers);
}

/** For loads: a domain error becomes the matching HTTP error page. */
export async function loadOrError<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (caught) {
		const e = asInputError(caught);
		redirectForFreshProof(e);
		if (e instanceof DomainError) error(httpStatusFor[e.code], e.message);
		throw e;
	}
}

/**
 * For form actions: a domain error becomes fail() with the message and per-field errors, values
 * kept. A form that needs a fresh proof names itself with `resume` (one of RESUMABLE) to be held.
 */
export async function act<T>(fn: () => Promise<T>, values?: Record<string, unknown>, opts: { resume?: ResumableName } = {}) {
	try {
		return await fn();
	} catch (caught) {
		if (isRedirect(caught) || isHttpError(caught)) throw caught;
		const e = asInputError(caught);
		if (opts.resume && e instanceof DomainError && e.code === 'FRESH_PROOF_REQUIRED') await holdForProof(opts.resume, values ?? {});
		redirectForFreshProof(e);
		setRetryAfter(e);
		if (e instanceof DomainError)
			return fail(httpStatusFor[e.code], { message: e.message, errors: e.fields ?? {}, values: values ?? {} });
		throw e;
	}
}

/** For API handlers: who is asking is checked first; domain errors become JSON with a status. */
export function api<E extends { locals: Locals }>(handler: (event: E, actor: UserActor) => Promise<Response>) {
	return async (event: E): Promise<Response> => {
		const actor = event.locals.actor;
		if (actor.kind !== 'user')
			return json({ error: { code: 'UNAUTHENTICATED', message: m.e_sign_in_required() } }, { status: 401 });
		try {
			return await handler(event, actor);
		} catch (caught) {
			const e = asInputError(caught);
			if (e instanceof DomainError)
				return json(
					{ error: { code: e.code, message: e.message, fields: e.fields } },
					{ status: httpStatusFor[e.code], headers: retryAfterHeaders(e) }
				);
			throw e;
		}
	};
}

/** Reads a JSON body; anything that is not a JSON object is a 400 with a readable message. */
export async function readJson(request: Request): Promise<Record<string, unknown>> {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		throw new DomainError('INVALID_INPUT', m.e_invalid_json());
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) throw new DomainError('INVALID_INPUT', m.e_invalid_json());
	return body as Record<string, unknown>;
}
