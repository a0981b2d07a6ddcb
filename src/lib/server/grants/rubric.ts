import type { Rubric, StageDef } from './definition.ts';

export type Scores = Record<string, { points: number; comment: string }>;

/** The largest weighted total a rubric allows. */
export const rubricMax = (rubric: Rubric) => rubric.criteria.reduce((s, c) => s + c.weight * c.maxPoints, 0);

/**
 * Weighted total of a review: each criterion's points times its weight. Every criterion must be
 * scored between 0 and its maximum; the errors say which criterion is wrong.
 */
export function scoreReview(rubric: Rubric, scores: Scores): { total: number; max: number; percent: number; invalid: string[] } {
	const invalid = rubric.criteria
		.filter((c) => {
			const p = scores[c.id]?.points;
			return typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > c.maxPoints;
		})
		.map((c) => c.id);
	const total = rubric.criteria.reduce((s, c) => s + c.weight * (scores[c.id]?.points ?? 0), 0);
	const max = rubricMax(rubric);
	return { total, max, percent: max ? Math.round((total / max) * 1000) / 10 : 0, invalid };
}

/** The mean percentage of a set of reviews, or null when there are none. */
export function meanPercent(percents: number[]): number | null {
	if (!percents.length) return null;
	return Math.round((percents.reduce((a, b) => a + b, 0) / percents.length) * 10) / 10;
}

/** Whether the stage's advance rule lets an application move on, given its reviews. */
export function meetsAdvanceRule(stage: StageDef, percents: number[]): boolean {
	if (!stage.advance) return true;
	if (percents.length < stage.advance.minReviews) return false;
	return (meanPercent(percents) ?? 0) >= stage.advance.minMeanPercent;
}
