import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { compareCallVersions } from './compare-call-versions.ts';
import { listCallMessages } from './list-call-messages.ts';
import { listCallVersions } from './list-call-versions.ts';
import { listOpenCalls } from './list-open-calls.ts';
import { listRegister } from './list-register.ts';

let database: Database;
beforeAll(async () => {
	database = await freshDatabase();
	await seedDemo(database.db);
});
afterAll(() => database.close());

describe('demo grants', () => {
	it('seeds both programmes as open calls and two awarded grants, the sensitive one anonymised', async () => {
		const calls = await listOpenCalls(database.db, new Date('2026-12-01T00:00:00Z'));
		expect(calls.map((c) => c.call.slug).sort()).toEqual(['accelerator-2027', 'rapid-response']);
		const register = await listRegister(database.db, 'en');
		expect(register).toHaveLength(2);
		expect(register.map((r) => r.recipientName)).toContain('Paraguay Compras Abiertas');
		expect(register.map((r) => r.recipientName).join()).not.toContain('Civic Voices');
	});

	it('shows a mini-grant call edited after its first applications: version 2 published, the applications on version 1', async () => {
		const [mini] = (await listOpenCalls(database.db, new Date('2026-12-01T00:00:00Z'))).filter((c) => c.call.slug === 'rapid-response');
		const officer = await actorFor(database.db, 'programme_officer');
		expect((await listCallVersions(database.db, officer, mini.call.id)).map((v) => [v.number, v.applications])).toEqual([
			[2, 0],
			[1, 3]
		]);
		// Version 2 added help to one question, in each language.
		const { changes } = await compareCallVersions(database.db, officer, mini.call.id, { from: '1', to: '2' });
		expect(changes.map((c) => [c.area, c.item?.id, c.part, c.language])).toEqual([
			['form', 'deliverables', 'help', 'en'],
			['form', 'deliverables', 'help', 'es'],
			['form', 'deliverables', 'help', 'fr']
		]);
		expect(await outcome(() => compareCallVersions(database.db, officer, mini.call.id, { from: '1', to: '9' }))).toBe('NOT_FOUND');
		const member = await actorFor(database.db, 'member');
		expect(await outcome(() => compareCallVersions(database.db, member, mini.call.id, { from: '1', to: '2' }))).toBe('FORBIDDEN');
	});

	it('shows a message the officer sent to the mini-grant’s applicants, gone out to every recipient', async () => {
		const [mini] = (await listOpenCalls(database.db, new Date('2026-12-01T00:00:00Z'))).filter((c) => c.call.slug === 'rapid-response');
		const officer = await actorFor(database.db, 'programme_officer');
		const { messages } = await listCallMessages(database.db, officer, mini.call.id);
		expect(messages).toHaveLength(1);
		expect(messages[0].subject.es).toBe('Su informe final: qué pedimos y para cuándo');
		expect(messages[0].recipients).toBeGreaterThanOrEqual(3);
		expect(messages[0].queued).toBe(messages[0].recipients);
		expect(messages[0].finishedAt).not.toBeNull();
	});
});
