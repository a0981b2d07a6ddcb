import { checkSmartGoal, type SmartPart } from '../../smart-goal.ts';

/** What the shared SMART check finds missing from a goal; nothing when there is no goal yet. */
export function smartMissing(goal: string): SmartPart[] {
	return goal.trim() ? checkSmartGoal(goal).missing : [];
}
