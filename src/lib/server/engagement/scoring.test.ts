import { describe, expect, it } from 'vitest';
import { favourable, weightedScore } from './scoring.ts';

const c = (key: string, weight = 1, polarity: 'positive' | 'negative' = 'positive') => ({ key, weight, polarity });

describe('scoring', () => {
	it('all top levels score 100 and all zeros score 0', () => {
		const crit = [c('a'), c('b')];
		expect(weightedScore(crit, { a: 4, b: 4 }).score).toBe(100);
		expect(weightedScore(crit, { a: 0, b: 0 }).score).toBe(0);
	});
	it('weights pull the score towards the heavier criterion', () => {
		const crit = [c('a', 3), c('b', 1)];
		expect(weightedScore(crit, { a: 4, b: 0 }).score).toBe(75);
		expect(weightedScore(crit, { a: 0, b: 4 }).score).toBe(25);
	});
	it('a question that runs the other way is turned so that higher is more favourable', () => {
		expect(favourable(4, 'negative')).toBe(0);
		expect(favourable(1, 'negative')).toBe(3);
		expect(favourable(1, 'positive')).toBe(1);
		expect(weightedScore([c('opposition', 1, 'negative')], { opposition: 0 }).score).toBe(100);
	});
	it('unknowns are left out of the maths and listed as information gaps', () => {
		const crit = [c('a'), c('b'), c('x')];
		const r = weightedScore(crit, { a: 4, b: 2, x: null });
		expect(r.score).toBe(75);
		expect(r.gaps).toEqual(['x']);
	});
	it('a criterion with no answer at all is a gap too', () => {
		expect(weightedScore([c('a'), c('b')], { a: 2 }).gaps).toEqual(['b']);
	});
	it('with nothing known there is no score', () => {
		expect(weightedScore([c('a')], { a: null })).toEqual({ score: null, gaps: ['a'] });
	});
	it('weights can be overridden to try another weighting', () => {
		expect(weightedScore([c('a', 1), c('b', 1)], { a: 4, b: 0 }, { a: 3 }).score).toBe(75);
	});
	it('a zero-weight criterion does not count', () => {
		expect(weightedScore([c('a', 0), c('b', 1)], { a: 0, b: 4 }).score).toBe(100);
	});
});
