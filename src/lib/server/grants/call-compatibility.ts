import { allFields, type StageDef } from './definition.ts';

export type Incompatibility = { field: string; change: 'removed' | 'retyped' };

/**
 * The edits that would leave stored answers without their question: a field that has answers
 * may not disappear from the call or change its type. Fields without answers change freely.
 */
export function incompatibleChanges(before: StageDef[], after: StageDef[], answered: ReadonlySet<string>): Incompatibility[] {
	const typeOf = (stages: StageDef[]) => new Map(stages.flatMap((s) => allFields(s.form)).map((f) => [f.id, f.type] as const));
	const old = typeOf(before);
	const now = typeOf(after);
	const out: Incompatibility[] = [];
	for (const [id, type] of old) {
		if (!answered.has(id)) continue;
		if (!now.has(id)) out.push({ field: id, change: 'removed' });
		else if (now.get(id) !== type) out.push({ field: id, change: 'retyped' });
	}
	return out;
}
