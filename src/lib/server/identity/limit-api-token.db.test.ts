import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { limitApiToken } from './limit-api-token.ts';
import { LIMITS } from './rate-limit.ts';

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
		const answers = [];
		for (let i = 0; i < 7; i++) answers.push(await limitApiToken(database.db, 'shk_token-one'));
		expect(answers.slice(0, 5)).toEqual([null, null, null, null, null]);
		expect(answers[5]).toBeGreaterThan(0);
		expect(answers[5]).toBeLessThanOrEqual(60);
		expect(await limitApiToken(database.db, 'shk_token-two')).toBeNull();
	});
});
