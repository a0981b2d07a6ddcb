import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { DomainError } from '../errors.ts';

let current = new URL('http://hub.test/settings/email');
vi.mock('$app/server', () => ({ getRequestEvent: () => ({ url: current, setHeaders: () => {} }) }));
const { act } = await import('./edge.ts');

async function whereTo(url: string, values?: Record<string, unknown>): Promise<string> {
	current = new URL(url);
	try {
		await act(async () => {
			throw new DomainError('FRESH_PROOF_REQUIRED', 'Confirm it is you first.');
		}, values);
	} catch (e) {
		if (isRedirect(e)) return e.location;
		throw e;
	}
	throw new Error('no redirect');
}

describe('coming back after confirming who one is', () => {
	it('returns to the page the form was on, with what was typed in it, never a secret', async () => {
		const to = await whereTo('http://hub.test/settings/tokens?/create', { name: 'Nightly export', expiresInDays: '30', password: 'hunter2 hunter2', code: '123456' });
		expect(to.startsWith('/settings/confirm?next=')).toBe(true);
		const next = decodeURIComponent(to.slice('/settings/confirm?next='.length));
		expect(next).toBe('/settings/tokens?name=Nightly+export&expiresInDays=30');
	});

	it('keeps the page’s own query and drops long values', async () => {
		const to = await whereTo('http://hub.test/admin/users?q=ana', { note: 'x'.repeat(501), role: 'finance' });
		expect(decodeURIComponent(to.slice('/settings/confirm?next='.length))).toBe('/admin/users?q=ana&role=finance');
	});
});
