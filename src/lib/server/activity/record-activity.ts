import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { activityEvents } from './schema.ts';

export type Changes = Record<string, { from: unknown; to: unknown }>;

export type ActivityInput = {
	subjectType: string;
	subjectId: string;
	organisationId?: string | null;
	action: string;
	changes?: Changes | null;
};

/** Writes one event, inside the caller's transaction so that the change and its record land together. */
export async function recordActivity(db: DbOrTx, actor: Actor, input: ActivityInput): Promise<void> {
	await recordActivities(db, actor, [input]);
}

/** Several events by one actor in one statement, for changes made to many rows at once. */
export async function recordActivities(db: DbOrTx, actor: Actor, inputs: ActivityInput[]): Promise<void> {
	if (!inputs.length) return;
	await db.insert(activityEvents).values(
		inputs.map((input) => ({
			actorId: actor.kind === 'user' ? actor.userId : null,
			subjectType: input.subjectType,
			subjectId: input.subjectId,
			organisationId: input.organisationId ?? null,
			action: input.action,
			changes: input.changes && Object.keys(input.changes).length ? input.changes : null
		}))
	);
}

/** The fields whose values differ, before → after; unchanged fields are left out. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Changes {
	const out: Changes = {};
	for (const key of Object.keys(after)) {
		const from = before[key];
		const to = after[key];
		if (JSON.stringify(from) !== JSON.stringify(to)) out[key] = { from: from ?? null, to: to ?? null };
	}
	return out;
}
