import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { ANONYMOUS } from '../identity/actor.ts';
import { outboxMessages } from '../mail/schema.ts';
import { makeEvent, makeTerm } from '../seed/events-factories.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { outcome } from '../testing/actors.ts';
import { cancelRegistration } from './cancel-registration.ts';
import { registerForEvent } from './register-for-event.ts';
import { sendLinkAgain } from './send-link-again.ts';
import { findRegistrationByToken } from './find-registration.ts';

let database: Database;
beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(() => database.close());

const mailsTo = (to: string) => database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, to));

describe('send my link again', () => {
	it('answers the same for a registered address and an unknown one; only the registered one gets its link, in its language', async () => {
		const formatId = (await makeTerm(database.db, { kind: 'format', code: 'open_webinar' })).id;
		const e = await makeEvent(database.db, { formatId, inHours: 48 });
		await registerForEvent(database.db, ANONYMOUS, e.id, { name: 'Rosa', email: 'rosa.again@example.org', consent: true }, { locale: 'es' });
		const known = await sendLinkAgain(database.db, ANONYMOUS, e.id, { email: 'Rosa.Again@example.org' }, { ip: '10.9.0.1' });
		const unknown = await sendLinkAgain(database.db, ANONYMOUS, e.id, { email: 'nobody.here@example.org' }, { ip: '10.9.0.1' });
		expect(known).toEqual(unknown);
		expect(await mailsTo('nobody.here@example.org')).toHaveLength(0);
		const again = (await mailsTo('rosa.again@example.org')).filter((m) => m.kind === 'event_link_again');
		expect(again).toHaveLength(1);
		expect(again[0].locale).toBe('es');
		expect(again[0].textBody).not.toContain('meet.');
		const token = again[0].textBody.match(/\/events\/registrations\/([\w-]+)/)![1];
		expect((await findRegistrationByToken(database.db, token)).registration.email).toBe('rosa.again@example.org');
	});

	it('a cancelled place gets no link, with the same answer', async () => {
		const formatId = (await makeTerm(database.db, { kind: 'format', code: 'open_webinar' })).id;
		const e = await makeEvent(database.db, { formatId, inHours: 48 });
		const { token } = await registerForEvent(database.db, ANONYMOUS, e.id, { name: 'Tom', email: 'tom.gone@example.org', consent: true }, { locale: 'en' });
		await cancelRegistration(database.db, ANONYMOUS, { token });
		expect(await sendLinkAgain(database.db, ANONYMOUS, e.id, { email: 'tom.gone@example.org' })).toEqual({ sent: true });
		expect((await mailsTo('tom.gone@example.org')).filter((m) => m.kind === 'event_link_again')).toHaveLength(0);
	});

	it('is limited per address whether or not it is registered, and refuses a malformed one per field', async () => {
		const formatId = (await makeTerm(database.db, { kind: 'format', code: 'open_webinar' })).id;
		const e = await makeEvent(database.db, { formatId, inHours: 48 });
		for (let i = 0; i < 3; i++) await sendLinkAgain(database.db, ANONYMOUS, e.id, { email: 'limit.me@example.org' });
		expect(await outcome(() => sendLinkAgain(database.db, ANONYMOUS, e.id, { email: 'limit.me@example.org' }))).toBe('RATE_LIMITED');
		const err = await sendLinkAgain(database.db, ANONYMOUS, e.id, { email: 'not an address' }).catch((x) => x);
		expect(err.code).toBe('INVALID_INPUT');
		expect(Object.keys(err.fields)).toEqual(['email']);
		expect(await outcome(() => sendLinkAgain(database.db, ANONYMOUS, '00000000-0000-4000-8000-000000000000', { email: 'x@example.org' }))).toBe('NOT_FOUND');
	});
});
