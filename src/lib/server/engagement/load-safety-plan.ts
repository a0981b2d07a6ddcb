import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/types.ts';
import { users } from '../identity/schema.ts';
import { engagementSafetyPlans } from './schema.ts';

const author = alias(users, 'plan_author');
const approver = alias(users, 'plan_approver');

/** A request's safety plan with the names of who wrote and who approved it, or null when none is written. */
export async function loadSafetyPlan(db: DbOrTx, requestId: string, opts: { lock?: boolean } = {}) {
	const q = db
		.select({ plan: engagementSafetyPlans, authorName: author.name, approverName: approver.name })
		.from(engagementSafetyPlans)
		.leftJoin(author, eq(author.id, engagementSafetyPlans.authorId))
		.leftJoin(approver, eq(approver.id, engagementSafetyPlans.approvedBy))
		.where(eq(engagementSafetyPlans.requestId, requestId))
		.limit(1);
	const [row] = opts.lock ? await q.for('update', { of: engagementSafetyPlans }) : await q;
	return row ? { ...row.plan, authorName: row.authorName, approverName: row.approverName } : null;
}
export type LoadedSafetyPlan = NonNullable<Awaited<ReturnType<typeof loadSafetyPlan>>>;
