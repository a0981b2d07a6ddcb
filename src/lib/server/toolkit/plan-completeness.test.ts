import { describe, expect, it } from 'vitest';
import { planProgress, stepProgress, type PlanFacts } from './plan-completeness.ts';

const empty: PlanFacts = {
	steps: {},
	counts: { stakeholders: 0, targets: 0, tactics: 0, messages: 0, activities: 0, milestones: 0, indicators: 0, checkIns: 0 },
	smartMissing: []
};

describe('plan completeness', () => {
	it('an empty strategy misses everything in every step', () => {
		const p = planProgress(empty);
		expect(p.map((s) => [s.done, s.total])).toEqual([[0, 4], [0, 7], [0, 5], [0, 2]]);
		expect(p[0].missing).toEqual(['problem', 'context', 'windows', 'risks']);
	});
	it('text of only spaces does not count as filled in', () => {
		const s = stepProgress(1, { ...empty, steps: { 1: { problem: 'Late payments', context: '   ', windows: 'Budget in May', risks: '' } } });
		expect(s.missing).toEqual(['context', 'risks']);
		expect(s.done).toBe(2);
	});
	it('a goal that fails the SMART check is reported as such, not as missing', () => {
		const s = stepProgress(2, { ...empty, steps: { 2: { goal: 'Better contracts' } }, smartMissing: ['dated'] });
		expect(s.missing).toContain('goal_smart');
		expect(s.missing).not.toContain('goal');
	});
	it('the theory of change needs its if, then and because', () => {
		const partial = stepProgress(2, { ...empty, steps: { 2: { tocIf: 'a', tocThen: 'b' } } });
		expect(partial.missing).toContain('theory_of_change');
		const whole = stepProgress(2, { ...empty, steps: { 2: { tocIf: 'a', tocThen: 'b', tocBecause: 'c' } } });
		expect(whole.missing).not.toContain('theory_of_change');
	});
	it('a power map without a target is not complete', () => {
		const s = stepProgress(2, { ...empty, counts: { ...empty.counts, stakeholders: 3 } });
		expect(s.missing).toContain('targets');
		expect(s.missing).not.toContain('stakeholders');
	});
	it('the plan needs a milestone and a campaign manager', () => {
		const s = stepProgress(3, { ...empty, steps: { 3: { managerName: 'Ana' } }, counts: { ...empty.counts, tactics: 1, messages: 2, activities: 4 } });
		expect(s.missing).toEqual(['milestones']);
	});
	it('monitoring is complete with one indicator and one check-in', () => {
		expect(stepProgress(4, { ...empty, counts: { ...empty.counts, indicators: 1, checkIns: 1 } }).missing).toEqual([]);
	});
});
