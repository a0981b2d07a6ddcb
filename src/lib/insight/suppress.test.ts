import { describe, expect, it } from 'vitest';
import { suppressSmallCells } from './suppress.ts';

const rows = (...r: [string, number, number][]) => r.map(([key, partners, grants]) => ({ key, partners, grants }));

describe('public breakdowns withhold small counts', () => {
	it('a cell under 5 is withheld, 5 and over are shown', () => {
		const out = suppressSmallCells(rows(['KE', 12, 4], ['MX', 5, 9], ['PE', 7, 6]), ['partners', 'grants']);
		expect(out.find((r) => r.key === 'MX')).toEqual({ key: 'MX', partners: 5, grants: 9 });
		expect(out.find((r) => r.key === 'KE')?.grants).toBeNull();
	});

	it('a country where every figure is small is folded into "other", so its name points at no one', () => {
		const out = suppressSmallCells(rows(['KE', 12, 8], ['MX', 9, 7], ['TD', 1, 1], ['NE', 2, 3]), ['partners', 'grants']);
		expect(out.map((r) => r.key)).toEqual(['KE', 'MX', 'other']);
		expect(out.find((r) => r.key === 'other')).toEqual({ key: 'other', partners: null, grants: null });
	});

	it('several small countries together may reach 5 and be shown as "other"', () => {
		const out = suppressSmallCells(rows(['KE', 12, 8], ['MX', 9, 7], ['TD', 3, 1], ['NE', 2, 3]), ['partners', 'grants']);
		expect(out.find((r) => r.key === 'other')).toEqual({ key: 'other', partners: 5, grants: null });
	});

	it('a lone withheld cell in a column takes the next smallest with it, so a total cannot reveal it', () => {
		const out = suppressSmallCells(rows(['KE', 12, 8], ['MX', 9, 7], ['PE', 6, 2]), ['partners', 'grants']);
		expect(out.map((r) => r.grants)).toEqual([8, null, null]);
		expect(out.map((r) => r.partners)).toEqual([12, 9, 6]);
	});
});
