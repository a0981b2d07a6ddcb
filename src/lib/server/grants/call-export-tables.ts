import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { applicationStatusLabel } from '../../grants-labels.ts';
import type { DbOrTx } from '../db/types.ts';
import { outsideLabel, outsideText } from '../directory/partner-label.ts';
import { organisations } from '../directory/schema.ts';
import { users } from '../identity/schema.ts';
import { answerCell, answerColumns } from './answer-cells.ts';
import { tr, type StageDef } from './definition.ts';
import { grantApplications, grantAssignments, grantAwards, grantCalls, grantReviews, grantTranches } from './schema.ts';

/** Rows are read and written this many at a time; an export has no upper limit. */
export const EXPORT_BATCH = 1000;

/** A table's header, how many rows it has, and its rows in batches read one after another. */
export type Table = { header: string[]; count: number; batches: AsyncIterable<unknown[][]> };

/**
 * Keyset paging: each batch starts after the last row of the one before, in the table's order, so
 * the thousandth batch costs what the first does. Timestamps travel as PostgreSQL's own text,
 * which keeps the microseconds a JavaScript date would drop.
 */
async function* batches<R>(next: (after: R | undefined) => Promise<R[]>, toRows: (rows: R[]) => unknown[][]): AsyncGenerator<unknown[][]> {
	let after: R | undefined;
	for (;;) {
		const rows = await next(after);
		if (rows.length) yield toRows(rows);
		if (rows.length < EXPORT_BATCH) return;
		after = rows[rows.length - 1];
	}
}
const total = (rows: { n: number }[]) => rows.reduce((a, r) => a + Number(r.n), 0);
const day = (d: Date | string | null) => (d === null ? '' : typeof d === 'string' ? d : d.toISOString().slice(0, 10));

// A file leaves the hub: a sensitive partner is named by its neutral reference in every export,
// whoever takes it out (decision 043), and no country is given.
const common = {
	id: grantApplications.id,
	title: grantApplications.title,
	callId: grantCalls.id,
	callTitle: grantCalls.title,
	currency: grantCalls.currency,
	orgName: organisations.name,
	orgReference: organisations.reference,
	sensitive: organisations.sensitive
};
type Common = { id: string; title: string; callTitle: Parameters<typeof tr>[0]; orgName: string; orgReference: string; sensitive: boolean };
const orgOf = (r: Common) => ({ name: r.orgName, reference: r.orgReference, sensitive: r.sensitive });
// The title is the partner's own words: its name is taken out of them too.
const lead = (r: Common, locale: string) => [r.id, outsideText(orgOf(r), r.title, locale), tr(r.callTitle, locale), outsideLabel(orgOf(r), locale)];
const leadHeader = () => [m.vol_col_application_id(), m.vol_col_title(), m.grant_call(), m.grant_applicant()];

/** The calls of the rows, so each gets its own answer or criterion columns. */
async function callsOf(db: DbOrTx, ids: string[]) {
	if (!ids.length) return [];
	return db.select({ id: grantCalls.id, title: grantCalls.title, stages: grantCalls.stages }).from(grantCalls).where(inArray(grantCalls.id, ids)).orderBy(asc(grantCalls.createdAt));
}

