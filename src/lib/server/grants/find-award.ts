import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { grantApplications, grantAwards, grantCalls, grantReports, grantTranches } from './schema.ts';
import { visibleApplications } from './scope.ts';

/** An award reached through an application the actor may see. */
export async function findAward(db: DbOrTx, actor: Actor, awardId: string) {
	if (!isUuid(awardId)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [row] = await db
		.select({ award: grantAwards, application: grantApplications, call: grantCalls })
		.from(grantAwards)
		.innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
		.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
		.where(and(eq(grantAwards.id, awardId), visibleApplications(actor)))
		.limit(1);
	if (!row) throw new DomainError('NOT_FOUND', m.e_not_found());
	return row;
}

export async function findTranche(db: DbOrTx, actor: Actor, trancheId: string) {
	if (!isUuid(trancheId)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [t] = await db.select().from(grantTranches).where(eq(grantTranches.id, trancheId)).limit(1);
	if (!t) throw new DomainError('NOT_FOUND', m.e_not_found());
	return { tranche: t, ...(await findAward(db, actor, t.awardId)) };
}

export async function findReport(db: DbOrTx, actor: Actor, reportId: string) {
	if (!isUuid(reportId)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [r] = await db.select().from(grantReports).where(eq(grantReports.id, reportId)).limit(1);
	if (!r) throw new DomainError('NOT_FOUND', m.e_not_found());
	return { report: r, ...(await findAward(db, actor, r.awardId)) };
}
