import { describe, expect, it } from 'vitest';
import { cleanText, findForbiddenText, hasForbiddenText, isIdParam, isUuid, pageNumber } from './input-text.ts';

describe('text no field may hold', () => {
	it('NUL, other controls and DEL are forbidden; tab, CR and LF are not', () => {
		for (const s of ['a\u0000b', 'a\u0001', '\u001fx', 'x\u007f', 'x\u000b']) expect(hasForbiddenText(s), JSON.stringify(s)).toBe(true);
		expect(hasForbiddenText('line one\r\nline two\tend')).toBe(false);
	});
	it('a lone surrogate is forbidden, a real pair (an emoji) is not', () => {
		expect(hasForbiddenText('x\ud800y')).toBe(true);
		expect(hasForbiddenText('x\udc00')).toBe(true);
		expect(hasForbiddenText('ok 😀')).toBe(false);
	});
	it('form text is cleaned: controls dropped, lines kept', () => {
		expect(cleanText('Ro\u0000ad\r\nworks\u0007')).toBe('Road\r\nworks');
		expect(cleanText('x\ud800')).toBe('x\ufffd');
	});
	it('JSON: the path of the first bad key or string is named', () => {
		expect(findForbiddenText({ a: 'fine', b: [{ c: 'x\u0000' }] })).toBe('b.0.c');
		expect(findForbiddenText({ ['k\u0000']: 1 })).toBe('k\u0000');
		expect(findForbiddenText({ a: ['fine', 2, null] })).toBeNull();
	});
	it('JSON: a `__proto__` key is named too, wherever it sits', () => {
		expect(findForbiddenText(JSON.parse('{"a":{"__proto__":{"admin":true}}}'))).toBe('a.__proto__');
		expect(findForbiddenText(JSON.parse('{"constructor":"x","prototype":"y"}'))).toBeNull();
	});
});

describe('ids and page numbers from the address', () => {
	it('only UUIDs are record ids', () => {
		expect(isUuid('0b6f9f5e-8c1a-4c43-9d8e-2f0a1b2c3d4e')).toBe(true);
		for (const s of ['not-a-uuid', '-1', '__proto__', '\u0000', '']) expect(isUuid(s)).toBe(false);
	});
	it('parameters named id or …Id are record ids; others are not', () => {
		expect(isIdParam('id') && isIdParam('personId')).toBe(true);
		expect(isIdParam('token') || isIdParam('n') || isIdParam('slug')).toBe(false);
	});
	it('absurd page numbers are clamped', () => {
		expect(pageNumber('1e309')).toBe(1);
		expect(pageNumber('-5')).toBe(1);
		expect(pageNumber('abc')).toBe(1);
		expect(pageNumber('99999999', 500)).toBe(500);
		expect(pageNumber('3.7')).toBe(3);
	});
});
