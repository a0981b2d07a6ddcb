import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { searchCondition } from '../directory/list-organisations.ts';
import { partnerLabel } from '../directory/partner-label.ts';
import { organisations } from '../directory/schema.ts';
import { identityEntitled, visibleOrganisations } from '../directory/scope.ts';
import { engagementRequests } from '../engagement/schema.ts';
import { visibleRequests } from '../engagement/scope.ts';
import { events } from '../events/schema.ts';
import { grantApplications } from '../grants/schema.ts';
import { visibleApplications } from '../grants/scope.ts';
import { titleQuery } from '../grants/list-applications.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { resources } from '../toolkit/schema.ts';
import { resourceSearch } from '../toolkit/list-resources.ts';
import { pickVersion, versionSelection, versionsOf } from '../toolkit/resource-versions.ts';
import { parseInput } from '../validate.ts';
import { searchQuery } from '../../validation/search.ts';
import { canSearchHub } from './policies.ts';

/** A few hits per kind: the search points at the item; each list page has the rest. */
export const HITS_PER_KIND = 5;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/**
 * A partner's name may match only where the actor is entitled to it (decision 043): otherwise a
 * search for a sensitive partner's name would reveal which requests and applications are theirs.
 */
function partnerNameMatches(actor: Actor, q: string): SQL {
	return and(ilike(organisations.name, like(q)), identityEntitled(actor, organisations.id, organisations.sensitive))!;
}

/**
 * Staff search across partners, requests, applications, events and resources: one statement per
 * kind, run together, each scoped by the same rules as its own list (a hidden item matches
 * nothing) and naming partners through the labelling rule.
 */
export async function searchHub(db: Db, actor: Actor, raw: unknown, locale = 'en') {
	ensure(canSearchHub(actor));
	const { q } = parseInput(searchQuery, raw);
	const words = titleQuery(q);
	const org = { id: organisations.id, name: organisations.name, reference: organisations.reference, sensitive: organisations.sensitive };

	const [partnerRows, requestRows, applicationRows, eventRows, resourceRows] = await Promise.all([
		db
			.select(org)
			.from(organisations)
			.where(and(visibleOrganisations(actor), or(searchCondition(q, locale), ilike(organisations.name, like(q)), eq(organisations.reference, q.toUpperCase()))))
			.orderBy(asc(organisations.name))
			.limit(HITS_PER_KIND),
		db
			.select({ id: engagementRequests.id, goal: engagementRequests.goal, status: engagementRequests.status, org })
			.from(engagementRequests)
			.innerJoin(organisations, eq(organisations.id, engagementRequests.organisationId))
			.where(and(visibleRequests(actor), or(ilike(engagementRequests.goal, like(q)), partnerNameMatches(actor, q))))
			.orderBy(desc(engagementRequests.updatedAt))
			.limit(HITS_PER_KIND),
		db
			.select({ id: grantApplications.id, title: grantApplications.title, status: grantApplications.status, org })
			.from(grantApplications)
			.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
			.where(and(visibleApplications(actor), or(words ? sql`${grantApplications.search} @@ to_tsquery('simple', ${words})` : sql`false`, partnerNameMatches(actor, q))))
			.orderBy(desc(grantApplications.updatedAt))
			.limit(HITS_PER_KIND),
		db
			.select({ id: events.id, title: events.title, startsAt: events.startsAt, status: events.status })
			.from(events)
			.leftJoin(organisations, eq(organisations.id, events.organisationId))
			// A clinic held for a sensitive partner is found only by those entitled to that partner.
			.where(and(ilike(events.title, like(q)), or(sql`${events.organisationId} IS NULL`, identityEntitled(actor, organisations.id, organisations.sensitive))))
			.orderBy(desc(events.startsAt))
			.limit(HITS_PER_KIND),
		db
			.select({ id: resources.id, type: resources.type, ...versionSelection(['title']) })
			.from(resources)
			.where(resourceSearch(q, locale) ?? sql`false`)
			.orderBy(desc(resources.createdAt))
			.limit(HITS_PER_KIND)
	]);

	return {
		q,
		partners: partnerRows.map((o) => ({ id: o.id, name: partnerLabel(actor, o) })),
		requests: requestRows.map(({ org: o, ...r }) => ({ ...r, partner: partnerLabel(actor, o) })),
		applications: applicationRows.map(({ org: o, ...a }) => ({ ...a, partner: partnerLabel(actor, o) })),
		events: eventRows,
		resources: resourceRows.map((r) => {
			const shown = pickVersion(versionsOf(r, ['title']), locale)!;
			return { id: r.id, type: r.type, title: shown.version.title, language: shown.language };
		})
	};
}
