// The goal's SMART check comes from the shared rule in src/lib/smart-goal.ts once it is merged.
export function smartMissing(_goal: string): ('measurable' | 'dated' | 'owned')[] {
	return [];
}
