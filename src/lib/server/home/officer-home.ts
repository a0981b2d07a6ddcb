import { and, asc, count, eq, gte, inArray, isNull, lt, ne, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { QueryBuilder } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/types.ts';
import { organisations } from '../directory/schema.ts';
import { engagementAssessments, engagementRequests, engagementSafetyPlans } from '../engagement/schema.ts';
import { contactMessages } from '../contact/schema.ts';
import { clinicRequests, eventRegistrations, events } from '../events/schema.ts';
import { grantApplications, grantAwards, grantCalls, grantProgrammes, grantReports } from '../grants/schema.ts';
import { pick } from '../events/list-terms.ts';
import { decisionClock } from '../grants/working-days.ts';
import type { UserActor } from '../identity/actor.ts';
import { monthOf } from './month.ts';
import { labelled, ORGANISATION } from './organisation-columns.ts';

/** Items shown per section; the counts say how many there are in all. */
export const HOME_LIMIT = 8;
const FORTNIGHT_MS = 14 * 86_400_000;

/** Applications waiting for staff: to be screened, or to be decided. */
export const AWAITING_STAFF = ['submitted', 'screening', 'decision'] as const;
const UNDECIDED = ['submitted', 'in_assessment'] as const;

/** Whose grant work a home shows: the calls the officer leads (and the ones nobody leads), or all. */
export type HomeScope = 'mine' | 'all';

/**
 * An application's call is the officer's when they lead its programme; a call whose programme has
 * no lead is everyone's, so it is never left out of every home.
 */
function ownCalls(v: HomeValues, scope: HomeScope, applicationCall: typeof grantApplications.callId | typeof grantReports.callId): SQL {
	if (scope === 'all') return sql`true`;
	// An array computed once per statement, so that each count is a plain range of a partial index
	// (an IN (subquery) is planned as a join, which costs several times more per row counted).
	return sql`${applicationCall} = ANY (ARRAY(SELECT ${grantCalls.id} FROM ${grantCalls} JOIN ${grantProgrammes} ON ${grantProgrammes.id} = ${grantCalls.programmeId} WHERE ${grantProgrammes.leadUserId} = ${v.userId} OR ${grantProgrammes.leadUserId} IS NULL))`;
}

/**
 * What the statements depend on: whose home, and when (now, the person's today and next month's
 * first day, a fortnight ahead). Either the values themselves, or placeholders filled on each run.
 */
type HomeValues = { userId: string | Placeholder; now: Date | Placeholder; today: string | Placeholder; next: string | Placeholder; fortnight: Date | Placeholder };

function homeValues(actor: UserActor, now: Date) {
	const month = monthOf(now, actor.timeZone);
	return { userId: actor.userId, now, today: month.today, next: month.next, fortnight: new Date(now.getTime() + FORTNIGHT_MS) };
}

const PLACEHOLDERS: HomeValues = {
	userId: sql.placeholder('userId'),
	now: sql.placeholder('now'),
	today: sql.placeholder('today'),
	next: sql.placeholder('next'),
	fortnight: sql.placeholder('fortnight')
};

/** What each section of the officer's home selects; shared by the list and its count. */
function conditions(v: HomeValues, scope: HomeScope) {
	const { now } = v;
	const approvedPlan = sql`EXISTS (SELECT 1 FROM ${engagementSafetyPlans} WHERE ${engagementSafetyPlans.requestId} = ${engagementRequests.id} AND ${engagementSafetyPlans.approvedAt} IS NOT NULL)`;
	return {
		applications: and(inArray(grantApplications.status, [...AWAITING_STAFF]), ownCalls(v, scope, grantApplications.callId)) as SQL,
		requests: inArray(engagementRequests.status, [...UNDECIDED]),
		gate: and(inArray(engagementRequests.status, [...UNDECIDED]), eq(engagementRequests.gate, 'blocked'), sql`NOT ${approvedPlan}`) as SQL,
		clinics: eq(clinicRequests.status, 'requested'),
		registrations: and(eq(eventRegistrations.status, 'pending'), gte(events.endsAt, now)) as SQL,
		reports: and(isNull(grantReports.submittedAt), lt(grantReports.dueDate, v.next), ownCalls(v, scope, grantReports.callId)) as SQL,
		overdueReports: and(isNull(grantReports.submittedAt), lt(grantReports.dueDate, v.today), ownCalls(v, scope, grantReports.callId)) as SQL,
		messages: eq(contactMessages.status, 'open'),
		events: and(eq(events.createdBy, v.userId), ne(events.status, 'cancelled'), gte(events.startsAt, now), lt(events.startsAt, v.fortnight)) as SQL
	};
}

/**
 * The statements behind the officer's home: one row of counts, and one short list per section,
 * each a walk of an index that stops after a few rows. Built on the database or on a bare
 * QueryBuilder (the bench renders the same SQL for its baseline).
 */
export function officerHomeStatements(builder: Pick<DbOrTx, 'select'> | QueryBuilder, actor: UserActor, now: Date, scope: HomeScope = 'all') {
	return statements(builder, homeValues(actor, now), scope);
}

function statements(builder: Pick<DbOrTx, 'select'> | QueryBuilder, v: HomeValues, scope: HomeScope) {
	const db = builder as DbOrTx;
	const { now } = v;
	const w = conditions(v, scope);
	// Named, so that the bare driver's rows keep every count apart.
	const countOf = (name: string, from: SQL, where: SQL) => sql<number>`(SELECT count(*) FROM ${from} WHERE ${where})`.mapWith(Number).as(name);
	const pendingJoin = sql`${eventRegistrations} JOIN ${events} ON ${events.id} = ${eventRegistrations.eventId}`;
	const counts = db
		.select({
			applications: countOf('applications', sql`${grantApplications}`, w.applications),
			overdueApplications: countOf('overdueApplications', sql`${grantApplications}`, and(w.applications, lt(grantApplications.decisionDueAt, now)) as SQL),
			requests: countOf('requests', sql`${engagementRequests}`, w.requests),
			gate: countOf('gate', sql`${engagementRequests}`, w.gate),
			clinics: countOf('clinics', sql`${clinicRequests}`, w.clinics),
			registrations: countOf('registrations', pendingJoin, w.registrations),
			reports: countOf('reports', sql`${grantReports}`, w.reports),
			overdueReports: countOf('overdueReports', sql`${grantReports}`, w.overdueReports),
			events: countOf('events', sql`${events}`, w.events),
			messages: countOf('messages', sql`${contactMessages}`, w.messages)
		})
		.from(sql`(VALUES (1)) AS one (x)`);

	const applications = db
		.select({
			id: grantApplications.id,
			title: grantApplications.title,
			status: grantApplications.status,
			submittedAt: grantApplications.submittedAt,
			decisionDueAt: grantApplications.decisionDueAt,
			callTitle: grantCalls.title,
			timeZone: grantCalls.timeZone,
			targetDays: grantCalls.decisionTargetDays,
			...ORGANISATION
		})
		.from(grantApplications)
		.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
		.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
		.where(w.applications)
		// Overdue first, then the least time left; applications without a clock come last.
		.orderBy(sql`${grantApplications.decisionDueAt} ASC NULLS LAST`, asc(grantApplications.id))
		.limit(HOME_LIMIT);

	const assessed = (submitted: boolean) =>
		sql<number>`(SELECT count(*) FROM ${engagementAssessments} WHERE ${engagementAssessments.requestId} = ${engagementRequests.id}${submitted ? sql` AND ${engagementAssessments.submittedAt} IS NOT NULL` : sql``})`.mapWith(Number);
	const requests = db
		.select({ id: engagementRequests.id, goal: engagementRequests.goal, status: engagementRequests.status, submittedAt: engagementRequests.submittedAt, assessors: assessed(false), assessed: assessed(true), ...ORGANISATION })
		.from(engagementRequests)
		.innerJoin(organisations, eq(organisations.id, engagementRequests.organisationId))
		.where(w.requests)
		.orderBy(asc(engagementRequests.status), asc(engagementRequests.updatedAt))
		.limit(HOME_LIMIT);

	const gate = db
		.select({ id: engagementRequests.id, goal: engagementRequests.goal, ...ORGANISATION })
		.from(engagementRequests)
		.innerJoin(organisations, eq(organisations.id, engagementRequests.organisationId))
		.where(w.gate)
		.orderBy(asc(engagementRequests.updatedAt))
		.limit(HOME_LIMIT);

	const clinics = db
		.select({ id: clinicRequests.id, language: clinicRequests.language, createdAt: clinicRequests.createdAt, ...ORGANISATION })
		.from(clinicRequests)
		.innerJoin(organisations, eq(organisations.id, clinicRequests.organisationId))
		.where(w.clinics)
		.orderBy(asc(clinicRequests.createdAt))
		.limit(HOME_LIMIT);

	const registrations = db
		.select({ id: events.id, title: events.title, startsAt: events.startsAt, pending: count() })
		.from(eventRegistrations)
		.innerJoin(events, eq(events.id, eventRegistrations.eventId))
		.where(w.registrations)
		.groupBy(events.id)
		.orderBy(asc(events.startsAt))
		.limit(HOME_LIMIT);

	const reports = db
		.select({ id: grantReports.id, dueDate: grantReports.dueDate, applicationId: grantApplications.id, title: grantApplications.title, ...ORGANISATION })
		.from(grantReports)
		.innerJoin(grantAwards, eq(grantAwards.id, grantReports.awardId))
		.innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
		.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
		.where(w.reports)
		.orderBy(asc(grantReports.dueDate), asc(grantReports.id))
		.limit(HOME_LIMIT);

	const upcoming = db
		.select({ id: events.id, title: events.title, startsAt: events.startsAt, status: events.status, capacity: events.capacity, confirmed: events.confirmedCount })
		.from(events)
		.where(w.events)
		.orderBy(asc(events.startsAt))
		.limit(HOME_LIMIT);

	const messages = db
		.select({ id: contactMessages.id, topic: contactMessages.topic, createdAt: contactMessages.createdAt, preview: sql<string>`left(${contactMessages.message}, 90)` })
		.from(contactMessages)
		.where(w.messages)
		.orderBy(asc(contactMessages.status), asc(contactMessages.createdAt))
		.limit(HOME_LIMIT);

	return { counts, applications, requests, gate, clinics, registrations, reports, events: upcoming, messages };
}

function prepareStatements(db: DbOrTx, scope: HomeScope) {
	const s = statements(db, PLACEHOLDERS, scope);
	const name = (section: string) => `home_${scope}_${section}`;
	return {
		counts: s.counts.prepare(name('counts')),
		applications: s.applications.prepare(name('applications')),
		requests: s.requests.prepare(name('requests')),
		gate: s.gate.prepare(name('gate')),
		clinics: s.clinics.prepare(name('clinics')),
		registrations: s.registrations.prepare(name('registrations')),
		reports: s.reports.prepare(name('reports')),
		events: s.events.prepare(name('events')),
		messages: s.messages.prepare(name('messages'))
	};
}

// The home is the page everyone opens first and most: its nine statements are built once per
// database and scope (Drizzle took about a millisecond a request to build them), and PostgreSQL
// keeps them parsed per connection.
const prepared = new WeakMap<DbOrTx, Partial<Record<HomeScope, ReturnType<typeof prepareStatements>>>>();
function preparedStatements(db: DbOrTx, scope: HomeScope) {
	let byScope = prepared.get(db);
	if (!byScope) prepared.set(db, (byScope = {}));
	return (byScope[scope] ??= prepareStatements(db, scope));
}

/** What needs a programme officer (or an admin) next, each item one click from where it is handled. */
export async function getOfficerHome(db: DbOrTx, actor: UserActor, locale: string, now = new Date(), scope: HomeScope = 'mine') {
	const s = preparedStatements(db, scope);
	const v = homeValues(actor, now);
	// Filled in as the driver takes them: instants as ISO text, days as dates.
	const params = { userId: v.userId, now: now.toISOString(), today: v.today, next: v.next, fortnight: v.fortnight.toISOString() };
	const [[counts], applications, requests, gate, clinics, registrations, reports, upcoming, messages] = await Promise.all([
		s.counts.execute(params),
		s.applications.execute(params),
		s.requests.execute(params),
		s.gate.execute(params),
		s.clinics.execute(params),
		s.registrations.execute(params),
		s.reports.execute(params),
		s.events.execute(params),
		s.messages.execute(params)
	]);
	const today = v.today;
	return {
		kind: 'officer' as const,
		scope,
		counts,
		applications: applications.map(({ timeZone, targetDays, callTitle, ...r }) => ({
			...labelled(actor, r),
			callTitle: pick(callTitle, locale),
			clock: r.decisionDueAt && targetDays ? decisionClock(r.decisionDueAt, targetDays, now, timeZone) : null
		})),
		requests: requests.map((r) => labelled(actor, r)),
		gate: gate.map((r) => labelled(actor, r)),
		clinics: clinics.map((r) => labelled(actor, r)),
		registrations,
		reports: reports.map((r) => ({ ...labelled(actor, r), overdue: r.dueDate < today })),
		events: upcoming,
		messages
	};
}
