import { desc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { outboxMessages } from '../mail/schema.ts';
import { makeUser } from '../seed/factories.ts';
import { outcome } from '../testing/actors.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { resetPassword } from './reset-password.ts';
import { verifications } from './schema.ts';
import { isOpenAuthPath } from '../http/auth-gate.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { createAuth, RESET_TOKEN_SECONDS } from './auth.ts';

let database: Database;
beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(() => database.close());

/** Every HTTP endpoint the auth library (with the hub's plugins) would serve under /api/auth. */
function endpoints() {
	const auth = createAuth({ db: database.db, secret: 'a-test-secret-that-is-long-enough-123456', baseURL: 'http://hub.test' });
	const out: { method: string; path: string }[] = [];
	for (const e of Object.values(auth.api) as { path?: string; options?: { method?: string | string[] } }[]) {
		if (!e?.path) continue;
		const methods = [e.options?.method ?? 'GET'].flat().flatMap((m) => (m === '*' ? ['GET', 'POST'] : [m]));
		for (const method of methods) out.push({ method, path: `/api/auth${e.path.replace(/:(\w+)/g, 'sample-$1')}` });
	}
	return out;
}

describe('the auth library’s endpoints over HTTP', () => {
	it('only the two e-mail links are open; every other endpoint, whoever asks, is closed', () => {
		const all = endpoints();
		expect(all.length).toBeGreaterThan(30);
		const open = all.filter((e) => isOpenAuthPath(e.method, e.path)).map((e) => `${e.method} ${e.path}`);
		expect(open.sort()).toEqual(['GET /api/auth/reset-password/sample-token', 'GET /api/auth/verify-email']);
	});

	it('reset links are valid for at most an hour and work once', async () => {
		expect(RESET_TOKEN_SECONDS).toBeLessThanOrEqual(60 * 60);
		const auth = createAuth({ db: database.db, secret: 'a-test-secret-that-is-long-enough-123456', baseURL: 'http://hub.test' });
		const u = await makeUser(database.db, { password: 'the old password here' });
		const linkToken = async () => {
			await requestPasswordReset(database.db, auth, { email: u.email }, `10.50.0.${Math.floor(Math.random() * 250)}`);
			const [mail] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, u.email)).orderBy(desc(outboxMessages.createdAt)).limit(1);
			return new URL(mail.textBody.match(/https?:\/\/\S+/)![0]).pathname.split('/').pop()!;
		};
		// The stored expiry is at most an hour away.
		const first = await linkToken();
		const [row] = await database.db.select().from(verifications).where(like(verifications.identifier, `%${first}`));
		expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);
		// Once past it, the link is refused.
		await database.db.update(verifications).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(verifications.id, row.id));
		expect(await outcome(() => resetPassword(auth, { token: first, password: 'a brand new passphrase' }))).toBe('INVALID_INPUT');
		// A fresh link works once.
		const second = await linkToken();
		expect(await outcome(() => resetPassword(auth, { token: second, password: 'a brand new passphrase' }))).toBe('OK');
		expect(await outcome(() => resetPassword(auth, { token: second, password: 'another new passphrase' }))).toBe('INVALID_INPUT');
	});
});
