import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { RateLimitedError } from '../identity/rate-limit.ts';
import { api } from './edge.ts';

const user: Actor = { kind: 'user', userId: 'u1', name: 'N', email: 'n@example.org', role: 'admin', locale: 'en', timeZone: 'UTC', memberships: new Map(), via: 'token' };
const call = (e: Error) => api(async () => Promise.reject(e))({ locals: { actor: user } });

describe('the API’s answers to account-security refusals', () => {
	it('a missing fresh proof is a 403 with its own code and a readable message', async () => {
		const res = await call(new DomainError('FRESH_PROOF_REQUIRED', 'Confirm it is you first.'));
		expect(res.status).toBe(403);
		expect(await res.json()).toEqual({ error: { code: 'FRESH_PROOF_REQUIRED', message: 'Confirm it is you first.' } });
	});

	it('a limit reached is a 429 that says when to come back', async () => {
		const res = await call(new RateLimitedError('Too many.', 42));
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('42');
		expect((await res.json()).error.code).toBe('RATE_LIMITED');
	});
});
