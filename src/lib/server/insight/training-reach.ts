import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { organisations } from '../directory/schema.ts';
import { eventFeedback, eventRegistrations, events, eventTerms, type Translated } from '../events/schema.ts';
import type { InsightQuery } from '../../validation/insight-report.ts';
import { inPeriod, num, numOrNull, partnerFilter } from './report-scope.ts';

export type ReachRow = {
	by: 'format' | 'level' | 'language';
	code: string;
	name: Translated | null;
	trainings: number;
	registrations: number;
	/** Confirmed places at trainings already held: what the attendance rate is a share of. */
	heldPlaces: number;
	attended: number;
	feedback: number;
	meanRating: number | null;
};

/**
 * Training reach by format, level and the training's main language: trainings held, places taken,
 * attendance, and feedback scores. Registrations and feedback are first added up per training,
 * so joining the two never multiplies rows.
 */
export async function trainingReach(db: DbOrTx, q: InsightQuery): Promise<ReachRow[]> {
	const guestCountry = sql`coalesce(${organisations.country}, nullif(${eventRegistrations.country}, ''))`;
	const partnerFiltered = !!(q.region || q.country || q.kind);
	const regs = db
		.select({
			eventId: eventRegistrations.eventId,
			registrations: sql`count(*)`.as('registrations'),
			attended: sql`count(*) filter (where ${eventRegistrations.attended})`.as('attended')
		})
		.from(eventRegistrations)
		.leftJoin(organisations, eq(organisations.id, eventRegistrations.organisationId))
		.where(and(eq(eventRegistrations.status, 'confirmed'), partnerFilter(q, guestCountry)))
		.groupBy(eventRegistrations.eventId)
		.as('regs');
	const fb = db
		.select({ eventId: eventFeedback.eventId, answers: sql`count(*)`.as('answers'), ratings: sql`sum(${eventFeedback.rating})`.as('ratings') })
		.from(eventFeedback)
		.groupBy(eventFeedback.eventId)
		.as('fb');

	const held = sql`${events.endsAt} <= now()`;
	const reach = (code: SQL<string>, by: ReachRow['by'], term: boolean) => {
		const query = db
			.select({
				code,
				trainings: sql`count(*) filter (where ${held})`,
				registrations: sql`coalesce(sum(${regs.registrations}), 0)`,
				heldPlaces: sql`coalesce(sum(${regs.registrations}) filter (where ${held}), 0)`,
				attended: sql`coalesce(sum(${regs.attended}) filter (where ${held}), 0)`,
				feedback: sql`coalesce(sum(${fb.answers}), 0)`,
				meanRating: sql`sum(${fb.ratings})::float / nullif(sum(${fb.answers}), 0)`,
				name: term ? sql<Translated | null>`min(${eventTerms.name}::text)::jsonb` : sql<null>`null`
			})
			.from(events)
			.leftJoin(regs, eq(regs.eventId, events.id))
			.leftJoin(fb, eq(fb.eventId, events.id))
			.$dynamic();
		const joined = by === 'format' ? query.leftJoin(eventTerms, eq(eventTerms.id, events.formatId)) : by === 'level' ? query.leftJoin(eventTerms, eq(eventTerms.id, events.levelId)) : query;
		// With a partner filter, a training counts where it reached at least one such partner.
		return joined
			.where(and(eq(events.status, 'published'), inPeriod(events.startsAt, q), partnerFiltered ? sql`${regs.eventId} is not null` : undefined))
			.groupBy(code)
			.orderBy(code);
	};
	const [formats, levels, languages] = await Promise.all([
		reach(sql<string>`coalesce(${eventTerms.code}, '')`, 'format', true),
		reach(sql<string>`coalesce(${eventTerms.code}, '')`, 'level', true),
		reach(sql<string>`coalesce(${events.languages}[1], '')`, 'language', false)
	]);
	const shape = (by: ReachRow['by']) => (r: Record<string, unknown>): ReachRow => ({
		by,
		code: String(r.code),
		name: (typeof r.name === 'string' ? JSON.parse(r.name) : r.name) as Translated | null,
		trainings: num(r.trainings),
		registrations: num(r.registrations),
		heldPlaces: num(r.heldPlaces),
		attended: num(r.attended),
		feedback: num(r.feedback),
		meanRating: numOrNull(r.meanRating)
	});
	return [...formats.map(shape('format')), ...levels.map(shape('level')), ...languages.map(shape('language'))];
}
