import { describe, expect, it } from 'vitest';
import { summariseCriterion } from './consolidation.ts';

const pos = { key: 'a', polarity: 'positive' as const };

describe('consolidation per criterion', () => {
	it('the mean is over known answers only', () => {
		const s = summariseCriterion(pos, [4, 2, null]);
		expect(s.mean).toBe(3);
		expect(s.known).toBe(2);
		expect(s.unknown).toBe(1);
	});
	it('the spread is the distance between the highest and lowest answer', () => {
		expect(summariseCriterion(pos, [1, 3, 2]).spread).toBe(2);
	});
	it('assessors two or more levels apart disagree', () => {
		expect(summariseCriterion(pos, [1, 3]).disagreement).toBe(true);
		expect(summariseCriterion(pos, [0, 4]).disagreement).toBe(true);
	});
	it('assessors one level apart do not disagree', () => {
		expect(summariseCriterion(pos, [2, 3]).disagreement).toBe(false);
	});
	it('an unknown does not count as a disagreement', () => {
		expect(summariseCriterion(pos, [4, null]).disagreement).toBe(false);
	});
	it('the favourable mean follows the polarity', () => {
		expect(summariseCriterion({ key: 'o', polarity: 'negative' }, [3, 4]).favourableMean).toBe(0.5);
	});
	it('with no known answers there is no mean', () => {
		expect(summariseCriterion(pos, [null]).mean).toBeNull();
	});
});
