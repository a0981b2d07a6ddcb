import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { resumeAfterProof } from '../http/resume-after-proof.ts';
import { makeUser } from '../seed/factories.ts';
import { freshDatabase } from '../testing/test-db.ts';
import type { UserActor } from './actor.ts';
import { createAuth, type Auth } from './auth.ts';
import { claimPendingAction, findPendingAction } from './claim-pending-action.ts';
import { holdPendingAction } from './hold-pending-action.ts';
import { loadActor } from './load-actor.ts';
import { takeRefill } from './refill-pending-action.ts';
import { apiTokens, pendingActions, sessions, users } from './schema.ts';

let database: Database;
let auth: Auth;
const PASSWORD = 'a long enough pass';
const FALLBACK = '/settings';

beforeAll(async () => {
	database = await freshDatabase();
	auth = createAuth({ db: database.db, secret: 'a-test-secret-that-is-long-enough-123456', baseURL: 'http://hub.test' });
});
afterAll(() => database.close());

/** A session of `u` as a browser would get it, whose proof is half an hour old. */
async function sessionOf(u: { id: string; email: string }) {
	const res = await auth.api.signInEmail({ body: { email: u.email, password: PASSWORD }, headers: new Headers(), returnHeaders: true });
	const headers = new Headers({ cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') });
	const sessionId = (await auth.api.getSession({ headers }))!.session.id;
	const actor = { ...((await loadActor(database.db, u.id, 'session')) as UserActor), provenAt: new Date(Date.now() - 30 * 60_000) };
	return { sessionId, actor };
}

const hub = () => ({ db: database.db, baseURL: 'http://hub.test' });
const roleOf = async (id: string) => (await database.db.select({ role: users.role }).from(users).where(eq(users.id, id)))[0].role;

describe('a form held while its sender confirms who they are', () => {
	it('is finished once, after the proof, and only from the session that sent it', async () => {
		const admin = await makeUser(database.db, { role: 'admin', password: PASSWORD });
		const target = await makeUser(database.db);
		const mine = await sessionOf(admin);
		const otherSession = await sessionOf(admin);
		const someoneElse = await sessionOf(await makeUser(database.db, { role: 'admin', password: PASSWORD }));
		const id = await holdPendingAction(database.db, mine.actor, mine.sessionId, {
			action: 'grant-role',
			returnTo: '/admin/users?q=ana',
			values: { userId: target.id, role: 'reviewer', password: PASSWORD, backupCode: 'abcde-12345' }
		});
		// Secrets are never held.
		const [row] = await database.db.select().from(pendingActions).where(eq(pendingActions.id, id));
		expect(row.values).toEqual({ userId: target.id, role: 'reviewer' });
		expect(JSON.stringify(row)).not.toContain(PASSWORD);

		expect(await findPendingAction(database.db, mine.actor, otherSession.sessionId, id)).toBeNull();
		expect(await resumeAfterProof(hub(), mine.actor, otherSession.sessionId, id, FALLBACK)).toBe(FALLBACK);
		expect(await resumeAfterProof(hub(), someoneElse.actor, mine.sessionId, id, FALLBACK)).toBe(FALLBACK);
		expect(await roleOf(target.id)).toBe('member');

		expect(await findPendingAction(database.db, mine.actor, mine.sessionId, id)).toMatchObject({ action: 'grant-role' });
		expect(await resumeAfterProof(hub(), mine.actor, mine.sessionId, id, FALLBACK)).toBe('/admin/users?q=ana&done=role');
		expect(await roleOf(target.id)).toBe('reviewer');
		// Once: a replay of the same confirmation does nothing, and the held form is gone.
		await database.db.update(users).set({ role: 'member' }).where(eq(users.id, target.id));
		expect(await resumeAfterProof(hub(), mine.actor, mine.sessionId, id, FALLBACK)).toBe(FALLBACK);
		expect(await roleOf(target.id)).toBe('member');
		expect(await database.db.select().from(pendingActions).where(eq(pendingActions.id, id))).toHaveLength(0);
	});

	it('two confirmations at once finish it once', async () => {
		const u = await makeUser(database.db, { password: PASSWORD });
		const s = await sessionOf(u);
		const id = await holdPendingAction(database.db, s.actor, s.sessionId, { action: 'grant-role', returnTo: '/admin/users', values: { userId: u.id, role: 'member' } });
		const claims = await Promise.all([0, 1].map(() => claimPendingAction(database.db, s.actor, s.sessionId, id)));
		expect(claims.filter(Boolean)).toHaveLength(1);
	});

	it('expires after ten minutes', async () => {
		const admin = await makeUser(database.db, { role: 'admin', password: PASSWORD });
		const target = await makeUser(database.db);
		const s = await sessionOf(admin);
		const id = await holdPendingAction(database.db, s.actor, s.sessionId, { action: 'grant-role', returnTo: '/admin/users', values: { userId: target.id, role: 'finance' } });
		const [row] = await database.db.select().from(pendingActions).where(eq(pendingActions.id, id));
		const minutes = (row.expiresAt.getTime() - row.createdAt.getTime()) / 60_000;
		expect(minutes).toBeGreaterThan(9.9);
		expect(minutes).toBeLessThan(10.1);
		await database.db.update(pendingActions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(pendingActions.id, id));
		expect(await findPendingAction(database.db, s.actor, s.sessionId, id)).toBeNull();
		expect(await resumeAfterProof(hub(), s.actor, s.sessionId, id, FALLBACK)).toBe(FALLBACK);
		expect(await roleOf(target.id)).toBe('member');
		// Holding any other form clears what has expired.
		const other = await sessionOf(admin);
		await holdPendingAction(database.db, other.actor, other.sessionId, { action: 'grant-role', returnTo: '/admin/users', values: {} });
		expect(await database.db.select().from(pendingActions).where(eq(pendingActions.id, id))).toHaveLength(0);
	});

	it('a refused finish brings the form back once, filled in, with the reason', async () => {
		const admin = await makeUser(database.db, { role: 'admin', password: PASSWORD });
		const target = await makeUser(database.db);
		const s = await sessionOf(admin);
		const other = await sessionOf(admin);
		const id = await holdPendingAction(database.db, s.actor, s.sessionId, { action: 'grant-role', returnTo: '/admin/users', values: { userId: target.id, role: 'emperor' } });
		// Still waiting for the proof: nothing to refill yet.
		expect(await takeRefill(database.db, s.actor, s.sessionId, id)).toBeNull();
		expect(await resumeAfterProof(hub(), s.actor, s.sessionId, id, FALLBACK)).toBe(`/admin/users?resume=${id}`);
		expect(await takeRefill(database.db, other.actor, other.sessionId, id)).toBeNull();
		const back = await takeRefill(database.db, s.actor, s.sessionId, id);
		expect(back).toMatchObject({ action: 'grant-role', values: { userId: target.id, role: 'emperor' } });
		expect(back!.message).toBeTruthy();
		expect(await takeRefill(database.db, s.actor, s.sessionId, id)).toBeNull();
		expect(await roleOf(target.id)).toBe('member');
	});

	it('an API token is never created behind the person’s back: its form comes back to be sent again', async () => {
		const officer = await makeUser(database.db, { role: 'programme_officer', password: PASSWORD });
		const s = await sessionOf(officer);
		const id = await holdPendingAction(database.db, s.actor, s.sessionId, { action: 'create-api-token', returnTo: '/settings/tokens', values: { name: 'Nightly export', expiresInDays: '30' } });
		expect(await resumeAfterProof(hub(), s.actor, s.sessionId, id, FALLBACK)).toBe(`/settings/tokens?resume=${id}`);
		expect(await database.db.select().from(apiTokens).where(eq(apiTokens.userId, officer.id))).toHaveLength(0);
		expect(await takeRefill(database.db, s.actor, s.sessionId, id)).toEqual({ action: 'create-api-token', values: { name: 'Nightly export', expiresInDays: '30' }, message: null });
	});

	it('a session holds one form at a time, loses it when it ends, and odd ids are no forms', async () => {
		const u = await makeUser(database.db, { password: PASSWORD });
		const s = await sessionOf(u);
		const first = await holdPendingAction(database.db, s.actor, s.sessionId, { action: 'request-email-change', returnTo: '/settings/email', values: { email: 'first@example.org' } });
		const second = await holdPendingAction(database.db, s.actor, s.sessionId, { action: 'request-email-change', returnTo: '/settings/email', values: { email: 'second@example.org' } });
		expect(await claimPendingAction(database.db, s.actor, s.sessionId, first)).toBeNull();
		expect(await findPendingAction(database.db, s.actor, s.sessionId, second)).not.toBeNull();
		for (const odd of ['', 'x', '\u0000'.repeat(32), `${second}x`, null])
			expect(await claimPendingAction(database.db, s.actor, s.sessionId, odd)).toBeNull();
		await database.db.delete(sessions).where(and(eq(sessions.id, s.sessionId), eq(sessions.userId, u.id)));
		expect(await database.db.select().from(pendingActions).where(eq(pendingActions.userId, u.id))).toHaveLength(0);
	});
});
