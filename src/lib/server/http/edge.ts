import { error, fail, isHttpError, isRedirect, json, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { m } from '#lib/paraglide/messages.js';
import { DomainError, httpStatusFor } from '../errors.ts';
import { hasRole, isStaff, type Actor, type UserActor } from '../identity/actor.ts';
import type { Role } from '../../roles.ts';
import { asInputError } from './database-input-error.ts';
import { RateLimitedError } from '../identity/rate-limit.ts';

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

/** Typed values that never ride in an address: secrets and one-time codes. */
const SECRET_FIELD = /password|code|token|secret/i;

/**
 * A page that needs a fresh proof of identity sends the person to confirm it and back to the same
 * page (without the form action's `?/name`). The values the form carried (`keep`, never a secret)
 * ride along in that address, so the page shows the form filled in again, ready to submit.
 */
export function redirectForFreshProof(e: unknown, keep?: Record<string, unknown>): void {
	if (!(e instanceof DomainError) || e.code !== 'FRESH_PROOF_REQUIRED') return;
	const url = getRequestEvent().url;
	const back = new URL(url.pathname + (url.search.startsWith('?/') ? '' : url.search), url.origin);
	for (const [key, value] of Object.entries(keep ?? {}))
		if (typeof value === 'string' && value && value.length <= 500 && !SECRET_FIELD.test(key)) back.searchParams.set(key, value);
	redirect(303, confirmPath(back.pathname + back.search));
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

/** For form actions: a domain error becomes fail() with the message and per-field errors, values kept. */
export async function act<T>(fn: () => Promise<T>, values?: Record<string, unknown>) {
	try {
		return await fn();
	} catch (caught) {
		if (isRedirect(caught) || isHttpError(caught)) throw caught;
		const e = asInputError(caught);
		redirectForFreshProof(e, values);
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
