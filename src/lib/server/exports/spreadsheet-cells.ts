/**
 * A spreadsheet treats a cell that begins with `=`, `+`, `-` or `@` (and, in some programs, a tab
 * or carriage return before one) as a formula. Text typed into the hub by anyone — a partner's
 * goal, a guest's name — must never run as a formula on the computer of the officer who opens an
 * export, so such text gets a leading single quote and is shown as the text it is.
 * Numbers, dates, booleans and empty values are data, not text, and pass through unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: unknown): unknown {
	return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** A whole row (or table) neutralised cell by cell, for CSV writers and worksheet rows alike. */
export const neutraliseRow = (row: readonly unknown[]): unknown[] => row.map(neutraliseCell);
