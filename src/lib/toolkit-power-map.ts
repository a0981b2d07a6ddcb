// Where a stakeholder sits on the power map, and what that suggests. Pure: the page's grid, the
// accessible table, the export and the tests all read the same rules. No zod: pages import it.

export type Quadrant = 'key_allies' | 'persuade' | 'mobilise' | 'monitor';
export type Placement = {
	position: number;
	power: number;
	/** 0 (strong opponent) … 4 (strong supporter) */
	column: number;
	/** 0 (most powerful, top row) … 4 (least powerful) */
	row: number;
	quadrant: Quadrant;
};

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(Number.isFinite(v) ? v : (lo + hi) / 2)));

export const clampPosition = (v: number) => clamp(v, -2, 2);
export const clampPower = (v: number) => clamp(v, 1, 5);

/**
 * Power 4–5 is high; 3 and below is low. Supporters (1, 2) with high power are key allies to
 * involve; anyone else with high power (neutral or opposed) must be persuaded; low-power
 * supporters can be mobilised; low-power neutrals and opponents are monitored.
 */
export function quadrantOf(position: number, power: number): Quadrant {
	const p = clampPosition(position);
	const high = clampPower(power) >= 4;
	if (high) return p > 0 ? 'key_allies' : 'persuade';
	return p > 0 ? 'mobilise' : 'monitor';
}

export function place(position: number, power: number): Placement {
	const pos = clampPosition(position);
	const pw = clampPower(power);
	return { position: pos, power: pw, column: pos + 2, row: 5 - pw, quadrant: quadrantOf(pos, pw) };
}

/** A point dropped on the grid (fractions 0–1 of its width and height) → position and power. */
export function fromGridPoint(x: number, y: number): { position: number; power: number } {
	const fx = Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0.5));
	const fy = Math.min(1, Math.max(0, Number.isFinite(y) ? y : 0.5));
	return { position: clampPosition(Math.floor(fx * 5 - 1e-9) - 2), power: clampPower(5 - Math.floor(fy * 5 - 1e-9)) };
}

/** Arrow keys move one cell: left/right change the position, up/down the power. */
export function moveByKey(position: number, power: number, key: string): { position: number; power: number } {
	const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[key] ?? [0, 0];
	return { position: clampPosition(position + d[0]), power: clampPower(power + d[1]) };
}

export type Flags = { target: boolean; ally: boolean };

/**
 * What the map suggests the team mark: a powerful stakeholder who is not yet a supporter is a
 * likely decision-maker to target; any supporter is a likely ally. The team's own flags win; these
 * are only suggestions shown beside them.
 */
export function suggestFlags(position: number, power: number): Flags {
	const q = quadrantOf(position, power);
	return { target: q === 'persuade', ally: q === 'key_allies' || q === 'mobilise' };
}

/** A stakeholder cannot be tied to itself or to someone outside its strategy; duplicates drop. */
export function cleanTies(selfId: string | null, ties: string[], known: ReadonlySet<string>): string[] {
	return [...new Set(ties)].filter((t) => t !== selfId && known.has(t));
}
