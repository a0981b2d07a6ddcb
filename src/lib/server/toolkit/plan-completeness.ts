// What each step still lacks. Pure, so the overview, the step pages and the export agree.
import type { SmartPart } from '../../smart-goal.ts';
import { STEP_FIELDS, type Step } from '../../toolkit-codes.ts';

export type Gap =
	| 'problem' | 'context' | 'windows' | 'risks'
	| 'goal' | 'goal_smart' | 'deadline' | 'objectives' | 'theory_of_change' | 'stakeholders' | 'targets'
	| 'tactics' | 'messages' | 'activities' | 'milestones' | 'manager'
	| 'indicators' | 'check_ins';

export type PlanFacts = {
	steps: Partial<Record<Step, Record<string, string | undefined>>>;
	counts: { stakeholders: number; targets: number; tactics: number; messages: number; activities: number; milestones: number; indicators: number; checkIns: number };
	/** What the SMART check found missing from the goal (empty when it passes or there is no goal). */
	smartMissing: SmartPart[];
};

export type StepProgress = { step: Step; done: number; total: number; missing: Gap[] };

const filled = (v: string | undefined) => !!v && v.trim().length > 0;

export function stepProgress(step: Step, f: PlanFacts): StepProgress {
	const s = f.steps[step] ?? {};
	const c = f.counts;
	const checks: [Gap, boolean][] =
		step === 1
			? STEP_FIELDS[1].map((k) => [k, filled(s[k])])
			: step === 2
				? [
						['goal', filled(s.goal)],
						['goal_smart', filled(s.goal) && f.smartMissing.length === 0],
						['deadline', filled(s.deadline)],
						['objectives', filled(s.objectives)],
						['theory_of_change', filled(s.tocIf) && filled(s.tocThen) && filled(s.tocBecause)],
						['stakeholders', c.stakeholders > 0],
						['targets', c.targets > 0]
					]
				: step === 3
					? [
							['tactics', c.tactics > 0],
							['messages', c.messages > 0],
							['activities', c.activities > 0],
							['milestones', c.milestones > 0],
							['manager', filled(s.managerName)]
						]
					: [
							['indicators', c.indicators > 0],
							['check_ins', c.checkIns > 0]
						];
	const missing = checks.filter(([, ok]) => !ok).map(([g]) => g);
	return { step, done: checks.length - missing.length, total: checks.length, missing };
}

export function planProgress(f: PlanFacts): StepProgress[] {
	return ([1, 2, 3, 4] as const).map((s) => stepProgress(s, f));
}
