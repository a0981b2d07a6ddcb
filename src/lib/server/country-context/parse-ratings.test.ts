import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRatings } from './parse-ratings.ts';
import { describeProblems } from './row-problems.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('reading a civic-space rating CSV', () => {
	it('reads every row of a good file, codes upper-cased and ratings as numbers', () => {
		const { rows, problems } = parseRatings(fixture('civic-space-ratings.csv'));
		expect(problems).toEqual([]);
		expect(rows).toHaveLength(11);
		expect(rows[0]).toEqual({ country: 'KE', rating: 41.5, band: 'repressed' });
	});

	it('accepts a byte-order mark, Windows line ends, quoted cells, lower-case codes and a country_code header', () => {
		const { rows, problems } = parseRatings('\uFEFFCountry_Code,Rating,Band\r\nke,"41",repressed\r\n\r\nsn,58,"narrowed, improving"\r\n');
		expect(problems).toEqual([]);
		expect(rows).toEqual([
			{ country: 'KE', rating: 41, band: 'repressed' },
			{ country: 'SN', rating: 58, band: 'narrowed, improving' }
		]);
	});

	it('reports each bad row by its line: unknown code, duplicate, rating out of range, formula, missing cell', () => {
		const { rows, problems } = parseRatings(fixture('civic-space-refused.csv'));
		expect(problems.map((p) => p.row)).toEqual([3, 4, 5, 6, 6, 7]);
		expect(problems[0].problem).toMatch(/XX.*not a known/);
		expect(problems[1].problem).toMatch(/KE is listed twice; the first is number 2/);
		expect(problems[2].problem).toMatch(/0 to 100/);
		expect(problems[3].problem).toMatch(/formula/);
		expect(problems[5].problem).toMatch(/Expected 3 cells, found 2/);
		expect(rows.map((r) => r.country)).toEqual(['KE']);
	});

	it('refuses wrong columns at the header, before reading any row', () => {
		const { rows, problems } = parseRatings('code,score\nKE,41\n');
		expect(rows).toEqual([]);
		expect(problems).toEqual([{ row: 1, problem: expect.stringMatching(/country, rating, band/) }]);
	});

	it('refuses an empty file, a header alone, and broken quoting', () => {
		expect(parseRatings('').problems[0].problem).toMatch(/no data rows/);
		expect(parseRatings('country,rating,band\n').problems[0].problem).toMatch(/no data rows/);
		expect(parseRatings('country,rating,band\nKE,"41,repressed\n').problems[0].problem).toMatch(/not valid CSV/);
	});

	it('a leading tab, plus or at sign counts as a formula, a negative number does not (it is only out of range)', () => {
		const cell = (band: string) => parseRatings(`country,rating,band\nKE,40,${band}\n`).problems.map((p) => p.problem);
		expect(cell('"@SUM(A1)"')).toEqual([expect.stringMatching(/formula/)]);
		expect(cell('+1+1')).toEqual([expect.stringMatching(/formula/)]);
		expect(parseRatings('country,rating,band\nKE,-5,x\n').problems.map((p) => p.problem)).toEqual([expect.stringMatching(/0 to 100/)]);
	});

	it('lists at most 20 problems and says how many more there are', () => {
		const body = Array.from({ length: 25 }, (_, i) => `Z${i % 10},1,x`).join('\n');
		const lines = describeProblems(parseRatings(`country,rating,band\n${body}\n`).problems, 'row');
		expect(lines).toHaveLength(21);
		expect(lines[0]).toMatch(/^Row 2: /);
		expect(lines[20]).toMatch(/5 more problems/);
	});
});
