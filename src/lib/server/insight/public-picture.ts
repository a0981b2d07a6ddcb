import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { outsideLabel } from '../directory/partner-label.ts';
import { agreements, organisations } from '../directory/schema.ts';
import { engagementRequests } from '../engagement/schema.ts';
import { eventRegistrations, events } from '../events/schema.ts';
import { grantApplications, grantAwards } from '../grants/schema.ts';
import { suppressSmallCells, type PublishedRow } from '../../insight/suppress.ts';
import { outcomeActuals, outcomeIndicators, outcomeReviews } from './schema.ts';
import { num } from './report-scope.ts';

const COUNTRY_FIGURES = ['partners', 'grants', 'trained'] as const;
type CountryFigure = (typeof COUNTRY_FIGURES)[number];

// A partner counts as supported once it has a signed engagement agreement, a grant, or an
// engagement request the hub decided to invest in.
const supported = sql`(
	exists (select 1 from ${agreements} where ${agreements.organisationId} = ${organisations.id} and ${agreements.status} in ('active', 'ended'))
	or exists (select 1 from ${grantAwards} join ${grantApplications} on ${grantApplications.id} = ${grantAwards.applicationId} where ${grantApplications.organisationId} = ${organisations.id})
	or exists (select 1 from ${engagementRequests} where ${engagementRequests.organisationId} = ${organisations.id} and ${engagementRequests.decision} = 'invest')
)`;

/**
 * What the public "Partners and impact" page shows. Totals count every partner, sensitive ones
 * included; the list names only partners that agreed to be listed, have an engagement agreement
 * and are not sensitive; the country breakdown withholds every figure under 5.
 */
export async function getPublicPicture(db: DbOrTx, locale: string) {
	const attendedCountry = sql<string>`coalesce(${organisations.country}, nullif(${eventRegistrations.country}, ''))`;
	const held = and(eq(events.status, 'published'), lte(events.endsAt, sql`now()`));
	const [listed, partnerCounts, grantCounts, money, trainedCounts, trainings, achieved] = await Promise.all([
		db
			.select({ name: organisations.name, reference: organisations.reference, sensitive: organisations.sensitive, country: organisations.country, kind: organisations.kind, website: organisations.website })
			.from(organisations)
			.where(
				and(
					eq(organisations.listedPublicly, true),
					eq(organisations.sensitive, false),
					sql`exists (select 1 from ${agreements} where ${agreements.organisationId} = ${organisations.id} and ${agreements.status} in ('active', 'ended'))`
				)
			)
			.orderBy(asc(organisations.name)),
		db.select({ key: organisations.country, n: sql`count(*)` }).from(organisations).where(supported).groupBy(organisations.country),
		db
			.select({ key: organisations.country, n: sql`count(*)` })
			.from(grantAwards)
			.innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
			.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
			.groupBy(organisations.country),
		db.select({ currency: grantAwards.currency, grants: sql`count(*)`, amount: sql`sum(${grantAwards.amount})` }).from(grantAwards).groupBy(grantAwards.currency).orderBy(desc(sql`sum(${grantAwards.amount})`)),
		db
			.select({ key: attendedCountry, n: sql`count(*)` })
			.from(eventRegistrations)
			.innerJoin(events, eq(events.id, eventRegistrations.eventId))
			.leftJoin(organisations, eq(organisations.id, eventRegistrations.organisationId))
			.where(and(held, eq(eventRegistrations.attended, true)))
			.groupBy(attendedCountry),
		db.select({ n: sql`count(*)` }).from(events).where(held),
		db
			.select({ n: sql`count(*)` })
			.from(
				db
					.selectDistinctOn([outcomeActuals.indicatorId], { indicatorId: outcomeActuals.indicatorId, status: outcomeReviews.status })
					.from(outcomeReviews)
					.innerJoin(outcomeActuals, eq(outcomeActuals.id, outcomeReviews.actualId))
					.innerJoin(outcomeIndicators, eq(outcomeIndicators.id, outcomeActuals.indicatorId))
					.orderBy(outcomeActuals.indicatorId, desc(outcomeReviews.createdAt), desc(outcomeReviews.id))
					.as('latest')
			)
			.where(sql`status = 'achieved'`)
	]);

	const byCountry = new Map<string, Record<CountryFigure, number> & { key: string }>();
	const add = (rows: { key: string | null; n: unknown }[], figure: CountryFigure) => {
		for (const r of rows) {
			if (!r.key) continue;
			const row = byCountry.get(r.key) ?? byCountry.set(r.key, { key: r.key, partners: 0, grants: 0, trained: 0 }).get(r.key)!;
			row[figure] = num(r.n);
		}
	};
	add(partnerCounts, 'partners');
	add(grantCounts, 'grants');
	add(trainedCounts, 'trained');
	const countries: PublishedRow<CountryFigure>[] = suppressSmallCells(
		[...byCountry.values()].sort((a, b) => b.partners - a.partners || a.key.localeCompare(b.key)),
		COUNTRY_FIGURES
	);

	return {
		headline: {
			partners: partnerCounts.reduce((s, r) => s + num(r.n), 0),
			countries: partnerCounts.filter((r) => r.key).length,
			grants: money.reduce((s, r) => s + num(r.grants), 0),
			awarded: money.map((r) => ({ currency: r.currency, amount: num(r.amount) })),
			trainings: num(trainings[0]?.n),
			trained: trainedCounts.reduce((s, r) => s + num(r.n), 0),
			outcomesAchieved: num(achieved[0]?.n)
		},
		// Names go through the labelling rule even though sensitive partners are already left out.
		partners: listed.map((o) => ({ name: outsideLabel(o, locale), country: o.country, kind: o.kind, website: o.website })),
		countries
	};
}
export type PublicPicture = Awaited<ReturnType<typeof getPublicPicture>>;

