import { describe, expect, it } from 'vitest';
import { neutraliseCell, neutraliseRow } from './spreadsheet-cells.ts';

describe('a cell that a spreadsheet would run as a formula', () => {
	it.each(['=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])('%j is written as text', (v) =>
		expect(neutraliseCell(v)).toBe(`'${v}`)
	);
	it('ordinary text, numbers, dates and empty values pass unchanged', () => {
		const d = new Date('2026-01-02T00:00:00Z');
		expect(neutraliseRow(['Road contracts', 42, -3.5, d, null, '', true])).toEqual(['Road contracts', 42, -3.5, d, null, '', true]);
	});
	it('a formula sign further in the text is harmless and kept', () => expect(neutraliseCell('a=b')).toBe('a=b'));
});

describe('spreadsheet cells, as other exports rely on them', () => {
	it('quotes text a spreadsheet would run as a formula', () => {
		for (const v of ['=1+1', '+33 1 23', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseCell(v)).toBe(`'${v}`);
	});
	it('leaves everything else alone', () => {
		for (const v of ['plain', ' =not first', 42, null, undefined, '']) expect(neutraliseCell(v)).toBe(v);
	});
});
