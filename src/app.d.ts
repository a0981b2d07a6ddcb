import type { Actor } from '#lib/server/identity/actor.ts';

declare global {
	namespace App {
		interface Locals {
			actor: Actor;
			locale: 'en' | 'es' | 'fr';
			timeZone: string;
			/** The better-auth session behind this request, when signed in with a cookie. */
			sessionId: string | null;
			/** Unread notices, read with the session on a signed-in GET (the layout shows the count). */
			unread?: number;
			/** On an API call with a personal token over its limit: the seconds to wait (else null). */
			apiWait?: number | null;
			/** Set when the request met an unreachable database; the answer becomes a 503. */
			databaseUnavailable?: boolean;
			/** Names this request in the logs and in the X-Request-Id response header. */
			requestId?: string;
		}
	}
}

export {};
