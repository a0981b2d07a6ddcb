import { SUPPRESS_BELOW } from './report-codes.ts';

/** A published count: the number, or null when it is too small to publish. */
export type Published = number | null;

export type CountRow<K extends string> = { key: string } & Record<K, number>;
export type PublishedRow<K extends string> = { key: string } & Record<K, Published>;

/**
 * Prepares a public breakdown (by country) so that no figure can point at one partner:
 * - every cell under the threshold is withheld (null);
 * - a row where every cell is withheld would still say "someone here is supported", so such rows
 *   are folded into one "other" row, itself withheld cell by cell under the threshold;
 * - when a column has exactly one withheld cell, the total would give it away by subtraction,
 *   so the next smallest cell of that column is withheld too.
 */
export function suppressSmallCells<K extends string>(rows: CountRow<K>[], columns: readonly K[], otherKey = 'other'): PublishedRow<K>[] {
	const small = (n: number) => n < SUPPRESS_BELOW;
	const kept = rows.filter((r) => columns.some((c) => !small(r[c])));
	const folded = rows.filter((r) => columns.every((c) => small(r[c])));
	const all: CountRow<K>[] = [...kept];
	if (folded.length) {
		const other = { key: otherKey } as CountRow<K>;
		for (const c of columns) (other as Record<string, number>)[c] = folded.reduce((sum, r) => sum + r[c], 0);
		all.push(other);
	}
	const out = all.map((r) => {
		const row = { key: r.key } as PublishedRow<K>;
		for (const c of columns) (row as Record<string, Published>)[c] = small(r[c]) ? null : r[c];
		return row;
	});
	for (const c of columns) {
		const withheld = out.filter((r) => r[c] === null && all[out.indexOf(r)][c] > 0);
		if (withheld.length !== 1) continue;
		const candidates = out
			.map((r, i) => ({ r, n: all[i][c] }))
			.filter(({ r }) => r[c] !== null)
			.sort((a, b) => a.n - b.n);
		if (candidates[0]) (candidates[0].r as Record<string, Published>)[c] = null;
	}
	return out;
}
