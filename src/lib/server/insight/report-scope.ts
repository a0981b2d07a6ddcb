import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { organisations } from '../directory/schema.ts';
import type { InsightDimension } from '../../insight/report-codes.ts';
import type { InsightQuery } from '../../validation/insight-report.ts';

// The pieces every reporting query shares: which partners a filter keeps, which moments fall in
// the period, and what a row is grouped by. Keeping them here makes every table answer the same
// question for the same filter.

/** The end of the period as an exclusive instant: the day after `to`, at midnight UTC. */
export const periodEnd = (q: InsightQuery) => new Date(Date.parse(q.to) + 86_400_000);

/** A timestamp column within the period. */
export const inPeriod = (column: AnyColumn | SQL, q: InsightQuery) => sql`${column} >= ${new Date(q.from)} and ${column} < ${periodEnd(q)}`;

/** A date column (no time of day) within the period. */
export const onDayInPeriod = (column: AnyColumn, q: InsightQuery) => sql`${column} >= ${q.from} and ${column} <= ${q.to}`;

/**
 * The partner filters. `country` may name another expression, for rows (registrations) that carry
 * a country of their own when no partner is linked.
 */
export function partnerFilter(q: InsightQuery, country: AnyColumn | SQL = organisations.country): SQL | undefined {
	return and(
		q.region ? eq(organisations.region, q.region) : undefined,
		q.country ? sql`${country} = ${q.country}` : undefined,
		q.kind ? eq(organisations.kind, q.kind) : undefined
	);
}

/**
 * Joins the partner to rows that only need it for the partner filters: with none set, the join
 * is left out (over 100,000 applications it costs a hash of every partner and a probe per row).
 */
export function joinPartnerWhenFiltered<T extends PgSelect>(query: T, q: InsightQuery, organisationId: AnyColumn): T {
	return q.region || q.country || q.kind ? (query.innerJoin(organisations, eq(organisations.id, organisationId)) as unknown as T) : query;
}

/**
 * The grouping key of a breakdown: a partner's country, region or kind, or the year of the moment
 * that counts for this figure. Rows with no partner (a guest at a training) group under ''.
 */
export function groupKey(by: InsightDimension, when: AnyColumn | SQL, country: AnyColumn | SQL = organisations.country): SQL<string> {
	switch (by) {
		case 'country':
			return sql<string>`coalesce(${country}, '')`;
		case 'region':
			return sql<string>`coalesce(${organisations.region}, '')`;
		case 'kind':
			return sql<string>`coalesce(${organisations.kind}, '')`;
		case 'year':
			return sql<string>`cast(extract(year from ${when}) as integer)::text`;
	}
}

/** `rollup` adds a totals row to a grouped query; `grouping()` tells it apart from a group whose key is empty. */
export const rollup = (key: SQL) => sql`rollup(${key})`;
export const isTotal = (key: SQL) => sql<boolean>`grouping(${key}) = 1`;

/** SQL counts come back as text or bigint depending on the driver; figures are plain numbers. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
