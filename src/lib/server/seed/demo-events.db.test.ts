import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { ANONYMOUS } from '../identity/actor.ts';
import { listEvents } from '../events/list-events.ts';
import { publicFeed } from '../events/public-feed.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { seedDemo } from './seed-demo.ts';
import { listOutbox } from '../mail/list-outbox.ts';
import { actorFor } from '../testing/actors.ts';

let database: Database;
beforeAll(async () => {
	database = await freshDatabase();
	await seedDemo(database.db);
});
afterAll(async () => {
	await database?.close();
});

describe('the demo training programme', () => {
	it('shows upcoming sessions in several languages, a community call, and past sessions with summaries', async () => {
		const upcoming = await listEvents(database.db, ANONYMOUS, {}, { locale: 'en', timeZone: 'Europe/Paris' });
		expect(upcoming.items.some((e) => e.communityCall)).toBe(true);
		expect(new Set(upcoming.items.flatMap((e) => e.languages))).toEqual(new Set(['en', 'es', 'fr']));
		expect(upcoming.filters.formats.map((f) => f.value)).toEqual(['open_webinar', 'learning_circle', 'clinic']);
		expect(upcoming.filters.topics).toHaveLength(4);
		const past = await listEvents(database.db, ANONYMOUS, { past: '1' }, { locale: 'es', timeZone: 'UTC' });
		expect(past.items.length).toBe(2);
		expect(past.items.some((e) => e.summary?.startsWith('Los participantes'))).toBe(true);
	});
	it('the clinic for the sensitive partner stays out of the catalogue and the public feed', async () => {
		const all = await listEvents(database.db, ANONYMOUS, {}, { locale: 'en', timeZone: 'UTC' });
		expect(all.items.map((e) => e.title).join()).not.toContain('Clinic');
		const feed = await publicFeed(database.db, { baseURL: 'https://hub.example.org', name: 'Events' });
		expect(feed).not.toContain('Clinic:');
		expect(feed).not.toContain('Civic Voices');
		expect(feed).not.toContain('meet.example.org');
		expect(feed).not.toContain('Lina');
	});

	it('the demo outbox shows a sent message, one waiting for a retry and one given up', async () => {
		const admin = await actorFor(database.db, 'admin');
		const { counts } = await listOutbox(database.db, admin, {});
		expect(counts).toMatchObject({ sent: 1, retrying: 1, given_up: 1 });
		expect(counts.stored).toBeGreaterThan(0);
	});
});
