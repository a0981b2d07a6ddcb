import { describe, expect, it } from 'vitest';
import { neutraliseCell } from './spreadsheet-cells.ts';

describe('spreadsheet cells', () => {
	it('quotes text a spreadsheet would run as a formula', () => {
		for (const v of ['=1+1', '+33 1 23', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseCell(v)).toBe(`'${v}`);
	});
	it('leaves everything else alone', () => {
		for (const v of ['plain', ' =not first', 42, null, undefined, '']) expect(neutraliseCell(v)).toBe(v);
	});
});
