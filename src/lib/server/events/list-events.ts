import { and, asc, count, desc, eq, exists, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Db } from '../db/types.ts';
import { isStaff, type Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { eventsQuery } from '../../validation/events.ts';
import { catalogueTerms, pick } from './list-terms.ts';
import { seatsLeft } from './registration-rules.ts';
import { events, eventTopics } from './schema.ts';
import { dayBounds } from './time.ts';

export const PAGE_SIZE = 20;
/** The schema's CHECK: a session lasts at most two weeks. */
export const MAX_SESSION_MS = 14 * 86_400_000;

/** What a catalogue entry needs; descriptions and meeting links stay in the table. */
const CATALOGUE_COLUMNS = {
	id: events.id,
	title: events.title,
	startsAt: events.startsAt,
	endsAt: events.endsAt,
	timeZone: events.timeZone,
	languages: events.languages,
	status: events.status,
	communityCall: events.communityCall,
	formatId: events.formatId,
	levelId: events.levelId,
	capacity: events.capacity,
	confirmedCount: events.confirmedCount,
	waitlistEnabled: events.waitlistEnabled
};

export type CatalogueFilter = {
	formatId?: string | null;
	levelId?: string | null;
	topicId?: string | null;
	language?: string;
	seriesId?: string;
	from?: Date;
	to?: Date;
	past: boolean;
	now: Date;
	page: number;
	/** The reader's language, for each entry's summary (English when there is none in it). */
	locale?: string;
};

/** Which filters are set (statements of the same shape differ only in their values), and the values. */
function catalogueValues(f: CatalogueFilter) {
	const shape = [f.formatId, f.levelId, f.topicId].map((v) => (v === undefined ? '_' : v ? 'v' : 'n')).join('') + [f.language, f.seriesId, f.from, f.to, f.past].map((v) => (v ? '1' : '0')).join('');
	const values = {
		now: f.now.toISOString(),
		since: new Date(f.now.getTime() - MAX_SESSION_MS).toISOString(),
		locale: f.locale ?? 'en',
		offset: (f.page - 1) * PAGE_SIZE,
		formatId: f.formatId ?? undefined,
		levelId: f.levelId ?? undefined,
		topicId: f.topicId ?? undefined,
		language: f.language || undefined,
		seriesId: f.seriesId || undefined,
		from: f.from?.toISOString(),
		to: f.to?.toISOString()
	};
	return { shape, values };
}

/**
 * The catalogue's two statements (a page of events and the count) for resolved filters. A code
 * that matches no term is passed as null and matches nothing. The bench runs these bare.
 *
 * Which filters are set decides the statements' text; their values are placeholders, filled from
 * `values` when they run. The app builds each shape once and keeps it prepared (`runCatalogue`).
 */
export function catalogueStatements(qb: Pick<Db, 'select'> | QueryBuilder, f: CatalogueFilter) {
	// Both builders render the same SQL; typed as the database's so that the app can await it.
	const b = qb as Db;
	const where: SQL[] = [inArray(events.status, ['published', 'cancelled']), isNull(events.organisationId)];
	const none = sql`false`;
	if (f.formatId !== undefined) where.push(f.formatId ? eq(events.formatId, sql.placeholder('formatId')) : none);
	if (f.levelId !== undefined) where.push(f.levelId ? eq(events.levelId, sql.placeholder('levelId')) : none);
	if (f.topicId !== undefined)
		where.push(
			f.topicId
				? exists(b.select({ x: sql`1` }).from(eventTopics).where(and(eq(eventTopics.eventId, events.id), eq(eventTopics.topicId, sql.placeholder('topicId')))))
				: none
		);
	if (f.language) where.push(sql`${sql.placeholder('language')} = ANY(${events.languages})`);
	if (f.seriesId) where.push(eq(events.seriesId, sql.placeholder('seriesId')));
	if (f.from) where.push(gte(events.startsAt, sql.placeholder('from')));
	if (f.to) where.push(lt(events.startsAt, sql.placeholder('to')));
	where.push(f.past ? lt(events.endsAt, sql.placeholder('now')) : gte(events.endsAt, sql.placeholder('now')));
	// Implied by the two-week limit on a session's length, and lets the index bound the scan.
	if (!f.past) where.push(gte(events.startsAt, sql.placeholder('since')));
	const condition = and(...where);
	const locale = sql.placeholder('locale');
	return {
		...catalogueValues(f),
		total: b.select({ total: count() }).from(events).where(condition),
		// Each entry's topics and summary come with it (small subqueries on the page's 20 rows) rather
		// than in two more statements after it.
		rows: b
			.select({
				...CATALOGUE_COLUMNS,
				// Written out with table names: in a one-table select the builder leaves columns unqualified.
				topicIds: sql<string[]>`coalesce((select array_agg(t.topic_id::text) from event_topics t where t.event_id = "events"."id"), '{}')`,
				summary: sql<string | null>`(select s.body from event_summaries s where s.event_id = "events"."id" and s.locale in (${locale}, 'en') order by (s.locale = ${locale}) desc, s.version desc limit 1)`
			})
			.from(events)
			.where(condition)
			.orderBy(f.past ? desc(events.startsAt) : asc(events.startsAt), asc(events.id))
			.limit(PAGE_SIZE)
			.offset(sql.placeholder('offset'))
	};
}

/**
 * Building the two statements took about as long as the database took to answer them (0.1–0.3 ms
 * a request): each shape of filters is built once per database and kept prepared, so a request
 * only fills in its values (and PostgreSQL parses each shape once per connection).
 */
const preparedShapes = new WeakMap<Db, Map<string, ReturnType<typeof prepareShape>>>();

function prepareShape(db: Db, s: ReturnType<typeof catalogueStatements>) {
	return { rows: s.rows.prepare(`catalogue_rows_${s.shape}`), total: s.total.prepare(`catalogue_total_${s.shape}`) };
}

async function runCatalogue(db: Db, f: CatalogueFilter) {
	let shapes = preparedShapes.get(db);
	if (!shapes) preparedShapes.set(db, (shapes = new Map()));
	const { shape, values } = catalogueValues(f);
	let prepared = shapes.get(shape);
	if (!prepared) shapes.set(shape, (prepared = prepareShape(db, catalogueStatements(db, f))));
	const [rows, [{ total }]] = await Promise.all([prepared.rows.execute(values), prepared.total.execute(values)]);
	return { rows, total };
}

/**
 * The public catalogue: published open events (clinics for one organisation never appear),
 * upcoming first, or past ones newest first; filtered by format, level, topic, language, series
 * and dates in the viewer's zone. Counts are numbers only: nobody is named.
 */
export async function listEvents(db: Db, actor: Actor, raw: unknown, opts: { locale: string; timeZone: string; now?: Date }) {
	const q = parseInput(eventsQuery, raw);
	const now = opts.now ?? new Date();
	const terms = await catalogueTerms(db);
	const byCode = (kind: string, code: string) => (code ? (terms.all.find((t) => t.kind === kind && t.code === code)?.id ?? null) : undefined);
	const past = q.past === '1';
	const { rows, total } = await runCatalogue(db, {
		formatId: byCode('format', q.format),
		levelId: byCode('level', q.level),
		topicId: byCode('topic', q.topic),
		language: q.language,
		seriesId: q.series,
		from: q.from ? dayBounds(q.from, opts.timeZone)?.from : undefined,
		to: q.to ? dayBounds(q.to, opts.timeZone)?.to : undefined,
		past,
		now,
		page: q.page,
		locale: opts.locale
	});
	const name = (id: string | null) => (id ? pick(terms.all.find((t) => t.id === id)?.name, opts.locale) : '');
	return {
		query: q,
		total,
		page: q.page,
		pageSize: PAGE_SIZE,
		canManage: isStaff(actor),
		items: rows.map((e) => ({
			id: e.id,
			title: e.title,
			startsAt: e.startsAt,
			endsAt: e.endsAt,
			timeZone: e.timeZone,
			languages: e.languages,
			status: e.status,
			communityCall: e.communityCall,
			format: name(e.formatId),
			level: name(e.levelId),
			topics: e.topicIds.map((id) => name(id)),
			seatsLeft: seatsLeft(e),
			waitlistEnabled: e.waitlistEnabled,
			summary: e.summary?.split('\n')[0]?.slice(0, 280) ?? null
		})),
		filters: {
			formats: terms.formats.map((t) => ({ value: t.code, label: pick(t.name, opts.locale) })),
			levels: terms.levels.map((t) => ({ value: t.code, label: pick(t.name, opts.locale) })),
			topics: terms.topics.map((t) => ({ value: t.code, label: pick(t.name, opts.locale) })),
			series: terms.series.map((s) => ({ value: s.id, label: s.title }))
		}
	};
}
