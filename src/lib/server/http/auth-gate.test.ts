import { describe, expect, it } from 'vitest';
import { crossSiteApiWrite, isOpenAuthPath } from './auth-gate.ts';

describe('auth-library endpoints reachable over HTTP', () => {
	it('the e-mail links stay open', () => {
		expect(isOpenAuthPath('GET', '/api/auth/verify-email')).toBe(true);
		expect(isOpenAuthPath('GET', '/api/auth/reset-password/abcDEF123_-')).toBe(true);
	});
	it.each([
		['POST', '/api/auth/sign-up/email'],
		['POST', '/api/auth/sign-in/email'],
		['POST', '/api/auth/update-user'],
		['POST', '/api/auth/change-password'],
		['POST', '/api/auth/change-email'],
		['POST', '/api/auth/two-factor/verify-totp'],
		['POST', '/api/auth/reset-password'],
		['GET', '/api/auth/get-session'],
		['GET', '/api/auth/list-sessions'],
		['POST', '/api/auth/delete-user'],
		['GET', '/api/auth/reset-password/..%2Fx']
	])('%s %s is closed in favour of the hub pages', (method, path) => expect(isOpenAuthPath(method, path)).toBe(false));
});

describe('JSON API writes that ride on the session cookie', () => {
	const url = new URL('https://hub.example/api/v1/organisations');
	const req = (method: string, headers: Record<string, string>) => new Request(url, { method, headers });
	it('from another site are refused', () => {
		expect(crossSiteApiWrite(req('POST', { cookie: 'sh.session_token=x', origin: 'https://evil.example' }), url)).toBe(true);
		expect(crossSiteApiWrite(req('DELETE', { cookie: 'sh.session_token=x', 'sec-fetch-site': 'cross-site' }), url)).toBe(true);
		expect(crossSiteApiWrite(req('PATCH', { cookie: 'sh.session_token=x' }), url)).toBe(true);
	});
	it('from the hub itself, with a bearer token, or only reading, pass', () => {
		expect(crossSiteApiWrite(req('POST', { cookie: 'sh.session_token=x', origin: 'https://hub.example' }), url)).toBe(false);
		expect(crossSiteApiWrite(req('POST', { cookie: 'sh.session_token=x', 'sec-fetch-site': 'same-origin' }), url)).toBe(false);
		expect(crossSiteApiWrite(req('POST', { authorization: 'Bearer shk_abc', origin: 'https://evil.example' }), url)).toBe(false);
		expect(crossSiteApiWrite(req('GET', { cookie: 'sh.session_token=x', origin: 'https://evil.example' }), url)).toBe(false);
	});
});
