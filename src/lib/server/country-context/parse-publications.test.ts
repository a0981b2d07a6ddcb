import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePublications } from './parse-publications.ts';

const fixture = readFileSync(new URL('./fixtures/ocp-publications.json', import.meta.url), 'utf8');
const one = (entry: Record<string, unknown>) => parsePublications(JSON.stringify([entry]));
const good = { country: 'PY', frequency: 'daily', last_retrieved: '2026-10-02', date_from: '2010-01-01', date_to: '2026-09-30' };

describe('reading an open-contracting publication snapshot', () => {
	it('reads the registry shape (an object with results), keeping the day of a date-time and an open coverage end', () => {
		const { rows, problems } = parsePublications(fixture);
		expect(problems).toEqual([]);
		expect(rows).toHaveLength(6);
		expect(rows[0]).toMatchObject({ country: 'PY', frequency: 'daily', lastRetrieved: '2026-10-02', coverageFrom: '2010-01-01', coverageTo: '2026-09-30' });
		expect(rows[5]).toMatchObject({ country: 'MX', title: 'Mexico City', coverageTo: null });
	});

	it('reads a plain list too', () => {
		expect(one(good)).toEqual({ rows: [{ country: 'PY', title: '', frequency: 'daily', lastRetrieved: '2026-10-02', coverageFrom: '2010-01-01', coverageTo: '2026-09-30' }], problems: [] });
	});

	it('refuses what is not JSON, or not a list of entries', () => {
		expect(parsePublications('{"results": [').problems).toEqual([{ row: 0, problem: 'The file is not valid JSON.' }]);
		expect(parsePublications('{"data": []}').problems[0].problem).toMatch(/list of publications/);
		expect(parsePublications('[]').problems[0].problem).toMatch(/no data rows/);
		expect(parsePublications('[42]').problems).toEqual([{ row: 1, problem: expect.stringMatching(/not an object/) }]);
	});

	it('reports each bad entry by its number: unknown country, frequency, dates, coverage order, formula', () => {
		const { rows, problems } = parsePublications(
			JSON.stringify([
				good,
				{ ...good, country: 'Paraguay' },
				{ ...good, country: 'KE', frequency: 'hourly' },
				{ ...good, country: 'CO', last_retrieved: '2026-02-31' },
				{ ...good, country: 'UA', date_from: '2027-01-01', date_to: '2026-01-01' },
				{ ...good, country: 'MX', title: '=HYPERLINK("http://x")' },
				good
			])
		);
		expect(rows).toHaveLength(1);
		expect(problems.map((p) => [p.row, p.problem])).toEqual([
			[2, expect.stringMatching(/Paraguay.*not a known/)],
			[3, expect.stringMatching(/frequency must be one of/)],
			[4, expect.stringMatching(/last_retrieved/)],
			[5, expect.stringMatching(/coverage starts after it ends/)],
			[6, expect.stringMatching(/formula/)],
			[7, expect.stringMatching(/PY is listed twice; the first is number 1/)]
		]);
	});

	it('two publications of one country with different titles are both kept', () => {
		const { rows, problems } = parsePublications(JSON.stringify([{ ...good, title: 'National' }, { ...good, title: 'Capital city' }]));
		expect(problems).toEqual([]);
		expect(rows).toHaveLength(2);
	});
});
