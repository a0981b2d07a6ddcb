/**
 * The rule for a draft that several people edit (a strategy step, an application's answers): a
 * save names the version it started from. Saving what is already saved changes nothing and is
 * never a conflict; saving different text on top of the version it started from is written;
 * saving different text on top of an older version is refused as a conflict that names each
 * field where the saved text and the new text differ, so the person is shown what changed and
 * nothing is overwritten unseen. A save that names no version (a script through the API) is written.
 */
export type SaveDecision = { kind: 'unchanged' } | { kind: 'write'; fields: string[] } | { kind: 'conflict'; fields: string[] };

/** Empty in any form (nothing, an empty text, an empty list, a row of empty cells) is one value. */
export function isBlank(v: unknown): boolean {
	if (v === null || v === undefined) return true;
	if (typeof v === 'string') return v.trim() === '';
	if (Array.isArray(v)) return v.every(isBlank);
	if (typeof v === 'object') return Object.values(v).every(isBlank);
	return false;
}

/** Two answers are the same when both are blank or they hold the same values, keys in any order. */
export function sameValue(a: unknown, b: unknown): boolean {
	if (isBlank(a) && isBlank(b)) return true;
	if (isBlank(a) !== isBlank(b)) return false;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	return [...keys].every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function decideSave(
	saved: { version: number; content: Readonly<Record<string, unknown>> },
	baseVersion: number | undefined,
	incoming: Readonly<Record<string, unknown>>,
	fields: readonly string[] = Object.keys(incoming)
): SaveDecision {
	const differing = fields.filter((f) => !sameValue(saved.content[f], incoming[f]));
	if (!differing.length) return { kind: 'unchanged' };
	if (baseVersion !== undefined && baseVersion !== saved.version) return { kind: 'conflict', fields: differing };
	return { kind: 'write', fields: differing };
}

/**
 * The save of a draft whose text the hub kept as it stood at `base` (the version the person's page
 * started from): a three-way merge, question by question. A question the person left as it was at
 * `base` keeps what is saved now (a colleague's change survives); a question only the person
 * changed takes theirs; a question both changed differently is a conflict. `kept` names the
 * questions where a colleague's change was kept beside the person's own, so the page can say so.
 */
export type MergeDecision =
	| { kind: 'unchanged'; merged: Record<string, unknown>; kept: string[] }
	| { kind: 'write'; fields: string[]; merged: Record<string, unknown>; kept: string[] }
	| { kind: 'conflict'; fields: string[]; merged: Record<string, unknown> };

export function mergeSave(
	saved: Readonly<Record<string, unknown>>,
	base: Readonly<Record<string, unknown>>,
	incoming: Readonly<Record<string, unknown>>,
	fields: readonly string[] = Object.keys(incoming)
): MergeDecision {
	const merged: Record<string, unknown> = {};
	const written: string[] = [];
	const kept: string[] = [];
	const conflicts: string[] = [];
	for (const f of fields) {
		const mine = incoming[f];
		const theirs = saved[f];
		const untouchedByMe = sameValue(mine, base[f]);
		if (sameValue(mine, theirs) || untouchedByMe) {
			merged[f] = theirs ?? null;
			if (untouchedByMe && !sameValue(theirs, base[f])) kept.push(f);
		} else if (sameValue(theirs, base[f])) {
			merged[f] = mine ?? null;
			written.push(f);
		} else {
			// Both changed it, differently: the person's own words stay in their form.
			merged[f] = mine ?? null;
			conflicts.push(f);
		}
	}
	if (conflicts.length) return { kind: 'conflict', fields: conflicts, merged };
	return written.length ? { kind: 'write', fields: written, merged, kept } : { kind: 'unchanged', merged, kept };
}
