import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { hitRateLimit, LIMITS, RateLimitedError } from '../identity/rate-limit.ts';
import { toLocale } from '../i18n.ts';
import { parseInput } from '../validate.ts';
import { registrationInput } from '../../validation/events.ts';
import { inEventTurn } from './event-turns.ts';
import { lockEvent, seatDelta } from './find-event.ts';
import { queueMail } from '../mail/mailer.ts';
import { registeredAgainMail } from './mail.ts';
import { deliver, noticeMail } from './notify.ts';
import { canRegister, canSeeEvent } from './policies.ts';
import { refusal } from './refusals.ts';
import { decideRegistration } from './registration-rules.ts';
import { eventRegistrations, events } from './schema.ts';
import { hashToken, manageUrl, registrationToken } from './tokens.ts';

export const ACTIVE_STATUSES = ['pending', 'confirmed', 'waitlisted'] as const;

/**
 * Registers a person, with their account or as a guest. The event row is locked first, so
 * concurrent registrations take seats one after another and never beyond capacity; within this
 * instance they also wait their turn before taking a connection (`inEventTurn`), so a crowd
 * registering for one event at once never holds the whole pool while it queues.
 *
 * An address that already has a place gets no second one. A guest's repeated registration must
 * not tell the person asking that the address is registered (it may not be theirs): it passes
 * the same checks as a first one and then, instead of a place, the address's owner is mailed
 * their personal link (`again: true`). Pages therefore answer guests the same way after every
 * registration ("we have mailed you") and never show them the token. A person signed in owns the
 * address: they are shown their existing place.
 */
export async function registerForEvent(db: Db, actor: Actor, eventId: string, raw: unknown, opts: { locale: string; now?: Date; ip?: string }) {
	const fromAccount = actor.kind === 'user' ? { name: actor.name, email: actor.email } : {};
	const input = parseInput(registrationInput, { ...(raw as object), ...fromAccount });
	const email = input.email.toLowerCase();
	// Guests need no account, so per address and per e-mail limits keep a script from filling
	// events or sending confirmation mail to strangers; people with an account are known already.
	if (actor.kind !== 'user') await limitGuest(db, email, opts.ip);
	const locale = toLocale(actor.kind === 'user' ? actor.locale : opts.locale);
	const id = randomUUID();
	const result = await inEventTurn(db, eventId, () =>
		db.transaction(async (tx) => {
			const event = await lockEvent(tx, eventId);
			if (!canSeeEvent(actor, event).allowed) throw new DomainError('NOT_FOUND', m.e_not_found());
			ensure(canRegister(actor, event));
			const [existing] = await tx
				.select()
				.from(eventRegistrations)
				.where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.email, email), inArray(eventRegistrations.status, [...ACTIVE_STATUSES])))
				.limit(1);
			if (existing && actor.kind === 'user') return { registration: existing, again: true };
			const decision = decideRegistration(event, opts.now ?? new Date());
			if (!decision.ok) throw refusal(decision.reason);
			if (existing) {
				await queueMail(tx, { kind: 'event_registered_again', to: existing.email, locale: existing.locale, ...registeredAgainMail(existing.locale, existing.name, event, manageUrl(existing.id)) });
				return { registration: existing, again: true };
			}
			// Link the place to the person's organisation (the partner page counts trainings attended).
			const organisationId = event.organisationId ?? (actor.kind === 'user' ? ([...actor.memberships.keys()][0] ?? null) : null);
			const [registration] = await tx
				.insert(eventRegistrations)
				.values({
					id,
					eventId: event.id,
					userId: actor.kind === 'user' ? actor.userId : null,
					name: input.name,
					email,
					organisationName: input.organisationName,
					organisationId,
					country: input.country,
					locale,
					status: decision.status,
					tokenHash: hashToken(registrationToken(id)),
					consentAt: new Date()
				})
				.returning();
			let current = event;
			if (decision.status === 'confirmed')
				[current] = await tx.update(events).set({ confirmedCount: seatDelta(1) }).where(eq(events.id, event.id)).returning();
			await recordActivity(tx, actor, {
				subjectType: 'event_registration',
				subjectId: id,
				organisationId,
				action: 'registered',
				changes: { status: { from: null, to: decision.status } }
			});
			await deliver(tx, [noticeMail('registered', current, registration)]);
			return { registration, again: false };
		})
	);
	return { ...result, token: registrationToken(result.registration.id) };
}

async function limitGuest(db: Db, email: string, ip: string | undefined) {
	const { max, windowSeconds } = LIMITS.guestRegistration;
	const keys = [`event-reg:email:${email}`, ...(ip ? [`event-reg:ip:${ip}`] : [])];
	for (const key of keys) {
		const r = await hitRateLimit(db, key, key.startsWith('event-reg:ip:') ? LIMITS.guestRegistrationPerAddress.max : max, windowSeconds);
		if (!r.allowed) throw new RateLimitedError(m.event_registration_rate_limited({ minutes: String(Math.ceil(r.retryAfter / 60)) }), r.retryAfter);
	}
}
