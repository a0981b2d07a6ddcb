import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { ANONYMOUS } from '../identity/actor.ts';
import { LIMITS, RateLimitedError } from '../identity/rate-limit.ts';
import { makeEvent, makeTerm } from '../seed/events-factories.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { registerForEvent } from './register-for-event.ts';

let database: Database;
let formatId: string;
const guest = (email: string) => ({ name: 'Guest Person', email, organisationName: 'A group', country: 'KE', consent: true });
const outcomeOf = (p: Promise<unknown>) =>
	p.then(
		() => 'OK',
		(e) => (e as { code?: string }).code ?? String(e)
	);

beforeAll(async () => {
	database = await freshDatabase();
	formatId = (await makeTerm(database.db, { kind: 'format', code: 'open_webinar' })).id;
});
afterAll(async () => {
	await database?.close();
});

describe('guest registration limits', () => {
	it('one e-mail address registers at most five times an hour, from any address; then 429 with a wait', async () => {
		const events = await Promise.all(Array.from({ length: 6 }, () => makeEvent(database.db, { formatId, capacity: 50 })));
		for (const [i, e] of events.slice(0, 5).entries())
			expect(await outcomeOf(registerForEvent(database.db, ANONYMOUS, e.id, guest('Same.Person@example.org'), { locale: 'en', ip: `10.9.0.${i}` }))).toBe('OK');
		const err = await registerForEvent(database.db, ANONYMOUS, events[5].id, guest('same.person@example.org'), { locale: 'es', ip: '10.9.0.99' }).catch((e) => e);
		expect(err).toBeInstanceOf(RateLimitedError);
		expect(err.retryAfter).toBeGreaterThan(59 * 60);
	});

	it('one address registers a limited number of different guests; others are unaffected', async () => {
		const e = await makeEvent(database.db, { formatId, capacity: 100 });
		const max = LIMITS.guestRegistrationPerAddress.max;
		for (let i = 0; i < max; i++)
			expect(await outcomeOf(registerForEvent(database.db, ANONYMOUS, e.id, guest(`bulk${i}@example.org`), { locale: 'en', ip: '10.9.1.1' }))).toBe('OK');
		expect(await outcomeOf(registerForEvent(database.db, ANONYMOUS, e.id, guest('one.more@example.org'), { locale: 'en', ip: '10.9.1.1' }))).toBe('RATE_LIMITED');
		expect(await outcomeOf(registerForEvent(database.db, ANONYMOUS, e.id, guest('one.more@example.org'), { locale: 'en', ip: '10.9.1.2' }))).toBe('OK');
	});
});
