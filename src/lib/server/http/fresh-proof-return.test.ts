import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { DomainError } from '../errors.ts';

let current = new URL('http://hub.test/settings/email');
let locals: { actor: unknown; sessionId: string | null } = { actor: { kind: 'anonymous' }, sessionId: null };
vi.mock('$app/server', () => ({ getRequestEvent: () => ({ url: current, locals, setHeaders: () => {} }) }));
const { act } = await import('./edge.ts');

async function whereTo(url: string, values?: Record<string, unknown>, opts?: { resume?: 'grant-role' }): Promise<string> {
	current = new URL(url);
	try {
		await act(async () => {
			throw new DomainError('FRESH_PROOF_REQUIRED', 'Confirm it is you first.');
		}, values, opts);
	} catch (e) {
		if (isRedirect(e)) return e.location;
		throw e;
	}
	throw new Error('no redirect');
}

describe('going to confirm who one is', () => {
	it('returns to the page the form was on (not its action), and nothing typed rides in the address', async () => {
		const to = await whereTo('http://hub.test/settings/tokens?/create', { name: 'Nightly export', expiresInDays: '30', password: 'hunter2 hunter2' });
		expect(to).toBe(`/settings/confirm?next=${encodeURIComponent('/settings/tokens')}`);
	});

	it('keeps the page’s own query, not the form action', async () => {
		const to = await whereTo('http://hub.test/admin/users?q=ana&/role', { role: 'finance' });
		expect(decodeURIComponent(to.slice('/settings/confirm?next='.length))).toBe('/admin/users?q=ana');
		const plain = await whereTo('http://hub.test/admin/users?q=ana', { role: 'finance' });
		expect(decodeURIComponent(plain.slice('/settings/confirm?next='.length))).toBe('/admin/users?q=ana');
	});

	it('holds no form for a caller without a session (an API token cannot be made fresh)', async () => {
		locals = { actor: { kind: 'user', via: 'token', userId: 'u1' }, sessionId: null };
		const to = await whereTo('http://hub.test/admin/users?/role', { userId: 'u2', role: 'finance' }, { resume: 'grant-role' });
		expect(to).toBe(`/settings/confirm?next=${encodeURIComponent('/admin/users')}`);
	});
});
