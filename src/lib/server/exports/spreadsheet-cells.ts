/**
 * A cell that a spreadsheet would read as a formula (it starts with = + - @, a tab or a carriage
 * return) is written with a leading single quote, so that opening an export never runs what a
 * person typed into the hub. Anything else is returned as it is.
 */
export function neutraliseCell(value: unknown): unknown {
	return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
