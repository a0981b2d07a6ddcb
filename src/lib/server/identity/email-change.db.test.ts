import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { outboxMessages } from '../mail/schema.ts';
import { makeUser } from '../seed/factories.ts';
import { outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import type { UserActor } from './actor.ts';
import { confirmEmailChange } from './confirm-email-change.ts';
import { loadActor } from './load-actor.ts';
import { requestEmailChange } from './request-email-change.ts';
import { users, verifications } from './schema.ts';

let database: Database;
beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(() => database.close());

const BASE = 'http://hub.test';
const fresh = async (id: string) => ({ ...((await loadActor(database.db, id, 'session')) as UserActor), provenAt: new Date() });
const mailsTo = (to: string) => database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, to));
const tokenIn = (text: string) => text.match(/token=([A-Za-z0-9_-]+)/)![1];

describe('changing one’s e-mail address', () => {
	it('needs a fresh proof; mails a link to the new address and a notice to the old; changes only when the link is used, once', async () => {
		const u = await makeUser(database.db);
		const me = await fresh(u.id);
		const next = `moved-${u.id.slice(0, 8)}@example.org`;
		expect(await outcome(() => requestEmailChange(database.db, { ...me, provenAt: new Date(Date.now() - 11 * 60_000) }, { email: next }, BASE))).toBe('FRESH_PROOF_REQUIRED');
		expect(await outcome(() => requestEmailChange(database.db, me, { email: 'not an address' }, BASE))).toBe('INVALID_INPUT');
		expect(await outcome(() => requestEmailChange(database.db, me, { email: u.email.toUpperCase() }, BASE))).toBe('INVALID_INPUT');
		await requestEmailChange(database.db, me, { email: next.toUpperCase() }, BASE);
		const [link] = await mailsTo(next);
		const [notice] = await mailsTo(u.email);
		expect(link.kind).toBe('email_change_verify');
		expect(notice.kind).toBe('email_change_notice');
		expect(notice.textBody).toContain(next);
		expect(notice.textBody).not.toContain('token=');
		// Nothing changed yet.
		expect((await database.db.select({ email: users.email }).from(users).where(eq(users.id, u.id)))[0].email).toBe(u.email);
		const token = tokenIn(link.textBody);
		expect(await outcome(() => confirmEmailChange(database.db, { token: 'x'.repeat(43) }))).toBe('INVALID_INPUT');
		expect(await outcome(() => confirmEmailChange(database.db, { token: '%00' }))).toBe('INVALID_INPUT');
		expect(await confirmEmailChange(database.db, { token })).toEqual({ email: next });
		const [after] = await database.db.select({ email: users.email, emailVerified: users.emailVerified }).from(users).where(eq(users.id, u.id));
		expect(after).toEqual({ email: next, emailVerified: true });
		expect(await outcome(() => confirmEmailChange(database.db, { token }))).toBe('INVALID_INPUT');
	});

	it('answers the same when the new address is taken, telling its owner instead; asking again replaces the link; limited per person', async () => {
		const u = await makeUser(database.db);
		const other = await makeUser(database.db);
		const me = await fresh(u.id);
		const taken = await requestEmailChange(database.db, me, { email: other.email }, BASE);
		expect(taken).toEqual({ email: other.email.toLowerCase() });
		const toOther = await mailsTo(other.email);
		expect(toOther.map((m) => m.kind)).toEqual(['email_change_taken']);
		expect(toOther[0].textBody).not.toContain(u.email);
		expect(await database.db.select().from(verifications).where(eq(verifications.value, `${u.id}\n${other.email}`))).toEqual([]);

		const first = `first-${u.id.slice(0, 8)}@example.org`;
		const second = `second-${u.id.slice(0, 8)}@example.org`;
		await requestEmailChange(database.db, me, { email: first }, BASE);
		const oldToken = tokenIn((await mailsTo(first))[0].textBody);
		await requestEmailChange(database.db, me, { email: second }, BASE);
		expect(await outcome(() => confirmEmailChange(database.db, { token: oldToken }))).toBe('INVALID_INPUT');
		expect(await outcome(() => requestEmailChange(database.db, me, { email: `third-${u.id.slice(0, 8)}@example.org` }, BASE))).toBe('RATE_LIMITED');

		// The address was taken after the link was sent: the change is refused, nothing else moves.
		const newToken = tokenIn((await mailsTo(second))[0].textBody);
		await makeUser(database.db, { email: second });
		expect(await outcome(() => confirmEmailChange(database.db, { token: newToken }))).toBe('CONFLICT');
		expect((await database.db.select({ email: users.email }).from(users).where(eq(users.id, u.id)))[0].email).toBe(u.email);
	});
});
