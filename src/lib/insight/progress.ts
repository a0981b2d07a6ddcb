import type { OutcomeStatus } from './codes.ts';

/**
 * Share of the way from baseline to target that a value has travelled. Works for targets below
 * the baseline too (cost savings, days to pay): moving down is progress there. Not clamped, so a
 * value past the target reads above 1 and a value going the wrong way reads below 0.
 */
export function progressTowardTarget(baseline: number, target: number, value: number): number {
	if (target === baseline) return value === target ? 1 : 0;
	return (value - baseline) / (target - baseline);
}

/** The progress shown as a whole percentage between 0 and 100, for a bar. */
export const progressPercent = (p: number) => Math.round(Math.min(1, Math.max(0, p)) * 100);

type Reading = {
	baseline: number;
	target: number;
	value: number;
	/** ISO dates. */
	startDate: string;
	targetDate: string;
	observedOn: string;
};

const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Share of the time from the indicator's start to its target date that had passed on the day observed. */
export function elapsedShare(r: Pick<Reading, 'startDate' | 'targetDate' | 'observedOn'>): number {
	const span = days(r.targetDate) - days(r.startDate);
	if (span <= 0) return 1;
	return Math.min(1, Math.max(0, (days(r.observedOn) - days(r.startDate)) / span));
}

/**
 * The status a reviewer is offered first. The target reached is "achieved"; past the target date
 * without reaching it is "not achieved"; otherwise progress is compared with the time elapsed,
 * and under a tenth of the time elapsed is "too early" to tell.
 */
export function suggestedStatus(r: Reading): OutcomeStatus {
	const p = progressTowardTarget(r.baseline, r.target, r.value);
	if (p >= 1) return 'achieved';
	if (days(r.observedOn) > days(r.targetDate)) return 'not_achieved';
	const elapsed = elapsedShare(r);
	if (elapsed < 0.1) return 'too_early';
	return p >= elapsed ? 'on_track' : 'off_track';
}

export type StatusProblem = 'target_not_reached' | 'target_reached' | 'target_date_not_passed' | 'target_date_passed' | 'note_required';

/**
 * What a reviewer may not claim: "achieved" needs the target reached, and "not achieved" needs it
 * missed; "not achieved" needs the target date passed (before it the outcome is still open);
 * "too early" makes no sense once the target date has passed; a negative reading must say why.
 * `today` is an ISO date, passed in so the rule stays pure.
 */
export function statusProblem(status: OutcomeStatus, r: Reading, note: string, today: string): StatusProblem | null {
	const reached = progressTowardTarget(r.baseline, r.target, r.value) >= 1;
	const datePassed = days(today) > days(r.targetDate) || days(r.observedOn) > days(r.targetDate);
	if (status === 'achieved' && !reached) return 'target_not_reached';
	if (status === 'not_achieved' && reached) return 'target_reached';
	if (status === 'not_achieved' && !datePassed) return 'target_date_not_passed';
	if (status === 'too_early' && datePassed) return 'target_date_passed';
	if ((status === 'off_track' || status === 'not_achieved') && !note.trim()) return 'note_required';
	return null;
}
