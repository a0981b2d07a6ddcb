import { m } from '#lib/paraglide/messages.js';
import { PUBLICATION_FREQUENCIES, type PublicationFrequency } from '../../country-context/codes.ts';
import { isCountryCode, isIsoDate, looksLikeFormula, type Parsed, type RowProblem } from './row-problems.ts';

export type PublicationRow = {
	country: string;
	title: string;
	frequency: PublicationFrequency;
	lastRetrieved: string;
	coverageFrom: string | null;
	coverageTo: string | null;
};

const FREQUENCIES = new Set<string>(PUBLICATION_FREQUENCIES);
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
/** A date or a date-time as the registry writes it; the day is what counts. */
const day = (v: unknown) => (typeof v === 'string' && isIsoDate(v.slice(0, 10)) && (v.length === 10 || v[10] === 'T') ? v.slice(0, 10) : null);

/**
 * Reads an open-contracting publication snapshot in the shape of the OCP Data Registry's list of
 * publications: a JSON list (or an object whose `results` is the list) of entries with `country`
 * (two-letter code), `frequency`, `last_retrieved`, and coverage as `date_from` / `date_to`; an
 * optional `title` tells several publications of one country apart. Entries are numbered from 1.
 */
export function parsePublications(source: string): Parsed<PublicationRow> {
	let data: unknown;
	try {
		data = JSON.parse(source.replace(/^\uFEFF/, ''));
	} catch {
		return { rows: [], problems: [{ row: 0, problem: m.cc_e_json() }] };
	}
	const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { results?: unknown }).results) ? (data as { results: unknown[] }).results : null;
	if (!list) return { rows: [], problems: [{ row: 0, problem: m.cc_e_json_shape() }] };
	if (!list.length) return { rows: [], problems: [{ row: 0, problem: m.cc_e_empty() }] };

	const rows: PublicationRow[] = [];
	const problems: RowProblem[] = [];
	const seen = new Map<string, number>();
	list.forEach((entry, i) => {
		const row = i + 1;
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
			problems.push({ row, problem: m.cc_e_entry() });
			return;
		}
		const e = entry as Record<string, unknown>;
		const before = problems.length;
		const country = text(e.country).toUpperCase();
		const title = text(e.title);
		const frequency = text(e.frequency).toLowerCase();
		if ([e.country, e.title, e.frequency].some((v) => typeof v === 'string' && looksLikeFormula(v.trim()))) problems.push({ row, problem: m.cc_e_formula() });
		if (!isCountryCode(country)) problems.push({ row, problem: m.cc_e_country({ value: text(e.country).slice(0, 20) }) });
		else {
			const key = `${country}\u0000${title.toLowerCase()}`;
			if (seen.has(key)) problems.push({ row, problem: m.cc_e_duplicate({ country, first: String(seen.get(key)) }) });
			else seen.set(key, row);
		}
		if (title.length > 200) problems.push({ row, problem: m.cc_e_title() });
		if (!FREQUENCIES.has(frequency)) problems.push({ row, problem: m.cc_e_frequency({ allowed: PUBLICATION_FREQUENCIES.join(', ') }) });
		const lastRetrieved = day(e.last_retrieved);
		if (!lastRetrieved) problems.push({ row, problem: m.cc_e_date({ field: 'last_retrieved' }) });
		const coverageFrom = e.date_from == null || e.date_from === '' ? null : day(e.date_from);
		const coverageTo = e.date_to == null || e.date_to === '' ? null : day(e.date_to);
		if (coverageFrom === null && e.date_from != null && e.date_from !== '') problems.push({ row, problem: m.cc_e_date({ field: 'date_from' }) });
		if (coverageTo === null && e.date_to != null && e.date_to !== '') problems.push({ row, problem: m.cc_e_date({ field: 'date_to' }) });
		if (coverageFrom && coverageTo && coverageFrom > coverageTo) problems.push({ row, problem: m.cc_e_coverage() });
		if (problems.length === before) rows.push({ country, title, frequency: frequency as PublicationFrequency, lastRetrieved: lastRetrieved!, coverageFrom, coverageTo });
	});
	return { rows, problems };
}
