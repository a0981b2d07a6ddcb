import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { grantApplications, grantAwards, grantTranches } from './schema.ts';

export type CallBudget = { budget: number; awarded: number; disbursed: number; remaining: number };

/** What a call has committed and paid out of its budget; remaining is budget less awarded. */
export async function callBudget(db: DbOrTx, call: { id: string; budget: number }): Promise<CallBudget> {
	const [a] = await db
		.select({ awarded: sql<string>`coalesce(sum(${grantAwards.amount}), 0)` })
		.from(grantAwards)
		.innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
		.where(eq(grantApplications.callId, call.id));
	const [d] = await db
		.select({ disbursed: sql<string>`coalesce(sum(${grantTranches.paidAmount}), 0)` })
		.from(grantTranches)
		.innerJoin(grantAwards, eq(grantAwards.id, grantTranches.awardId))
		.innerJoin(grantApplications, and(eq(grantApplications.id, grantAwards.applicationId), eq(grantApplications.callId, call.id)));
	const awarded = Number(a.awarded);
	return { budget: call.budget, awarded, disbursed: Number(d.disbursed), remaining: call.budget - awarded };
}
