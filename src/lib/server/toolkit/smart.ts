// The goal's SMART check comes from the shared rule in src/lib/smart-goal.ts once it is merged.
export type SmartResult = { measurable: boolean; dated: boolean; owned: boolean; missing: ('measurable' | 'dated' | 'owned')[] };
export function smartCheck(_goal: string): SmartResult | null {
	return null;
}
export function smartMissing(goal: string): SmartResult['missing'] {
	return goal.trim() ? (smartCheck(goal)?.missing ?? []) : [];
}
