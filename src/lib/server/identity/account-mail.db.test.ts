// The account change and the mail it owes commit together: when the outbox refuses the mail (a
// stand-in for a crash between the two), no account, reset token or rate-limit hit is kept.
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { outboxMessages } from '../mail/schema.ts';
import { makeUser } from '../seed/factories.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { createAuth, type Auth } from './auth.ts';
import { inAuthTransaction } from './auth-transaction.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { accounts, users, verifications } from './schema.ts';
import { signUp } from './sign-up.ts';

let database: Database;
let auth: Auth;

beforeAll(async () => {
	database = await freshDatabase();
	auth = createAuth({ db: database.db, secret: 'a-test-secret-that-is-long-enough-123456', baseURL: 'http://hub.test' });
});
afterAll(() => database.close());

const form = (email: string) => ({ name: 'Noor', email, password: 'a long enough pass', locale: 'en', timeZone: 'UTC' });
const rows = async (table: typeof users | typeof accounts | typeof verifications) => (await database.db.select({ n: count() }).from(table))[0].n;

/** Makes the outbox refuse one kind of mail while `work` runs. */
async function outboxRefuses<T>(kind: string, work: () => Promise<T>) {
	await database.db.execute(sql.raw(`ALTER TABLE outbox_messages ADD CONSTRAINT refuse_for_test CHECK (kind <> '${kind}')`));
	try {
		return await work().then(
			() => 'kept' as const,
			() => 'refused' as const
		);
	} finally {
		await database.db.execute(sql.raw('ALTER TABLE outbox_messages DROP CONSTRAINT refuse_for_test'));
	}
}

describe('verification and reset mail are written with the change that owes them', () => {
	it('a sign-up whose verification mail cannot be queued leaves no account behind', async () => {
		const before = { users: await rows(users), accounts: await rows(accounts) };
		expect(await outboxRefuses('verify_email', () => signUp(database.db, auth, form('no.mail@example.org'), '10.9.0.1'))).toBe('refused');
		expect(await database.db.select().from(users).where(eq(users.email, 'no.mail@example.org'))).toEqual([]);
		expect({ users: await rows(users), accounts: await rows(accounts) }).toEqual(before);

		// The same sign-up afterwards works, and its account and mail are there together.
		await signUp(database.db, auth, form('no.mail@example.org'), '10.9.0.2');
		const [u] = await database.db.select().from(users).where(eq(users.email, 'no.mail@example.org'));
		expect(u.emailVerified).toBe(false);
		const mails = await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'no.mail@example.org'));
		expect(mails.map((m) => m.kind)).toEqual(['verify_email']);
	});

	it('a reset request whose mail cannot be queued leaves no reset token behind', async () => {
		await makeUser(database.db, { email: 'reset.owed@example.org', password: 'correct horse battery' });
		const before = await rows(verifications);
		expect(await outboxRefuses('password_reset', () => requestPasswordReset(database.db, auth, { email: 'reset.owed@example.org' }, '10.9.1.1'))).toBe('refused');
		expect(await rows(verifications)).toBe(before);

		await requestPasswordReset(database.db, auth, { email: 'reset.owed@example.org' }, '10.9.1.2');
		expect(await rows(verifications)).toBe(before + 1);
		const mails = await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'reset.owed@example.org'));
		expect(mails.map((m) => m.kind)).toEqual(['password_reset']);
	});

	it('a repeated sign-up whose reminder cannot be queued keeps nothing of it either', async () => {
		await makeUser(database.db, { email: 'owner@example.org', password: 'correct horse battery' });
		expect(await outboxRefuses('account_exists', () => signUp(database.db, auth, form('owner@example.org'), '10.9.2.1'))).toBe('refused');
		await signUp(database.db, auth, form('owner@example.org'), '10.9.2.2');
		const mails = await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'owner@example.org'));
		expect(mails.map((m) => m.kind)).toEqual(['account_exists']);
	});

	it('statements of other requests never join an auth transaction', async () => {
		let inside = '';
		const outside = inAuthTransaction(database.db, async () => {
			await auth.api.signUpEmail({ body: { ...form('inside@example.org'), callbackURL: '/' } });
			inside = 'done';
			throw new Error('rolled back on purpose');
		}).catch(() => 'rolled back');
		// Meanwhile, a request outside the transaction writes on its own and keeps its row.
		await makeUser(database.db, { email: 'outside@example.org' });
		expect(await outside).toBe('rolled back');
		expect(inside).toBe('done');
		expect(await database.db.select().from(users).where(eq(users.email, 'inside@example.org'))).toEqual([]);
		expect(await database.db.select().from(users).where(eq(users.email, 'outside@example.org'))).toHaveLength(1);
	});
});
