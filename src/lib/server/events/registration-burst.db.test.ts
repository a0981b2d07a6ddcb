// The moment a popular training opens: far more people register at once than the hub has
// database connections. Everyone must get an answer (a place or the waitlist), never an error,
// and the event must not take one person more than its places.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { ANONYMOUS } from '../identity/actor.ts';
import { outboxMessages } from '../mail/schema.ts';
import { makeEvent } from '../seed/events-factories.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { registerForEvent } from './register-for-event.ts';
import { eventRegistrations, events } from './schema.ts';

const PEOPLE = 200;
const SEATS = 50;

let database: Database;

beforeAll(async () => {
	// A pool much smaller than the crowd, and a short wait for a connection: a registration that
	// held a connection while queueing for the event would make the last arrivals time out.
	database = await freshDatabase({ poolSize: 3, connectTimeoutMs: 1_000 });
});

afterAll(async () => {
	await database?.close();
});

describe('a burst of registrations larger than the connection pool', () => {
	it(`${PEOPLE} people at once for ${SEATS} places: all answered, ${SEATS} confirmed, the rest waitlisted`, async () => {
		const e = await makeEvent(database.db, { capacity: SEATS, waitlistEnabled: true, inHours: 72 });
		const results = await Promise.allSettled(
			Array.from({ length: PEOPLE }, (_, i) =>
				registerForEvent(database.db, ANONYMOUS, e.id, { name: `Guest ${i}`, email: `burst.guest.${i}@example.org`, organisationName: 'A group', country: 'KE', consent: true }, { locale: 'en' })
			)
		);
		expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
		const answers = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof registerForEvent>>>).value);
		expect(answers.every((a) => !a.again && a.token)).toBe(true);
		expect(answers.filter((a) => a.registration.status === 'confirmed')).toHaveLength(SEATS);
		expect(answers.filter((a) => a.registration.status === 'waitlisted')).toHaveLength(PEOPLE - SEATS);

		const rows = await database.db.select({ status: eventRegistrations.status }).from(eventRegistrations).where(eq(eventRegistrations.eventId, e.id));
		expect(rows).toHaveLength(PEOPLE);
		expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(SEATS);
		const [after] = await database.db.select().from(events).where(eq(events.id, e.id));
		expect(after.confirmedCount).toBe(SEATS);
		// Everyone is told: a confirmation with the calendar file, or a waitlist notice without it.
		const mails = await database.db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'event_registered'));
		const mine = mails.filter((m) => m.toAddress.startsWith('burst.guest.'));
		expect(mine).toHaveLength(PEOPLE);
		expect(mine.filter((m) => m.attachments?.some((a) => a.filename === 'event.ics'))).toHaveLength(SEATS);
	}, 120_000);
});
