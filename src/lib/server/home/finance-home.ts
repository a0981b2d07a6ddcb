import { and, asc, desc, eq, gte, isNotNull, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { organisations } from '../directory/schema.ts';
import { grantApplications, grantAwards, grantTranches } from '../grants/schema.ts';
import type { UserActor } from '../identity/actor.ts';
import { monthOf } from './month.ts';
import { labelled, ORGANISATION } from './organisation-columns.ts';

/** Enough for a month's run of payments; the grants pages hold the rest. */
const FINANCE_LIMIT = 50;

/** Finance's home: payments planned this month or already late, and those paid this month. */
export async function getFinanceHome(db: DbOrTx, actor: UserActor, now = new Date()) {
	const month = monthOf(now, actor.timeZone);
	const columns = {
		id: grantTranches.id,
		applicationId: grantApplications.id,
		title: grantApplications.title,
		plannedDate: grantTranches.plannedDate,
		plannedAmount: grantTranches.plannedAmount,
		paidDate: grantTranches.paidDate,
		paidAmount: grantTranches.paidAmount,
		currency: grantAwards.currency,
		...ORGANISATION
	};
	const from = () =>
		db
			.select(columns)
			.from(grantTranches)
			.innerJoin(grantAwards, eq(grantAwards.id, grantTranches.awardId))
			.innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
			.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId));
	const [due, paid] = await Promise.all([
		from()
			.where(and(isNull(grantTranches.paidDate), lt(grantTranches.plannedDate, month.next)))
			.orderBy(asc(grantTranches.plannedDate), asc(grantTranches.id))
			.limit(FINANCE_LIMIT),
		from()
			.where(and(isNotNull(grantTranches.paidDate), gte(grantTranches.paidDate, month.start), lt(grantTranches.paidDate, month.next)))
			.orderBy(desc(grantTranches.paidDate), asc(grantTranches.id))
			.limit(FINANCE_LIMIT)
	]);
	return {
		kind: 'finance' as const,
		due: due.map((t) => ({ ...labelled(actor, t), overdue: t.plannedDate < month.today })),
		paid: paid.map((t) => labelled(actor, t))
	};
}
