import { and, asc, count, desc, eq, exists, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { isStaff, type Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { eventsQuery } from '../../validation/events.ts';
import { listTerms, pick } from './list-terms.ts';
import { seatsLeft } from './registration-rules.ts';
import { events, eventSummaries, eventTopics } from './schema.ts';
import { dayBounds } from './time.ts';

export const PAGE_SIZE = 20;

/**
 * The public catalogue: published open events (clinics for one organisation never appear),
 * upcoming first, or past ones newest first; filtered by format, level, topic, language, series
 * and dates in the viewer's zone. Counts are numbers only: nobody is named.
 */
export async function listEvents(db: Db, actor: Actor, raw: unknown, opts: { locale: string; timeZone: string; now?: Date }) {
	const q = parseInput(eventsQuery, raw);
	const now = opts.now ?? new Date();
	const terms = await listTerms(db);
	const byCode = (kind: string, code: string) => terms.all.find((t) => t.kind === kind && t.code === code)?.id;
	const where: SQL[] = [inArray(events.status, ['published', 'cancelled']), isNull(events.organisationId)];
	const none = sql`false`;
	if (q.format) where.push(byCode('format', q.format) ? eq(events.formatId, byCode('format', q.format)!) : none);
	if (q.level) where.push(byCode('level', q.level) ? eq(events.levelId, byCode('level', q.level)!) : none);
	if (q.topic) {
		const topicId = byCode('topic', q.topic);
		where.push(topicId ? exists(db.select({ x: sql`1` }).from(eventTopics).where(and(eq(eventTopics.eventId, events.id), eq(eventTopics.topicId, topicId)))) : none);
	}
	if (q.language) where.push(sql`${q.language} = ANY(${events.languages})`);
	if (q.series) where.push(eq(events.seriesId, q.series));
	const from = q.from ? dayBounds(q.from, opts.timeZone)?.from : undefined;
	const to = q.to ? dayBounds(q.to, opts.timeZone)?.to : undefined;
	if (from) where.push(gte(events.startsAt, from));
	if (to) where.push(lt(events.startsAt, to));
	const past = q.past === '1';
	where.push(past ? lt(events.endsAt, now) : gte(events.endsAt, now));
	const condition = and(...where);
	const [{ total }] = await db.select({ total: count() }).from(events).where(condition);
	const rows = await db
		.select()
		.from(events)
		.where(condition)
		.orderBy(past ? desc(events.startsAt) : asc(events.startsAt), asc(events.id))
		.limit(PAGE_SIZE)
		.offset((q.page - 1) * PAGE_SIZE);
	const ids = rows.map((r) => r.id);
	const topicRows = ids.length ? await db.select().from(eventTopics).where(inArray(eventTopics.eventId, ids)) : [];
	const summaries = ids.length
		? await db
				.selectDistinctOn([eventSummaries.eventId], { eventId: eventSummaries.eventId, body: eventSummaries.body })
				.from(eventSummaries)
				.where(and(inArray(eventSummaries.eventId, ids), inArray(eventSummaries.locale, [opts.locale, 'en'])))
				.orderBy(eventSummaries.eventId, sql`(${eventSummaries.locale} = ${opts.locale}) DESC`, desc(eventSummaries.version))
		: [];
	const summaryOf = new Map(summaries.map((s) => [s.eventId, s.body]));
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
			topics: topicRows.filter((t) => t.eventId === e.id).map((t) => name(t.topicId)),
			seatsLeft: seatsLeft(e),
			waitlistEnabled: e.waitlistEnabled,
			summary: summaryOf.get(e.id)?.split('\n')[0]?.slice(0, 280) ?? null
		})),
		filters: {
			formats: terms.formats.map((t) => ({ value: t.code, label: pick(t.name, opts.locale) })),
			levels: terms.levels.map((t) => ({ value: t.code, label: pick(t.name, opts.locale) })),
			topics: terms.topics.map((t) => ({ value: t.code, label: pick(t.name, opts.locale) })),
			series: terms.series.map((s) => ({ value: s.id, label: s.title }))
		}
	};
}
