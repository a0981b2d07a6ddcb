import { describe, expect, it } from 'vitest';
import { summariseRatings } from './feedback-results.ts';

describe('rating summaries', () => {
	it('counts each rating and rounds the mean to one decimal', () => {
		expect(summariseRatings([5, 4, 4, 2])).toEqual({ responses: 4, mean: 3.8, distribution: [0, 1, 0, 2, 1] });
	});
	it('no answers means no mean, not zero', () => {
		expect(summariseRatings([])).toEqual({ responses: 0, mean: null, distribution: [0, 0, 0, 0, 0] });
	});
});
