import { describe, expect, it } from 'vitest';
import { elapsedShare, progressPercent, progressTowardTarget, statusProblem, suggestedStatus } from './progress.ts';

const reading = { baseline: 10, target: 60, value: 35, startDate: '2026-01-01', targetDate: '2026-12-31', observedOn: '2026-07-01' };

describe('progress toward target', () => {
	it('is the share of the distance from baseline to target travelled', () => {
		expect(progressTowardTarget(10, 60, 35)).toBe(0.5);
	});
	it('counts a fall as progress when the target is below the baseline (savings, days to pay)', () => {
		expect(progressTowardTarget(90, 30, 60)).toBe(0.5);
		expect(progressTowardTarget(90, 30, 100)).toBeLessThan(0);
	});
	it('reads above 1 past the target, and the bar stops at 100 %', () => {
		expect(progressTowardTarget(0, 10, 15)).toBe(1.5);
		expect(progressPercent(1.5)).toBe(100);
		expect(progressPercent(-0.2)).toBe(0);
	});
	it('is all or nothing when the target equals the baseline', () => {
		expect(progressTowardTarget(5, 5, 5)).toBe(1);
		expect(progressTowardTarget(5, 5, 4)).toBe(0);
	});
});

describe('suggested status', () => {
	it('is achieved once the target is reached, whatever the date', () => {
		expect(suggestedStatus({ ...reading, value: 60 })).toBe('achieved');
	});
	it('is not achieved when observed after the target date short of the target', () => {
		expect(suggestedStatus({ ...reading, observedOn: '2027-01-15' })).toBe('not_achieved');
	});
	it('is on track when progress keeps pace with the time elapsed, off track when it lags', () => {
		expect(elapsedShare(reading)).toBeCloseTo(0.496, 2);
		expect(suggestedStatus(reading)).toBe('on_track');
		expect(suggestedStatus({ ...reading, value: 20 })).toBe('off_track');
	});
	it('is too early in the first tenth of the period', () => {
		expect(suggestedStatus({ ...reading, value: 10, observedOn: '2026-01-20' })).toBe('too_early');
	});
});

describe('status a reviewer may set', () => {
	const today = '2026-07-02';
	it('refuses achieved before the target is reached', () => {
		expect(statusProblem('achieved', reading, '', today)).toBe('target_not_reached');
		expect(statusProblem('achieved', { ...reading, value: 61 }, '', today)).toBeNull();
	});
	it('refuses not achieved while the target date is still ahead, or once the target is reached', () => {
		expect(statusProblem('not_achieved', reading, 'stalled', today)).toBe('target_date_not_passed');
		expect(statusProblem('not_achieved', reading, 'stalled', '2027-01-02')).toBeNull();
		expect(statusProblem('not_achieved', { ...reading, value: 60 }, 'x', '2027-01-02')).toBe('target_reached');
	});
	it('refuses too early once the target date has passed', () => {
		expect(statusProblem('too_early', reading, '', '2027-01-02')).toBe('target_date_passed');
		expect(statusProblem('too_early', reading, '', today)).toBeNull();
	});
	it('asks for a note when the reading is negative', () => {
		expect(statusProblem('off_track', reading, '  ', today)).toBe('note_required');
		expect(statusProblem('off_track', reading, 'Council vote postponed', today)).toBeNull();
		expect(statusProblem('on_track', reading, '', today)).toBeNull();
	});
});
