import type { Db } from '../db/types.ts';
import { grantApplications } from '../grants/schema.ts';
import { defineCall } from '../grants/define-call.ts';
import { ACCELERATOR_CALL, MINI_GRANT_CALL } from '../grants/programmes.ts';
import { loadActor } from '../identity/load-actor.ts';
import type { CallDefinition } from '../../validation/grants.ts';
import { makeUser } from './factories.ts';

/** Defines a call from a definition (the seeded programmes by default), as a programme officer would. */
export async function makeCall(db: Db, def: CallDefinition = MINI_GRANT_CALL, traits: Partial<CallDefinition> = {}) {
	const officer = await makeUser(db, { role: 'admin' });
	return defineCall(db, await loadActor(db, officer.id, 'session'), { ...def, ...traits });
}

export const makeMiniGrantCall = (db: Db, traits: Partial<CallDefinition> = {}) => makeCall(db, MINI_GRANT_CALL, traits);
export const makeAcceleratorCall = (db: Db, traits: Partial<CallDefinition> = {}) => makeCall(db, ACCELERATOR_CALL, { rolling: true, ...traits });

export const ELIGIBLE_MINI = { goal: 'yes', mandate: 'yes', plan: 'yes', manager: 'yes' };

/** Answers that complete the mini-grant form, with a deadline a year ahead. */
export function miniGrantAnswers(overrides: Record<string, unknown> = {}) {
	const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;
	return {
		goal: 'The city adopts an open contracting policy',
		deadline: nextYear,
		mandate: 'A council resolution with a budget line and two staff',
		milestones: [{ title: 'Draft policy shared with the council', due: nextYear, deliverable: 'Policy draft' }],
		manager_name: 'Ana Pérez',
		manager_role: 'Campaign manager',
		budget: [
			{ item: 'Staff time', amount: 3000 },
			{ item: 'Materials', amount: 1000 }
		],
		...overrides
	};
}

/**
 * Many applications of one call at once (one INSERT per thousand), as they stand after
 * submission: for tests and benchmarks of the staff list and its bulk actions.
 */
export async function makeApplications(
	db: Db,
	t: { callId: string; organisationId: string; count: number; status?: (typeof grantApplications.$inferInsert)['status']; title?: (i: number) => string; answers?: Record<string, unknown> }
) {
	const ids: string[] = [];
	const now = Date.now();
	for (let start = 0; start < t.count; start += 1000) {
		const rows = Array.from({ length: Math.min(1000, t.count - start) }, (_, k) => {
			const i = start + k;
			return {
				callId: t.callId,
				organisationId: t.organisationId,
				status: t.status ?? 'in_review',
				revision: 1,
				title: t.title ? t.title(i) : `Campaign ${i + 1}`,
				answers: (t.answers ?? { goal: `Campaign ${i + 1}` }) as never,
				requestedAmount: 1000 + (i % 40) * 100,
				submittedAt: new Date(now - i * 60_000)
			};
		});
		const inserted = await db.insert(grantApplications).values(rows).returning({ id: grantApplications.id });
		ids.push(...inserted.map((r) => r.id));
	}
	return ids;
}
