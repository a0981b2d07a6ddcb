import { MAX_LEVEL, type Band, type Criterion } from '../../engagement-codes.ts';
import { bandFor } from './bands.ts';

/** A criterion whose weight need move by less than this share of itself to change the band is fragile. */
export const FRAGILE_SHARE = 0.5;

export type Sensitivity = {
	key: string;
	/** The weight at which the band would change (nearest to the current one), or null if none does. */
	tippingWeight: number | null;
	/** tippingWeight − weight: how far the weight must move, and in which direction. */
	change: number | null;
	robust: boolean;
};

/**
 * For each known criterion: how far its weight alone would have to move (keeping the others) for
 * the recommendation band to change. The score is (A + w·f) / (B + w) in level units, which moves
 * monotonically from A/B (w = 0) towards f as w grows, so each band threshold is crossed at most
 * once and the crossing weight can be solved for directly.
 */
export function weightSensitivity(
	criteria: Pick<Criterion, 'key' | 'weight'>[],
	favourableLevels: Record<string, number | null | undefined>,
	bands: Pick<Band, 'code' | 'min'>[]
): Sensitivity[] {
	const known = criteria.filter((c) => favourableLevels[c.key] !== null && favourableLevels[c.key] !== undefined);
	const scoreWith = (key: string, w: number) => {
		let sum = 0;
		let total = 0;
		for (const c of known) {
			const weight = c.key === key ? w : c.weight;
			sum += weight * (favourableLevels[c.key] as number);
			total += weight;
		}
		return total > 0 ? (sum / (total * MAX_LEVEL)) * 100 : null;
	};
	return known.map((c) => {
		const current = bandFor(scoreWith(c.key, c.weight), bands)?.code;
		const f = favourableLevels[c.key] as number;
		let A = 0;
		let B = 0;
		for (const o of known) if (o.key !== c.key) {
			A += o.weight * (favourableLevels[o.key] as number);
			B += o.weight;
		}
		let best: number | null = null;
		for (const band of bands) {
			if (band.min <= 0) continue;
			const t = (band.min / 100) * MAX_LEVEL;
			if (f === t) continue;
			const w = (t * B - A) / (f - t);
			if (!(w >= 0) || !Number.isFinite(w)) continue;
			// Step just past the threshold in the direction that crosses it, and confirm the band moves.
			const step = Math.max(1e-9, Math.abs(w) * 1e-9);
			const candidates = [w, w + step, w - step].filter((x) => x >= 0);
			const crossing = candidates.find((x) => bandFor(scoreWith(c.key, x), bands)?.code !== current);
			if (crossing === undefined) continue;
			if (best === null || Math.abs(crossing - c.weight) < Math.abs(best - c.weight)) best = crossing;
		}
		const change = best === null ? null : best - c.weight;
		const robust = change === null || Math.abs(change) >= FRAGILE_SHARE * c.weight;
		return { key: c.key, tippingWeight: best, change, robust };
	});
}
