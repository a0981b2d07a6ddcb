import { describe, expect, it } from 'vitest';
import { campaignPlanFromStrategy, type StrategyForPlan } from './campaign-plan-from-strategy.ts';

const base: StrategyForPlan = {
	id: 's1',
	organisationId: 'o1',
	steps: {
		2: { goal: '  The ministry publishes all health contracts in OCDS by June 2027.  ', deadline: '2027-06-30', mandate: 'Open contracting decree' },
		3: { managerName: 'Ana Ruiz', managerRole: 'Campaign lead', managerEmail: 'ana@example.org' }
	},
	activities: [
		{ title: 'Launch data portal', dueDate: '2027-03-01', milestone: true, deliverable: 'Portal live', status: 'planned' },
		{ title: 'Roundtable with ministry', dueDate: '2026-11-15', milestone: true, deliverable: 'Signed commitment', status: 'done' },
		{ title: 'Press briefing', dueDate: '2026-12-01', milestone: false, deliverable: 'Media brief', status: 'planned' },
		{ title: 'Abandoned survey', dueDate: '2026-10-01', milestone: true, deliverable: 'Survey report', status: 'dropped' },
		{ title: 'Undated milestone', dueDate: null, milestone: true, deliverable: 'Portal live', status: 'planned' }
	]
};

describe('strategy → campaign plan for a mini-grant', () => {
	it('takes the goal, deadline and mandate from step 2, trimmed', () => {
		const p = campaignPlanFromStrategy(base);
		expect(p.goal).toBe('The ministry publishes all health contracts in OCDS by June 2027.');
		expect(p.deadline).toBe('2027-06-30');
		expect(p.mandateSought).toBe('Open contracting decree');
		expect(p.source).toEqual({ kind: 'strategy', id: 's1' });
		expect(p.organisationId).toBe('o1');
	});
	it('milestones are milestone activities in date order, undated last, dropped ones left out', () => {
		expect(campaignPlanFromStrategy(base).milestones).toEqual([
			{ title: 'Roundtable with ministry', dueDate: '2026-11-15', deliverable: 'Signed commitment' },
			{ title: 'Launch data portal', dueDate: '2027-03-01', deliverable: 'Portal live' },
			{ title: 'Undated milestone', dueDate: '', deliverable: 'Portal live' }
		]);
	});
	it('deliverables are distinct and come from every live activity', () => {
		expect(campaignPlanFromStrategy(base).deliverables).toEqual(['Portal live', 'Signed commitment', 'Media brief']);
	});
	it('the campaign manager comes from step 3', () => {
		expect(campaignPlanFromStrategy(base).campaignManager).toEqual({ name: 'Ana Ruiz', role: 'Campaign lead', email: 'ana@example.org' });
	});
	it('an empty strategy gives empty fields, and a deadline that is not a date is left out', () => {
		const p = campaignPlanFromStrategy({ id: 's', organisationId: 'o', steps: { 2: { deadline: 'soon' } }, activities: [] });
		expect(p).toMatchObject({ goal: '', deadline: '', mandateSought: '', milestones: [], deliverables: [], campaignManager: { name: '', role: '', email: '' } });
	});
});
