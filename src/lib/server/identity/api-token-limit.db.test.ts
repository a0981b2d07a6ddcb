import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { actorFor } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { authenticateApiRequest } from './authenticate-api-token.ts';
import { createApiToken } from './create-api-token.ts';
import { LIMITS } from './rate-limit.ts';
import { revokeApiToken } from './revoke-api-token.ts';
import { rateLimits } from './schema.ts';

let database: Database;
const saved = { ...LIMITS.apiToken };
beforeAll(async () => {
	database = await freshDatabase();
	LIMITS.apiToken.max = 5;
});
afterAll(async () => {
	Object.assign(LIMITS.apiToken, saved);
	await database.close();
});

describe('API requests per token', () => {
	it('past the limit a token waits, with the seconds to wait; another token is not affected', async () => {
		const officer = await actorFor(database.db, 'programme_officer');
		const one = await createApiToken(database.db, officer, { name: 'one' });
		const two = await createApiToken(database.db, officer, { name: 'two' });
		const answers = [];
		for (let i = 0; i < 7; i++) answers.push(await authenticateApiRequest(database.db, one.token));
		// Every call still says who the token acts for; the wait appears past the limit.
		expect(answers.every((a) => a.actor?.kind === 'user')).toBe(true);
		expect(answers.slice(0, 5).map((a) => a.wait)).toEqual([null, null, null, null, null]);
		expect(answers[5].wait).toBeGreaterThan(0);
		expect(answers[5].wait).toBeLessThanOrEqual(60);
		expect((await authenticateApiRequest(database.db, two.token)).wait).toBeNull();
	});

	it('a new window starts the count again', async () => {
		const officer = await actorFor(database.db, 'programme_officer');
		const t = await createApiToken(database.db, officer, { name: 'window' });
		for (let i = 0; i < 6; i++) await authenticateApiRequest(database.db, t.token);
		expect((await authenticateApiRequest(database.db, t.token)).wait).not.toBeNull();
		// The window opened more than a minute ago.
		await database.db.update(rateLimits).set({ windowStartedAt: new Date(Date.now() - 61_000) }).where(like(rateLimits.key, 'api:token:%'));
		expect((await authenticateApiRequest(database.db, t.token)).wait).toBeNull();
	});

	it('a made-up or revoked token is not counted and leaves no row', async () => {
		const before = (await database.db.select().from(rateLimits)).length;
		expect(await authenticateApiRequest(database.db, 'shk_made-up')).toEqual({ actor: null, wait: null });
		const officer = await actorFor(database.db, 'programme_officer');
		const t = await createApiToken(database.db, officer, { name: 'revoked' });
		await revokeApiToken(database.db, officer, t.id);
		expect(await authenticateApiRequest(database.db, t.token)).toEqual({ actor: null, wait: null });
		expect((await database.db.select().from(rateLimits)).length).toBe(before);
		expect(await database.db.select().from(rateLimits).where(eq(rateLimits.key, 'api:token:shk_made-up'))).toEqual([]);
	});
});
