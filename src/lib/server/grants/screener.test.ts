import { describe, expect, it } from 'vitest';
import { ACCELERATOR_CALL, MINI_GRANT_CALL } from './programmes.ts';
import { evaluateScreener } from './screener.ts';

describe('eligibility screener', () => {
	const mini = MINI_GRANT_CALL.screener;
	it('all four mini-grant conditions met: eligible', () => {
		expect(evaluateScreener(mini, { goal: 'yes', mandate: 'yes', plan: 'yes', manager: 'yes' }, 'en')).toEqual({ eligible: true, failed: [] });
	});
	it('an unmet condition is named with its reason, in the reader’s language', () => {
		const r = evaluateScreener(mini, { goal: 'yes', mandate: 'yes', plan: 'no', manager: 'yes' }, 'es');
		expect(r.eligible).toBe(false);
		expect(r.failed.map((f) => f.id)).toEqual(['plan']);
		expect(r.failed[0].reason).toMatch(/borrador de plan/);
	});
	it('an unanswered question fails like a wrong answer', () => {
		expect(evaluateScreener(mini, {}, 'en').failed).toHaveLength(4);
	});
	it('accelerator: the worst press-freedom band is not eligible, the others are', () => {
		const base = { team: 'yes', community: 'yes', leadership: 'yes' };
		expect(evaluateScreener(ACCELERATOR_CALL.screener, { ...base, press: 'problematic' }, 'en').eligible).toBe(true);
		expect(evaluateScreener(ACCELERATOR_CALL.screener, { ...base, press: 'very_serious' }, 'en').failed.map((f) => f.id)).toEqual(['press']);
	});
});
