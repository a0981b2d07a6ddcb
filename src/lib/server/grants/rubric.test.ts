import { describe, expect, it } from 'vitest';
import type { Rubric, StageDef } from './definition.ts';
import { ACCELERATOR_CALL, MINI_GRANT_CALL } from './programmes.ts';
import { meanPercent, meetsAdvanceRule, rubricMax, scoreReview } from './rubric.ts';

const acc = ACCELERATOR_CALL.stages[0] as StageDef;
const mini = MINI_GRANT_CALL.stages[0].rubric as Rubric;
const s = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, points]) => [k, { points, comment: '' }]));

describe('rubric maths', () => {
	it('the accelerator rubric is out of 25 points', () => {
		expect(rubricMax(acc.rubric!)).toBe(25);
		expect(scoreReview(acc.rubric!, s({ impact: 10, power: 8, capacity: 7 }))).toMatchObject({ total: 25, percent: 100, invalid: [] });
	});
	it('weights multiply points: a weight-2 criterion counts double', () => {
		expect(rubricMax(mini)).toBe(20);
		expect(scoreReview(mini, s({ mandate: 5, plan: 0, value: 0 }))).toMatchObject({ total: 10, percent: 50 });
	});
	it('points outside 0..max, or missing, are named as invalid', () => {
		expect(scoreReview(acc.rubric!, s({ impact: 11, power: -1 })).invalid).toEqual(['impact', 'power', 'capacity']);
	});
	it('the mean is over the reviews given; none gives no mean', () => {
		expect(meanPercent([60, 80])).toBe(70);
		expect(meanPercent([])).toBeNull();
	});
	it('an application advances only with enough reviews at or above the stage threshold', () => {
		expect(meetsAdvanceRule(acc, [])).toBe(false);
		expect(meetsAdvanceRule(acc, [59])).toBe(false);
		expect(meetsAdvanceRule(acc, [60])).toBe(true);
		expect(meetsAdvanceRule(MINI_GRANT_CALL.stages[0] as StageDef, [])).toBe(true);
	});
});