/** Applications with their answers: one column per form field of each call in the selection. */
export async function applicationsTable(db: DbOrTx, where: SQL, locale: string): Promise<Table> {
	const perCall = await db.select({ callId: grantApplications.callId, n: count() }).from(grantApplications).where(where).groupBy(grantApplications.callId);
	const calls = await callsOf(db, perCall.map((r) => r.callId));
	const columns = calls.flatMap((c) => answerColumns(c, locale, calls.length > 1 ? `${tr(c.title, locale)} · ` : ''));
	const stageName = (stages: StageDef[] | undefined, i: number) => tr(stages?.[i]?.name, locale) || String(i + 1);
	const stagesOf = new Map(calls.map((c) => [c.id, c.stages]));
	return {
		header: [...leadHeader(), m.grant_status(), m.vol_col_stage(), m.vol_col_requested(), m.vol_col_currency(), m.grant_submitted(), m.vol_col_decided(), ...columns.map((c) => c.header)],
		count: total(perCall),
		batches: batches(
			(after: { id: string; submittedKey: string | null } | undefined) =>
				db
					.select({ ...common, status: grantApplications.status, stageIndex: grantApplications.stageIndex, amount: grantApplications.requestedAmount, submittedAt: grantApplications.submittedAt, submittedKey: sql<string | null>`${grantApplications.submittedAt}::text`, decidedAt: grantApplications.decidedAt, answers: grantApplications.answers })
					.from(grantApplications)
					.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
					.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
					.where(and(where, after && afterSubmitted(after)))
					.orderBy(sql`${grantApplications.submittedAt} DESC NULLS LAST`, desc(grantApplications.id))
					.limit(EXPORT_BATCH),
			(rows) => rows.map((r) => [
			...lead(r, locale),
			applicationStatusLabel(r.status),
			stageName(stagesOf.get(r.callId), r.stageIndex),
			r.amount,
			r.currency,
			day(r.submittedAt),
			day(r.decidedAt),
			...columns.map((c) => (c.callId === r.callId ? outsideText(orgOf(r), answerCell(c.field, r.answers[c.field.id], locale), locale) : ''))
		])
		)
	};
}

// Newest submission first, never-submitted drafts last: the row after `after` in that order.
const afterSubmitted = (after: { id: string; submittedKey: string | null }) =>
	after.submittedKey === null
		? sql`(${grantApplications.submittedAt} IS NULL AND ${grantApplications.id} < ${after.id})`
		: sql`(${grantApplications.submittedAt} < ${after.submittedKey}::timestamptz OR (${grantApplications.submittedAt} = ${after.submittedKey}::timestamptz AND ${grantApplications.id} < ${after.id}) OR ${grantApplications.submittedAt} IS NULL)`;

/** Every review with its reviewer, total, percentage and the points given on each criterion. */
export async function reviewsTable(db: DbOrTx, where: SQL, locale: string): Promise<Table> {
	const perCall = await db
		.select({ callId: grantApplications.callId, n: count() })
		.from(grantReviews)
		.innerJoin(grantAssignments, eq(grantAssignments.id, grantReviews.assignmentId))
		.innerJoin(users, eq(users.id, grantAssignments.reviewerId))
		.innerJoin(grantApplications, eq(grantApplications.id, grantReviews.applicationId))
		.where(where)
		.groupBy(grantApplications.callId);
	const calls = await callsOf(db, perCall.map((r) => r.callId));
	const criteria = calls.flatMap((c) =>
		c.stages.flatMap((s, stage) =>
			(s.rubric?.criteria ?? []).map((k) => ({ callId: c.id, stage, id: k.id, header: `${calls.length > 1 ? `${tr(c.title, locale)} · ` : ''}${tr(s.name, locale)}: ${tr(k.label, locale)}` }))
		)
	);
	const stagesOf = new Map(calls.map((c) => [c.id, c.stages]));
	return {
		header: [...leadHeader(), m.vol_col_stage(), m.vol_col_reviewer(), m.vol_col_revision(), m.vol_col_total(), m.vol_col_percent(), m.vol_col_comment(), m.vol_col_reviewed_on(), ...criteria.map((c) => c.header)],
		count: total(perCall),
		batches: batches(
			(after: { id: string; stageIndex: number; atKey: string; reviewId: string } | undefined) =>
				db
					.select({ ...common, stageIndex: grantAssignments.stageIndex, reviewer: users.name, revision: grantReviews.revision, total: grantReviews.total, percent: grantReviews.percent, comment: grantReviews.comment, scores: grantReviews.scores, at: grantReviews.createdAt, atKey: sql<string>`${grantReviews.createdAt}::text`, reviewId: grantReviews.id })
					.from(grantReviews)
					.innerJoin(grantAssignments, eq(grantAssignments.id, grantReviews.assignmentId))
					.innerJoin(users, eq(users.id, grantAssignments.reviewerId))
					.innerJoin(grantApplications, eq(grantApplications.id, grantReviews.applicationId))
					.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
					.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
					.where(
						and(
							where,
							after &&
								sql`(${grantApplications.id}, ${grantAssignments.stageIndex}, ${grantReviews.createdAt}, ${grantReviews.id}) > (${after.id}::uuid, ${after.stageIndex}, ${after.atKey}::timestamptz, ${after.reviewId}::uuid)`
						)
					)
					.orderBy(asc(grantApplications.id), asc(grantAssignments.stageIndex), asc(grantReviews.createdAt), asc(grantReviews.id))
					.limit(EXPORT_BATCH),
			(rows) => rows.map((r) => [
			...lead(r, locale),
			tr(stagesOf.get(r.callId)?.[r.stageIndex]?.name, locale),
			r.reviewer,
			r.revision,
			r.total,
			Math.round(r.percent * 10) / 10,
			outsideText(orgOf(r), r.comment, locale),
			day(r.at),
			...criteria.map((c) => (c.callId === r.callId && c.stage === r.stageIndex ? (r.scores[c.id]?.points ?? '') : ''))
		])
		)
	};
}

