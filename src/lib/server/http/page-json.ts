import { json, type RequestEvent } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { DomainError, httpStatusFor } from '../errors.ts';
import type { Actor, UserActor } from '../identity/actor.ts';
import { asInputError } from './database-input-error.ts';
import { readJson, retryAfterHeaders } from './edge.ts';

/**
 * A JSON endpoint that the hub's own pages call from their script (the WebAuthn ceremonies, which
 * cannot run without it). It takes only same-origin requests, whoever is asking: a write that
 * rides on the session cookie must come from the hub's pages. Domain errors become the API's error
 * shape in the reader's language; a limit reached says when to come back.
 */
export function pageJson<E extends RequestEvent>(handler: (event: E, body: Record<string, unknown>) => Promise<unknown>) {
	return async (event: E): Promise<Response> => {
		if (event.request.headers.get('origin') !== event.url.origin)
			return json({ error: { code: 'FORBIDDEN', message: m.hardening_cross_site() } }, { status: 403 });
		try {
			const body = await readJson(event.request);
			return json((await handler(event, body)) ?? { ok: true }, { headers: { 'cache-control': 'no-store' } });
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

/** The guard of a page's JSON endpoint for signed-in people: a 401 in the API's error shape, not a redirect. */
export function requireSignedIn(locals: { actor: Actor }): UserActor {
	if (locals.actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', m.e_sign_in_required());
	return locals.actor;
}
