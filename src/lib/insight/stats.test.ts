import { describe, expect, it } from 'vitest';
import { median, percentileCont, sharePercent, shareWithinTarget } from './stats.ts';

describe('reporting maths', () => {
	it('the median of an odd count is the middle value, of an even count the mean of the two middle ones', () => {
		expect(median([20, 2, 10])).toBe(10);
		expect(median([2, 4, 10, 20])).toBe(7);
	});

	it('the 90th percentile interpolates between the closest ranks, as percentile_cont does', () => {
		expect(percentileCont([2, 10, 20], 0.9)).toBeCloseTo(18);
		expect(percentileCont([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
		expect(percentileCont([7], 0.9)).toBe(7);
	});

	it('no values give no median rather than zero', () => {
		expect(median([])).toBeNull();
	});

	it('a decision on the target day counts as within target', () => {
		expect(shareWithinTarget([2, 10, 20], 10)).toBe(67);
		expect(shareWithinTarget([10], 10)).toBe(100);
	});

	it('a share of nothing is unknown, not zero', () => {
		expect(shareWithinTarget([], 10)).toBeNull();
		expect(sharePercent(0, 0)).toBeNull();
		expect(sharePercent(0, 4)).toBe(0);
	});
});
