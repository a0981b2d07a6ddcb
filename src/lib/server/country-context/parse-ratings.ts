import { parse } from 'csv-parse/sync';
import { m } from '#lib/paraglide/messages.js';
import { isCountryCode, looksLikeFormula, type Parsed, type RowProblem } from './row-problems.ts';

export type RatingRow = { country: string; rating: number; band: string };

/** The header a ratings file must start with; `country_code` is read as `country`. */
export const RATING_COLUMNS = ['country', 'rating', 'band'] as const;

/**
 * Reads a civic-space or press-freedom rating file: CSV with a header `country,rating,band`, one
 * row per country, a rating from 0 to 100 and a band in the source's own words. Every problem is
 * reported with its row (the header is row 1), so the whole file can be fixed in one go.
 */
export function parseRatings(text: string): Parsed<RatingRow> {
	let records: { record: string[]; info: { lines: number } }[];
	try {
		// With `info`, each record comes with the line it ends on: problems are reported by that line.
		records = parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as typeof records;
	} catch (e) {
		const line = (e as { lines?: number }).lines;
		return { rows: [], problems: [{ row: typeof line === 'number' ? line : 1, problem: m.cc_e_csv() }] };
	}
	if (!records.length) return { rows: [], problems: [{ row: 1, problem: m.cc_e_empty() }] };
	const header = records[0].record.map((h) => h.toLowerCase().replace(/^country_code$/, 'country'));
	if (header.length !== RATING_COLUMNS.length || RATING_COLUMNS.some((c, i) => header[i] !== c))
		return { rows: [], problems: [{ row: records[0].info.lines, problem: m.cc_e_columns({ expected: RATING_COLUMNS.join(', ') }) }] };
	if (records.length === 1) return { rows: [], problems: [{ row: 2, problem: m.cc_e_empty() }] };

	const rows: RatingRow[] = [];
	const problems: RowProblem[] = [];
	const seen = new Map<string, number>();
	for (const { record, info } of records.slice(1)) {
		const row = info.lines;
		const before = problems.length;
		if (record.length !== RATING_COLUMNS.length) {
			problems.push({ row, problem: m.cc_e_cells({ expected: String(RATING_COLUMNS.length), found: String(record.length) }) });
			continue;
		}
		if (record.some(looksLikeFormula)) problems.push({ row, problem: m.cc_e_formula() });
		const [rawCountry, rawRating, band] = record;
		const country = rawCountry.toUpperCase();
		if (!isCountryCode(country)) problems.push({ row, problem: m.cc_e_country({ value: rawCountry.slice(0, 20) }) });
		else if (seen.has(country)) problems.push({ row, problem: m.cc_e_duplicate({ country, first: String(seen.get(country)) }) });
		else seen.set(country, row);
		const rating = /^\d+(\.\d+)?$/.test(rawRating) ? Number(rawRating) : NaN;
		if (!(rating >= 0 && rating <= 100)) problems.push({ row, problem: m.cc_e_rating() });
		if (!band || band.length > 60) problems.push({ row, problem: m.cc_e_band() });
		if (problems.length === before) rows.push({ country, rating, band });
	}
	return { rows, problems };
}
