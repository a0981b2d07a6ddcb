import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { organisations } from '../directory/schema.ts';
import { grantApplications, grantAwards, grantCalls, grantProgrammes, grantTranches } from '../grants/schema.ts';
import type { InsightQuery } from '../../validation/insight-report.ts';
import { awardsByGroup, type AwardGroup } from './awards-by-group.ts';
import { groupKey, num, onDayInPeriod, partnerFilter } from './report-scope.ts';

export type GrantMoneyRow = { key: string; currency: string; grants: number; awarded: number; disbursed: number };

/**
 * Grants awarded (when awarded) and disbursed (when paid) per group and currency. Amounts in
 * different currencies are never added together; the totals rows are per currency too. `awards`
 * is the report's one pass over the awards, when the caller already started it.
 */
export async function grantsByCurrency(db: DbOrTx, q: InsightQuery, awards?: Promise<AwardGroup[]>): Promise<{ rows: GrantMoneyRow[]; totals: GrantMoneyRow[] }> {
	const programme = q.programme ? eq(grantProgrammes.slug, q.programme) : undefined;
	const paidKey = groupKey(q.by, grantTranches.paidDate);
	const grouping = (key: SQL) => sql`grouping sets ((${key}, ${grantAwards.currency}), (${grantAwards.currency}))`;

	const [awarded, paid] = await Promise.all([
		awards ?? awardsByGroup(db, q),
		db
			.select({ key: paidKey, total: sql<boolean>`grouping(${paidKey}) = 1`, currency: grantAwards.currency, disbursed: sql`sum(${grantTranches.paidAmount})` })
			.from(grantTranches)
			.innerJoin(grantAwards, eq(grantAwards.id, grantTranches.awardId))
			.innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
			.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
			.innerJoin(grantProgrammes, eq(grantProgrammes.id, grantCalls.programmeId))
			.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
			.where(and(onDayInPeriod(grantTranches.paidDate, q), programme, partnerFilter(q)))
			.groupBy(grouping(paidKey))
	]);
	const rows = new Map<string, GrantMoneyRow>();
	const totals = new Map<string, GrantMoneyRow>();
	const at = (total: boolean, key: string, currency: string) => {
		const map = total ? totals : rows;
		const id = `${total ? '' : key}\u0000${currency}`;
		return map.get(id) ?? map.set(id, { key: total ? '' : key, currency, grants: 0, awarded: 0, disbursed: 0 }).get(id)!;
	};
	for (const a of awarded) Object.assign(at(a.total, a.key, a.currency), { grants: num(a.grants), awarded: num(a.awarded) });
	for (const p of paid) at(p.total, p.key, p.currency).disbursed = num(p.disbursed);
	const order = (a: GrantMoneyRow, b: GrantMoneyRow) => a.key.localeCompare(b.key) || a.currency.localeCompare(b.currency);
	return { rows: [...rows.values()].sort(order), totals: [...totals.values()].sort(order) };
}
