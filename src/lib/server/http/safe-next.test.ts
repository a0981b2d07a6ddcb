import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.ts';

describe('redirect after a form', () => {
	it('follows a same-site path', () => expect(safeNext('/directory?q=a')).toBe('/directory?q=a'));
	it('refuses another site, protocol-relative or backslash tricks', () => {
		expect(safeNext('https://evil.example')).toBe('/');
		expect(safeNext('//evil.example')).toBe('/');
		expect(safeNext('/\\evil.example')).toBe('/');
	});
	it('falls back when nothing is given', () => expect(safeNext(null, '/directory')).toBe('/directory'));
});
