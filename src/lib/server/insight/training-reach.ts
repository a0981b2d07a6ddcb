import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
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
 * so joining the two never multiplies rows; the three breakdowns come from one grouped pass.
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
	const format = alias(eventTerms, 'format');
	const level = alias(eventTerms, 'level');
	const formatCode = sql<string>`coalesce(${format.code}, '')`;
	const levelCode = sql<string>`coalesce(${level.code}, '')`;
	const language = sql<string>`coalesce(${events.languages}[1], '')`;
	// The three breakdowns in one pass over the trainings: each grouping set is one of them, and
	// grouping() says which a row belongs to.
	const rows = await db
		.select({
			byFormat: sql<boolean>`grouping(${formatCode}) = 0`,
			byLevel: sql<boolean>`grouping(${levelCode}) = 0`,
			formatCode,
			levelCode,
			language,
			trainings: sql`count(*) filter (where ${held})`,
			registrations: sql`coalesce(sum(${regs.registrations}), 0)`,
			heldPlaces: sql`coalesce(sum(${regs.registrations}) filter (where ${held}), 0)`,
			attended: sql`coalesce(sum(${regs.attended}) filter (where ${held}), 0)`,
			feedback: sql`coalesce(sum(${fb.answers}), 0)`,
			meanRating: sql`sum(${fb.ratings})::float / nullif(sum(${fb.answers}), 0)`,
			formatName: sql<Translated | null>`min(${format.name}::text)::jsonb`,
			levelName: sql<Translated | null>`min(${level.name}::text)::jsonb`
		})
		.from(events)
		.leftJoin(regs, eq(regs.eventId, events.id))
		.leftJoin(fb, eq(fb.eventId, events.id))
		.leftJoin(format, eq(format.id, events.formatId))
		.leftJoin(level, eq(level.id, events.levelId))
		// With a partner filter, a training counts where it reached at least one such partner.
		.where(and(eq(events.status, 'published'), inPeriod(events.startsAt, q), partnerFiltered ? sql`${regs.eventId} is not null` : undefined))
		.groupBy(sql`grouping sets ((${formatCode}), (${levelCode}), (${language}))`)
		.orderBy(formatCode, levelCode, language);
	const formats: Record<string, unknown>[] = [];
	const levels: Record<string, unknown>[] = [];
	const languages: Record<string, unknown>[] = [];
	for (const r of rows) {
		if (r.byFormat) formats.push({ ...r, code: r.formatCode, name: r.formatName });
		else if (r.byLevel) levels.push({ ...r, code: r.levelCode, name: r.levelName });
		else languages.push({ ...r, code: r.language, name: null });
	}
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
