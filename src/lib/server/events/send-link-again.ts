import { and, eq, inArray } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { hitRateLimit, LIMITS, RateLimitedError } from '../identity/rate-limit.ts';
import { queueMail } from '../mail/mailer.ts';
import { parseInput } from '../validate.ts';
import { linkAgainInput } from '../../validation/events.ts';
import { findVisibleEvent } from './find-event.ts';
import { linkAgainMail } from './mail.ts';
import { eventRegistrations } from './schema.ts';
import { manageUrl } from './tokens.ts';
import { ACTIVE_STATUSES } from './register-for-event.ts';

/**
 * "Send my link again": when the address has a place at the event (waiting, confirmed or on the
 * waitlist), its personal link is mailed to it, in the language it registered in. The answer is
 * the same whether or not it has one, so the form cannot tell anyone who registered; the limits
 * count every request, found or not, so they do not tell either.
 */
export async function sendLinkAgain(db: Db, actor: Actor, eventId: string, raw: unknown, opts: { ip?: string } = {}): Promise<{ sent: true }> {
	const input = parseInput(linkAgainInput, raw);
	const email = input.email.toLowerCase();
	const event = await findVisibleEvent(db, actor, eventId);
	const keys: [string, number][] = [
		[`link-again:email:${email}`, LIMITS.linkAgain.max],
		...(opts.ip ? ([[`link-again:ip:${opts.ip}`, LIMITS.linkAgainPerAddress.max]] as [string, number][]) : [])
	];
	for (const [key, max] of keys) {
		const r = await hitRateLimit(db, key, max, LIMITS.linkAgain.windowSeconds);
		if (!r.allowed) throw new RateLimitedError(m.event_registration_rate_limited({ minutes: String(Math.ceil(r.retryAfter / 60)) }), r.retryAfter);
	}
	await db.transaction(async (tx) => {
		const [r] = await tx
			.select()
			.from(eventRegistrations)
			.where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.email, email), inArray(eventRegistrations.status, [...ACTIVE_STATUSES])))
			.limit(1);
		if (r) await queueMail(tx, { kind: 'event_link_again', to: r.email, locale: r.locale, ...linkAgainMail(r.locale, r.name, event, manageUrl(r.id)) });
	});
	return { sent: true };
}
