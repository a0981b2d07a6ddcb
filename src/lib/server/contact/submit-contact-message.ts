import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { toLocale } from '../i18n.ts';
import { hitRateLimit, RateLimitedError } from '../identity/rate-limit.ts';
import { announce } from '../notifications/announce.ts';
import { parseInput } from '../validate.ts';
import { contactInput } from '../../validation/contact.ts';
import { contactMessages } from './schema.ts';

/** Messages per address an hour: enough for a shared office, a wall for a script. */
export const CONTACT_LIMIT = { max: 5, windowSeconds: 60 * 60 };

/**
 * Anyone may write (no account needed). The message and the officers' notice are written
 * together; the notice carries only a link to the inbox, never the message or the sender.
 */
export async function submitContactMessage(db: Db, raw: unknown, opts: { locale: string; ip?: string }) {
	const input = parseInput(contactInput, raw);
	const keys = [...(opts.ip ? [`contact:ip:${opts.ip}`] : []), ...(input.email ? [`contact:email:${input.email}`] : [])];
	for (const key of keys) {
		const r = await hitRateLimit(db, key, CONTACT_LIMIT.max, CONTACT_LIMIT.windowSeconds);
		if (!r.allowed) throw new RateLimitedError(m.contact_rate_limited({ minutes: String(Math.ceil(r.retryAfter / 60)) }), r.retryAfter);
	}
	return db.transaction(async (tx) => {
		const [row] = await tx.insert(contactMessages).values({ ...input, locale: toLocale(opts.locale) }).returning({ id: contactMessages.id });
		await announce(tx, { type: 'contact_message', messageId: row.id });
		return row;
	});
}
