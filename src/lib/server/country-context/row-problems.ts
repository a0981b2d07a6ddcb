import { m } from '#lib/paraglide/messages.js';
import { COUNTRY_CODES } from '../../countries.ts';

/** One thing wrong with one row (a CSV line, or a JSON entry), already in the reader's language. */
export type RowProblem = { row: number; problem: string };
export type Parsed<T> = { rows: T[]; problems: RowProblem[] };

const KNOWN = new Set(COUNTRY_CODES);
export const isCountryCode = (v: string) => KNOWN.has(v);

/**
 * A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1+1`, `@SUM`, or a tab or
 * carriage return in front; a signed number is just a number). Datasets are figures and names: such a cell is refused, not cleaned.
 */
export const looksLikeFormula = (v: string) => /^[=+\-@\t\r]/.test(v) && !/^[-+]?\d+(\.\d+)?$/.test(v);

/** A calendar date written YYYY-MM-DD that exists (no 31 February). */
export function isIsoDate(v: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
	const d = new Date(`${v}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** The messages a page shows, with the row each is about; long lists are cut with a count of the rest. */
export function describeProblems(problems: RowProblem[], unit: 'row' | 'entry', limit = 20): string[] {
	const lines = problems
		.slice(0, limit)
		.map((p) => (p.row === 0 ? p.problem : unit === 'row' ? m.cc_at_row({ row: String(p.row), problem: p.problem }) : m.cc_at_entry({ row: String(p.row), problem: p.problem })));
	if (problems.length > limit) lines.push(m.cc_more_problems({ count: String(problems.length - limit) }));
	return lines;
}
