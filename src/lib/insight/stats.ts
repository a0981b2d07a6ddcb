// The reporting maths, written once as plain rules. The database computes the same figures with
// percentile_cont and grouped counts; these definitions are what its answers are checked against,
// and what the pages use to turn counts into shares.

/**
 * The p-th percentile by linear interpolation between the closest ranks, as PostgreSQL's
 * percentile_cont does: p = 0.5 is the median; null for no values.
 */
export function percentileCont(values: readonly number[], p: number): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = p * (sorted.length - 1);
	const low = Math.floor(rank);
	const high = Math.ceil(rank);
	return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export const median = (values: readonly number[]) => percentileCont(values, 0.5);

/** A share as a whole percentage; null (not zero) when there is nothing to share out. */
export function sharePercent(part: number, whole: number): number | null {
	if (whole <= 0) return null;
	return Math.round((part / whole) * 100);
}

/** The share of durations within a target; a duration equal to the target is within it. */
export function shareWithinTarget(days: readonly number[], targetDays: number): number | null {
	return sharePercent(days.filter((d) => d <= targetDays).length, days.length);
}

/** Days, rounded to one decimal for display; null stays null. */
export const roundDays = (d: number | null): number | null => (d === null ? null : Math.round(d * 10) / 10);
