// The strategy's plan in the shape the grants domain accepts for a mini-grant application.
import type { CampaignPlan } from '../grants/campaign-plan.ts';

export type StrategyForPlan = {
	id: string;
	organisationId: string;
	steps: Partial<Record<1 | 2 | 3 | 4, Record<string, string | undefined>>>;
	activities: { title: string; dueDate: string | null; milestone: boolean; deliverable: string; status: string }[];
};

const t = (v: string | undefined) => (v ?? '').trim();

/**
 * Goal, deadline and mandate come from step 2, the campaign manager from step 3. Milestones are
 * the milestone activities in date order (undated last), leaving out dropped ones; deliverables
 * are the distinct deliverables named on any activity that is not dropped.
 */
export function campaignPlanFromStrategy(s: StrategyForPlan): CampaignPlan {
	const live = s.activities.filter((a) => a.status !== 'dropped');
	const milestones = live
		.filter((a) => a.milestone)
		.sort((a, b) => (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') || a.title.localeCompare(b.title))
		.map((a) => ({ title: a.title.trim(), dueDate: a.dueDate ?? '', deliverable: a.deliverable.trim() }));
	const deliverables = [...new Set(live.map((a) => a.deliverable.trim()).filter(Boolean))];
	const two = s.steps[2] ?? {};
	const three = s.steps[3] ?? {};
	return {
		source: { kind: 'strategy', id: s.id },
		organisationId: s.organisationId,
		goal: t(two.goal),
		deadline: /^\d{4}-\d{2}-\d{2}$/.test(t(two.deadline)) ? t(two.deadline) : '',
		mandateSought: t(two.mandate),
		milestones,
		deliverables,
		campaignManager: { name: t(three.managerName), role: t(three.managerRole), email: t(three.managerEmail) }
	};
}