const paidSum = sql<string>`(SELECT coalesce(sum(${grantTranches.paidAmount}), 0) FROM ${grantTranches} WHERE ${grantTranches.awardId} = ${grantAwards.id})`;

/** Awards with what has been paid of each and what remains to pay. */
export async function awardsTable(db: DbOrTx, where: SQL, locale: string): Promise<Table> {
	const [{ n }] = await db.select({ n: count() }).from(grantAwards).innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId)).where(where);
	return {
		header: [...leadHeader(), m.vol_col_awarded(), m.vol_col_currency(), m.vol_col_awarded_on(), m.vol_col_disbursed(), m.vol_col_to_pay(), m.vol_col_closed_on(), m.vol_col_conditions()],
		count: Number(n),
		batches: batches(
			(after: { awardId: string; awardedKey: string } | undefined) =>
				db
					.select({ ...common, awardId: grantAwards.id, amount: grantAwards.amount, awardCurrency: grantAwards.currency, awardedAt: grantAwards.awardedAt, awardedKey: sql<string>`${grantAwards.awardedAt}::text`, closedAt: grantAwards.closedAt, conditions: grantAwards.conditions, paid: paidSum })
					.from(grantAwards)
					.innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
					.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
					.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
					.where(and(where, after && sql`(${grantAwards.awardedAt}, ${grantAwards.id}) < (${after.awardedKey}::timestamptz, ${after.awardId}::uuid)`))
					.orderBy(desc(grantAwards.awardedAt), desc(grantAwards.id))
					.limit(EXPORT_BATCH),
			(rows) => rows.map((r) => [...lead(r, locale), r.amount, r.awardCurrency, day(r.awardedAt), Number(r.paid), r.amount - Number(r.paid), day(r.closedAt), outsideText(orgOf(r), r.conditions, locale)])
		)
	};
}

/** Every planned tranche of every award, paid or not. */
export async function disbursementsTable(db: DbOrTx, where: SQL, locale: string): Promise<Table> {
	const [{ n }] = await db
		.select({ n: count() })
		.from(grantTranches)
		.innerJoin(grantAwards, eq(grantAwards.id, grantTranches.awardId))
		.innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
		.where(where);
	return {
		header: [...leadHeader(), m.vol_col_currency(), m.vol_col_planned_on(), m.vol_col_planned(), m.vol_col_paid_on(), m.vol_col_paid()],
		count: Number(n),
		batches: batches(
			(after: { trancheId: string; plannedDate: string } | undefined) =>
				db
					.select({ ...common, trancheId: grantTranches.id, awardCurrency: grantAwards.currency, plannedDate: grantTranches.plannedDate, plannedAmount: grantTranches.plannedAmount, paidDate: grantTranches.paidDate, paidAmount: grantTranches.paidAmount })
					.from(grantTranches)
					.innerJoin(grantAwards, eq(grantAwards.id, grantTranches.awardId))
					.innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
					.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
					.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
					.where(and(where, after && sql`(${grantTranches.plannedDate}, ${grantTranches.id}) > (${after.plannedDate}::date, ${after.trancheId}::uuid)`))
					.orderBy(asc(grantTranches.plannedDate), asc(grantTranches.id))
					.limit(EXPORT_BATCH),
			(rows) => rows.map((r) => [...lead(r, locale), r.awardCurrency, day(r.plannedDate), r.plannedAmount, day(r.paidDate), r.paidAmount ?? ''])
		)
	};
}
