import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.ts';

describe('redirect after a form', () => {
	it('follows a same-site path', () => expect(safeNext('/directory?q=a')).toBe('/directory?q=a'));
	it('refuses another site, protocol-relative or backslash tricks', () => {
		expect(safeNext('https://evil.example')).toBe('/');
		expect(safeNext('//evil.example')).toBe('/');
		expect(safeNext('/\\evil.example')).toBe('/');
	});
	it.each(['/\t/evil.example', '/\r\n/evil.example', '/\n/evil.example', '/%09/evil.example', '/%2F/evil.example', '/%5Cevil.example', '/%252F%252Fevil.example', '/%E0%A4%A', 'javascript:alert(1)', '/a\u0000b'])(
		'refuses %j after decoding',
		(v) => expect(safeNext(v, '/directory')).toBe('/directory')
	);
	it('keeps an ordinary encoded path', () => expect(safeNext('/directory?q=caf%C3%A9')).toBe('/directory?q=caf%C3%A9'));
	it('falls back when nothing is given', () => expect(safeNext(null, '/directory')).toBe('/directory'));
});
