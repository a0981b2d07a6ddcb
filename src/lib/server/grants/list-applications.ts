import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { QueryBuilder } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/types.ts';
import { m } from '#lib/paraglide/messages.js';
import { partnerLabel, redactIdentity } from '../directory/partner-label.ts';
import { identityEntitled } from '../directory/scope.ts';
import { organisations } from '../directory/schema.ts';
import { toLocale } from '../i18n.ts';
import { hasRole, isUser, type Actor } from '../identity/actor.ts';
import { DIRECTORY_MANAGERS } from '../../roles.ts';
import { decisionClock } from './working-days.ts';
import { CLOCK_RUNNING } from './workflow.ts';
import { parseInput } from '../validate.ts';
import { applicationQuery, type ApplicationQuery } from '../../validation/grants.ts';
import { grantApplications, grantCalls } from './schema.ts';
import { visibleApplications } from './scope.ts';

export const PAGE_SIZE = 50;
/**
 * Matches are counted up to this many past the page's first row, so that a count costs the same
 * at a million applications as at ten thousand; beyond it the list says "more than" (decision 062).
 */
export const COUNT_LIMIT = 1_000;

/** Words typed in the search box → a prefix query on the title's search vector. */
export function titleQuery(q: string): string {
	const words = q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
	return words.map((w) => `${w}:*`).join(' & ');
}

/**
 * The statements behind the list: a page of rows (an index walk that stops after the page, with
 * one row more to tell whether another page follows) and, unless words are searched, the count of
 * matches up to `cap`, an index-only walk that stops there. A word search is not counted: its
 * matches can only be counted by visiting every one, so the page's extra row tells whether more
 * follow. Built on a database or on a bare QueryBuilder (the bench renders the same SQL for its
 * baseline).
 */
export function applicationListStatements(builder: Pick<DbOrTx, 'select'> | QueryBuilder, actor: Actor, q: ApplicationQuery) {
	// Both builders have the same select(); the cast picks one of the two overload sets.
	const db = builder as DbOrTx;
	const where: SQL[] = [visibleApplications(actor)];
	if (q.status) where.push(eq(grantApplications.status, q.status));
	if (q.call) where.push(eq(grantApplications.callId, q.call));
	const words = titleQuery(q.q);
	// Those who see every identity list every title as written. For anyone else a sensitive
	// partner's title is shown with its name taken out, so neither a search for the name nor the
	// title sort may place the row by it.
	const everyName = hasRole(actor, ...DIRECTORY_MANAGERS);
	const entitled = identityEntitled(actor, organisations.id, organisations.sensitive);
	if (words) {
		where.push(sql`${grantApplications.search} @@ to_tsquery('simple', ${words})`);
		if (!everyName) where.push(sql`(${entitled} OR NOT to_tsvector('simple', ${organisations.name}) @@ to_tsquery('simple', ${words}))`);
	}
	const prefix = m.partner_reference({ reference: '' }, isUser(actor) ? { locale: toLocale(actor.locale) } : {});
	const shownTitle = everyName
		? grantApplications.title
		: sql`CASE WHEN ${entitled} THEN ${grantApplications.title} ELSE replace(${grantApplications.title}, ${organisations.name}, ${prefix} || ${organisations.reference}) END`;
	const order = {
		'-submitted': [sql`${grantApplications.submittedAt} DESC NULLS LAST`, desc(grantApplications.id)],
		submitted: [sql`${grantApplications.submittedAt} ASC NULLS LAST`, asc(grantApplications.id)],
		title: [asc(shownTitle), asc(grantApplications.id)],
		'-amount': [desc(grantApplications.requestedAmount), asc(grantApplications.id)],
		due: [sql`${grantApplications.decisionDueAt} ASC NULLS LAST`, asc(grantApplications.id)]
	}[q.sort];
	const rows = db
		.select({
			id: grantApplications.id,
			title: grantApplications.title,
			status: grantApplications.status,
			stageIndex: grantApplications.stageIndex,
			requestedAmount: grantApplications.requestedAmount,
			submittedAt: grantApplications.submittedAt,
			decisionDueAt: grantApplications.decisionDueAt,
			callTitle: grantCalls.title,
			currency: grantCalls.currency,
			timeZone: grantCalls.timeZone,
			targetDays: grantCalls.decisionTargetDays,
			organisationId: organisations.id,
			organisationName: organisations.name,
			organisationReference: organisations.reference,
			sensitive: organisations.sensitive
		})
		.from(grantApplications)
		.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
		.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
		.where(and(...where))
		.orderBy(...order)
		.limit(PAGE_SIZE + 1)
		.offset((q.page - 1) * PAGE_SIZE);
	const cap = (q.page - 1) * PAGE_SIZE + COUNT_LIMIT;
	const matches = db.select({ one: sql<number>`1`.as('one') }).from(grantApplications).where(and(...where)).limit(cap + 1).as('matches');
	const total = words ? null : db.select({ n: count() }).from(matches);
	return { rows, total, cap };
}

/** The count shown above the list: exact, or the least there are ("more than …"). */
export function countedTotal(page: number, pageRows: number, counted: number | null, cap: number) {
	if (counted === null) return { total: (page - 1) * PAGE_SIZE + Math.min(pageRows, PAGE_SIZE), exact: pageRows <= PAGE_SIZE };
	return { total: Math.min(counted, cap), exact: counted <= cap };
}

/** Applications the actor may see, filtered by status, call and title words, sorted, a page at a time. */
export async function listApplications(db: DbOrTx, actor: Actor, raw: unknown, now = new Date()) {
	const q = parseInput(applicationQuery, raw);
	const s = applicationListStatements(db, actor, q);
	const [fetched, counted] = await Promise.all([s.rows, s.total]);
	const { total, exact } = countedTotal(q.page, fetched.length, counted ? counted[0].n : null, s.cap);
	// Staff see each running application's decision clock: working days left, or overdue.
	const staff = hasRole(actor, 'admin', 'programme_officer');
	return {
		query: q,
		rows: fetched.slice(0, PAGE_SIZE).map(({ targetDays, organisationReference, sensitive, ...r }) => ({
			...r,
			title: redactIdentity(actor, { id: r.organisationId, name: r.organisationName, reference: organisationReference, sensitive }, r.title),
			organisationName: partnerLabel(actor, { id: r.organisationId, name: r.organisationName, reference: organisationReference, sensitive }),
			clock:
				staff && r.decisionDueAt && targetDays && CLOCK_RUNNING.includes(r.status)
					? decisionClock(r.decisionDueAt, targetDays, now, r.timeZone)
					: null
		})),
		total,
		/** False when `total` is the least there are: counting stopped there, or a word search has another page. */
		totalExact: exact
	};
}
