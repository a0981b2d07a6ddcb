/**
 * Training and events: the public catalogue over 5,000 sessions (SSR page and JSON API) against
 * the catalogue's own two statements run bare; and a burst of 500 guests registering at once for
 * 100 places, which must end with exactly 100 confirmed and 400 on the waitlist, and no errors.
 */
import { fillPlaceholders, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { catalogueStatements } from '#lib/server/events/list-events.ts';
import { events, eventTopics } from '#lib/server/events/schema.ts';
import { makeEvent, makeTerm } from '#lib/server/seed/events-factories.ts';
import { benchUser, insertBatched, prng, type Scenario } from '../scenario.ts';

const EVENTS = 5_000;
const BURST = 500;
const SEATS = 100;
const ZONES = ['America/New_York', 'Europe/London', 'Europe/Paris', 'America/Bogota', 'Africa/Nairobi', 'Asia/Manila', 'America/Mexico_City', 'Africa/Dakar'];
const LANGUAGES = [['en'], ['es'], ['fr'], ['en', 'es'], ['en', 'fr'], ['en', 'es', 'fr']];
const FILTERS = ['', 'format=learning_circle', 'language=es&level=advanced', 'topic=messaging', 'past=1', 'format=open_webinar&page=3'];

let burstEventId = '';
const qb = new QueryBuilder();

export const eventsScenario: Scenario = {
	name: 'events',
	dataset: { events: EVENTS, burstRegistrations: BURST, burstSeats: SEATS },
	async seed(database) {
		const { db } = database;
		const credentials = await benchUser(database);
		const rnd = prng(20_261_122);
		const pickOf = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
		const formats = [
			await makeTerm(db, { kind: 'format', code: 'open_webinar', name: { en: 'Open webinar', es: 'Seminario web abierto', fr: 'Webinaire ouvert' } }),
			await makeTerm(db, { kind: 'format', code: 'learning_circle', name: { en: 'Learning circle', es: 'Círculo de aprendizaje', fr: 'Cercle d’apprentissage' } }),
			await makeTerm(db, { kind: 'format', code: 'clinic', name: { en: 'Clinic', es: 'Clínica', fr: 'Clinique' } })
		];
		const levels = [await makeTerm(db, { kind: 'level', code: 'foundations' }), await makeTerm(db, { kind: 'level', code: 'advanced' })];
		const topics = await Promise.all(['building_power', 'coalition_building', 'messaging', 'tactical_campaign_planning'].map((code) => makeTerm(db, { kind: 'topic', code })));
		const now = Date.now();
		const rows = Array.from({ length: EVENTS }, (_, i) => {
			const startsAt = new Date(now + Math.round((rnd() * 2 - 1) * 365) * 86_400_000 + Math.floor(rnd() * 24) * 3_600_000);
			const format = pickOf(formats.slice(0, 2));
			return {
				id: crypto.randomUUID(),
				title: `${format.code === 'learning_circle' ? 'Learning circle' : 'Webinar'} ${i}: ${pickOf(['coalitions', 'messages', 'power', 'campaign plans'])}`,
				description: 'A session of the bench catalogue.',
				formatId: format.id,
				levelId: pickOf(levels).id,
				languages: pickOf(LANGUAGES),
				timeZone: pickOf(ZONES),
				startsAt,
				endsAt: new Date(startsAt.getTime() + 90 * 60_000),
				capacity: format.code === 'learning_circle' ? 20 : 500,
				status: 'published' as const
			};
		});
		await insertBatched(rows, (batch) => db.insert(events).values(batch));
		await insertBatched(
			rows.map((r) => ({ eventId: r.id, topicId: pickOf(topics).id })),
			(batch) => db.insert(eventTopics).values(batch).onConflictDoNothing()
		);
		const burst = await makeEvent(db, { title: 'Bench: the busy learning circle', formatId: formats[1].id, capacity: SEATS, waitlistEnabled: true, inHours: 24 * 30 });
		burstEventId = burst.id;
		await db.execute(sql`VACUUM ANALYZE`);
		return credentials;
	},
	baseline: {
		paths: FILTERS.map((f) => `/events?${f}`),
		async handle(query, url) {
			const p = url.searchParams;
			// The app resolves codes against the (small) table of terms first, then runs the two statements.
			const terms = (await query('select id, kind, code from event_terms', [])).rows as { id: string; kind: string; code: string }[];
			const byCode = (kind: string, code: string | null) => (code ? (terms.find((t) => t.kind === kind && t.code === code)?.id ?? null) : undefined);
			const s = catalogueStatements(qb, {
				formatId: byCode('format', p.get('format')),
				levelId: byCode('level', p.get('level')),
				topicId: byCode('topic', p.get('topic')),
				language: p.get('language') ?? '',
				past: p.get('past') === '1',
				now: new Date(),
				page: Number(p.get('page') ?? 1)
			});
			// Built on every request, as the app did before it kept each shape prepared (bench/README.md).
			const rows = s.rows.toSQL();
			const total = s.total.toSQL();
			const [r, t] = await Promise.all([query(rows.sql, fillPlaceholders(rows.params, s.values)), query(total.sql, fillPlaceholders(total.params, s.values))]);
			return { items: r.rows, total: Number(Object.values(t.rows[0])[0]) };
		}
	},
	targets: [
		{ name: 'page', auth: 'none', paths: FILTERS.map((f) => `/events?${f}`) },
		{ name: 'api', auth: 'token', paths: FILTERS.map((f) => `/api/v1/events?${f}`) }
	],
	check(target, body, baseline) {
		const expected = baseline as { total: number; items: { title: string }[] };
		if (target.name === 'api' && JSON.parse(body).total !== expected.total) return `total ${JSON.parse(body).total} ≠ baseline ${expected.total}`;
		if (target.name === 'page' && expected.items[0] && !body.includes(expected.items[0].title)) return `first event "${expected.items[0].title}" not in the HTML`;
		return null;
	},
	clientJsPage: '/events',
	journeyPages: () => ['/events', `/events/${burstEventId}`],
	async burst({ origin, credentials }) {
		const started = performance.now();
		const answers = await Promise.all(
			Array.from({ length: BURST }, (_, i) =>
				fetch(`${origin}/events/${burstEventId}?/register`, {
					method: 'POST',
					redirect: 'manual',
					headers: { origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
					body: new URLSearchParams({ name: `Bench guest ${i}`, email: `bench-guest-${i}@example.org`, consent: 'true' })
				}).then((r) => r.status, (e) => `error ${(e as Error).message}`)
			)
		);
		const seconds = (performance.now() - started) / 1000;
		const problems: string[] = [];
		const notRedirected = answers.filter((s) => s !== 303);
		if (notRedirected.length) problems.push(`${notRedirected.length} registrations did not succeed: ${[...new Set(notRedirected)].join(', ')}`);
		const res = await fetch(`${origin}/api/v1/events/${burstEventId}/registrations`, { headers: { authorization: `Bearer ${credentials.apiToken}` } });
		const body = await res.text();
		if (!res.ok) problems.push(`the registration list could not be read: ${res.status} ${body.slice(0, 200)}`);
		const items: { status: string }[] = res.ok ? JSON.parse(body).items : [];
		const by = (status: string) => items.filter((x) => x.status === status).length;
		const [confirmed, waitlisted] = [by('confirmed'), by('waitlisted')];
		if (confirmed !== SEATS) problems.push(`${confirmed} confirmed, expected exactly ${SEATS}`);
		if (waitlisted !== BURST - SEATS) problems.push(`${waitlisted} waitlisted, expected ${BURST - SEATS}`);
		return {
			lines: [`${BURST} simultaneous registrations for ${SEATS} places in ${seconds.toFixed(1)} s (${Math.round(BURST / seconds)}/s): ${confirmed} confirmed, ${waitlisted} waitlisted, ${notRedirected.length} errors`],
			problems
		};
	}
};
