import { MAX_LEVEL, type Criterion } from '../../engagement-codes.ts';

/** A level as answered (0–4), or null for "unknown". */
export type Level = number | null;

/**
 * Turns an answer into "higher is more favourable": where the question runs the other way
 * (how much opposition is there?), a high answer is a poor result.
 */
export function favourable(level: number, polarity: Criterion['polarity']): number {
	return polarity === 'negative' ? MAX_LEVEL - level : level;
}

export type ScoreResult = {
	/** Weighted score 0–100 over the criteria that are known; null when nothing is known. */
	score: number | null;
	/** Criteria answered "unknown" (or left out): listed, never counted as zero. */
	gaps: string[];
};

/**
 * The weighted score of one set of answers (one assessor's, or the per-criterion means).
 * Unknowns are left out of both the numerator and the total weight, so they neither help nor
 * hurt; they are reported as information gaps instead.
 */
export function weightedScore(
	criteria: Pick<Criterion, 'key' | 'weight' | 'polarity'>[],
	levels: Record<string, Level | undefined>,
	weights?: Record<string, number>
): ScoreResult {
	let sum = 0;
	let total = 0;
	const gaps: string[] = [];
	for (const c of criteria) {
		const level = levels[c.key];
		if (level === null || level === undefined) {
			gaps.push(c.key);
			continue;
		}
		const w = weights?.[c.key] ?? c.weight;
		sum += w * favourable(level, c.polarity);
		total += w;
	}
	if (total <= 0) return { score: null, gaps };
	return { score: (sum / (total * MAX_LEVEL)) * 100, gaps };
}

/** Scores are shown with one decimal; the band is decided on the unrounded value. */
export const roundScore = (s: number | null) => (s === null ? null : Math.round(s * 10) / 10);
