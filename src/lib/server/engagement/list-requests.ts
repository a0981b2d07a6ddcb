import { and, arrayContains, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { QueryBuilder } from 'drizzle-orm/pg-core';
import type { GateState } from '../../engagement-codes.ts';
import type { Db } from '../db/types.ts';
import { outsideLabel } from '../directory/partner-label.ts';
import { organisations } from '../directory/schema.ts';
import { identityEntitled } from '../directory/scope.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { portfolioQuery, type PortfolioQuery } from '../../validation/engagement.ts';
import { canSeePartnerName } from './policies.ts';
import { currentBands } from './criteria-set.ts';
import type { Band } from '../../engagement-codes.ts';
import { criteriaSets, engagementRequests } from './schema.ts';
import { seesResult, visibleRequests } from './scope.ts';

export function portfolioFilter(actor: Actor, q: PortfolioQuery): SQL {
	const where: (SQL | undefined)[] = [visibleRequests(actor)];
	// A sensitive partner's country is part of its identity: filtering by it matches only rows whose
	// partner the actor is entitled to, or the filter would reveal it.
	if (q.country) where.push(eq(engagementRequests.country, q.country), identityEntitled(actor, organisations.id, organisations.sensitive));
	if (q.region) where.push(eq(organisations.region, q.region));
	if (q.status) where.push(eq(engagementRequests.status, q.status));
	if (q.kind) where.push(arrayContains(engagementRequests.kinds, [q.kind]));
	// Filtering by the result would reveal it: rows whose result the actor may not see never match.
	if (q.band) where.push(eq(engagementRequests.band, q.band), seesResult(actor));
	if (q.gate) where.push(eq(engagementRequests.gate, q.gate), seesResult(actor));
	return and(...where)!;
}

const portfolioColumns = {
	id: engagementRequests.id,
	status: engagementRequests.status,
	kinds: engagementRequests.kinds,
	goal: engagementRequests.goal,
	country: engagementRequests.country,
	score: engagementRequests.score,
	band: engagementRequests.band,
	gate: engagementRequests.gate,
	decision: engagementRequests.decision,
	submittedAt: engagementRequests.submittedAt,
	updatedAt: engagementRequests.updatedAt,
	organisationId: organisations.id,
	organisationName: organisations.name,
	organisationReference: organisations.reference,
	sensitive: organisations.sensitive,
	region: organisations.region
};

/** The portfolio's columns for this actor: the consolidated result is null where they may not see it. */
export function portfolioColumnsFor(actor: Actor) {
	const sees = seesResult(actor);
	return {
		...portfolioColumns,
		score: sql<number | null>`CASE WHEN ${sees} THEN ${engagementRequests.score} END`.mapWith(Number),
		band: sql<string | null>`CASE WHEN ${sees} THEN ${engagementRequests.band} END`,
		gate: sql<GateState | null>`CASE WHEN ${sees} THEN ${engagementRequests.gate} END`
	};
}

/**
 * The current criteria version's bands, as a column of the count's one row: the portfolio page
 * names them in its filter and its rows, and reading them with the count saves the page a
 * statement of its own. Null on a hub that has no criteria version yet.
 */
const currentBandsColumn = sql<Band[] | null>`(SELECT ${criteriaSets.bands} FROM ${criteriaSets} ORDER BY ${criteriaSets.version} DESC LIMIT 1)`;

/**
 * The two statements of a portfolio page (its rows and the count); the bench runs them bare too.
 * With `bands`, the count also reads the current bands (the page's filter needs them).
 */
export function portfolioStatements(qb: Pick<Db, 'select'> | QueryBuilder, actor: Actor, q: PortfolioQuery, { bands = false } = {}) {
	const where = portfolioFilter(actor, q);
	// The same builder API either way; typed as the database so that the rows are typed.
	const b = qb as Db;
	const counted = { total: count(), bands: bands ? currentBandsColumn : sql<Band[] | null>`NULL::jsonb` };
	return {
		rows: b
			.select(portfolioColumnsFor(actor))
			.from(engagementRequests)
			.innerJoin(organisations, eq(organisations.id, engagementRequests.organisationId))
			.where(where)
			.orderBy(desc(engagementRequests.updatedAt), desc(engagementRequests.id))
			.limit(q.pageSize)
			.offset((q.page - 1) * q.pageSize),
		// Every request has its partner (a required reference), so the count joins only to filter by region.
		total: q.region
			? b.select(counted).from(engagementRequests).innerJoin(organisations, eq(organisations.id, engagementRequests.organisationId)).where(where)
			: b.select(counted).from(engagementRequests).where(where)
	};
}

/**
 * The requests the actor may see, newest activity first, filtered. Staff see the whole portfolio;
 * partners their own organisations' requests; assessors from outside what they are assigned.
 * With `bands` (the portfolio page), the current criteria bands come with them.
 */
export async function listRequests(db: Db, actor: Actor, raw: unknown, { bands = false } = {}) {
	const q = parseInput(portfolioQuery, raw);
	const s = portfolioStatements(db, actor, q, { bands });
	const [rows, [counted]] = await Promise.all([s.rows, s.total]);
	const locale = isUser(actor) ? actor.locale : undefined;
	return {
		query: q,
		total: counted.total,
		bands: bands ? (counted.bands ?? (await currentBands(db, actor))) : [],
		items: rows.map(({ organisationName, organisationReference, sensitive, ...r }) => {
			const entitled = canSeePartnerName(actor, { id: r.organisationId, sensitive });
			return {
				...r,
				// Someone not entitled to the partner's identity learns its region, not its country.
				country: entitled ? r.country : null,
				organisationName: entitled ? organisationName : outsideLabel({ name: organisationName, reference: organisationReference, sensitive }, locale)
			};
		})
	};
}
export type PortfolioRow = Awaited<ReturnType<typeof listRequests>>['items'][number];
