import { and, asc, desc, eq, gte, inArray, ne, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { partnerLabel } from '../directory/partner-label.ts';
import { organisations } from '../directory/schema.ts';
import { engagementRequests } from '../engagement/schema.ts';
import { eventRegistrations, events } from '../events/schema.ts';
import { pick } from '../events/list-terms.ts';
import { listOpenCalls } from '../grants/list-open-calls.ts';
import { grantApplications, grantAwards, grantCalls, grantReports } from '../grants/schema.ts';
import type { UserActor } from '../identity/actor.ts';
import { strategies } from '../toolkit/schema.ts';
import { HOME_LIMIT } from './officer-home.ts';
import { monthOf } from './month.ts';
import { ORGANISATION } from './organisation-columns.ts';

const FINISHED_APPLICATIONS = ['awarded', 'declined', 'withdrawn', 'closed'] as const;

/** The step a partner's own item waits for, if it waits for them at all. */
export type NextStep = 'submit' | 'answer' | 'report' | 'wait';

/**
 * A partner member's home: for each of their organisations what is open and what it needs from
 * them next, their strategies, the events they registered for and the calls they may apply to.
 * One statement per kind of item over all their organisations at once.
 */
export async function getPartnerHome(db: DbOrTx, actor: UserActor, locale: string, now = new Date()) {
	const mine = [...actor.memberships.keys()];
	if (!mine.length) return { kind: 'partner' as const, organisations: [], registrations: [] };
	const today = monthOf(now, actor.timeZone).today;
	const nextReport = sql<string | null>`(SELECT min(${grantReports.dueDate}) FROM ${grantReports} WHERE ${grantReports.awardId} = ${grantAwards.id} AND ${grantReports.submittedAt} IS NULL)`;

	const [orgs, requests, applications, grants, plans, registrations, calls] = await Promise.all([
		db.select({ ...ORGANISATION, kind: organisations.kind }).from(organisations).where(inArray(organisations.id, mine)).orderBy(asc(organisations.name)),
		db
			.select({ id: engagementRequests.id, organisationId: engagementRequests.organisationId, goal: engagementRequests.goal, status: engagementRequests.status, updatedAt: engagementRequests.updatedAt })
			.from(engagementRequests)
			.where(and(inArray(engagementRequests.organisationId, mine), ne(engagementRequests.status, 'decided')))
			.orderBy(desc(engagementRequests.updatedAt)),
		db
			.select({ id: grantApplications.id, organisationId: grantApplications.organisationId, title: grantApplications.title, status: grantApplications.status, callTitle: grantCalls.title, updatedAt: grantApplications.updatedAt })
			.from(grantApplications)
			.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
			.where(and(inArray(grantApplications.organisationId, mine), notInArray(grantApplications.status, [...FINISHED_APPLICATIONS])))
			.orderBy(desc(grantApplications.updatedAt)),
		db
			.select({ applicationId: grantApplications.id, organisationId: grantApplications.organisationId, title: grantApplications.title, amount: grantAwards.amount, currency: grantAwards.currency, nextReport })
			.from(grantAwards)
			.innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
			.where(and(inArray(grantApplications.organisationId, mine), sql`${grantAwards.closedAt} IS NULL`))
			.orderBy(sql`${nextReport} ASC NULLS LAST`),
		db
			.select({ id: strategies.id, organisationId: strategies.organisationId, title: strategies.title, updatedAt: strategies.updatedAt })
			.from(strategies)
			.where(inArray(strategies.organisationId, mine))
			.orderBy(desc(strategies.updatedAt)),
		db
			.select({ eventId: events.id, title: events.title, startsAt: events.startsAt, eventStatus: events.status, status: eventRegistrations.status })
			.from(eventRegistrations)
			.innerJoin(events, eq(events.id, eventRegistrations.eventId))
			.where(and(eq(eventRegistrations.userId, actor.userId), inArray(eventRegistrations.status, ['pending', 'confirmed', 'waitlisted']), gte(events.endsAt, now)))
			.orderBy(asc(events.startsAt))
			.limit(HOME_LIMIT),
		listOpenCalls(db, now)
	]);

	const of = <T extends { organisationId: string }>(rows: T[], id: string) => rows.filter((r) => r.organisationId === id).slice(0, HOME_LIMIT);
	return {
		kind: 'partner' as const,
		organisations: orgs.map((o) => ({
			id: o.organisationId,
			name: partnerLabel(actor, { id: o.organisationId, name: o.organisationName, reference: o.organisationReference, sensitive: o.sensitive }),
			requests: of(requests, o.organisationId).map((r) => ({
				...r,
				next: (r.status === 'draft' ? 'submit' : r.status === 'more_info' ? 'answer' : 'wait') as NextStep
			})),
			applications: of(applications, o.organisationId).map((a) => ({
				...a,
				callTitle: pick(a.callTitle, locale),
				next: (a.status === 'draft' ? 'submit' : a.status === 'more_information' ? 'answer' : 'wait') as NextStep
			})),
			grants: of(grants, o.organisationId).map((g) => ({
				...g,
				next: (g.nextReport ? 'report' : 'wait') as NextStep,
				reportOverdue: !!g.nextReport && g.nextReport < today
			})),
			strategies: of(plans, o.organisationId),
			// Calls open to every kind of organisation, or to this one's kind.
			calls: calls
				.filter((c) => !c.call.whoMayApply.length || c.call.whoMayApply.includes(o.kind))
				.map((c) => ({ slug: c.call.slug, title: pick(c.call.title, locale), closesAt: c.call.rolling ? null : c.call.closesAt }))
		})),
		registrations
	};
}
