import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { addToNeedToKnow } from '../directory/add-to-need-to-know.ts';
import type { Actor } from '../identity/actor.ts';
import { loadActor } from '../identity/load-actor.ts';
import { makeRequest } from '../seed/engagement-factories.ts';
import { makeEvent } from '../seed/events-factories.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { makeCall } from '../seed/grants-factories.ts';
import { makeAwardedGrant } from '../seed/insight-factories.ts';
import { makeResource } from '../seed/toolkit-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { searchHub } from './search-hub.ts';

let database: Database;
let quiet: { id: string; reference: string };
let loud: { id: string };
let officer: Actor;
let finance: Actor;
let listedFinance: Actor;
let member: Actor;
let external: Actor;

beforeAll(async () => {
	database = await freshDatabase();
	const db = database.db;
	quiet = await makeOrganisation(db, { name: 'Zephyr Whistleblowers', sensitive: true });
	loud = await makeOrganisation(db, { name: 'Zephyr Open Budget Forum' });
	await makeRequest(db, { organisationId: quiet.id, status: 'submitted', goal: 'Protect people who report bid rigging in Ruritania' });
	await makeRequest(db, { organisationId: loud.id, status: 'submitted', goal: 'Publish every road contract of Ruritania' });
	const call = await makeCall(db);
	await makeAwardedGrant(db, { callId: call.id, organisationId: quiet.id, goal: 'Safe reporting channel for procurement fraud' });
	await makeAwardedGrant(db, { callId: call.id, organisationId: loud.id, goal: 'Open budget hearings in every district' });
	await makeEvent(db, { title: 'Zephyr clinic on safe reporting', organisationId: quiet.id, status: 'published' });
	await makeEvent(db, { title: 'Ruritania data clinic for journalists', status: 'published' });
	await makeResource(db, { title: 'Ruritania contracting guide', summary: 'How contracts are published' });
	officer = await actorFor(db, 'programme_officer');
	finance = await actorFor(db, 'finance');
	const listed = await actorFor(db, 'finance');
	await addToNeedToKnow(db, officer, quiet.id, { userId: (listed as { userId: string }).userId });
	listedFinance = await loadActor(db, (listed as { userId: string }).userId, 'session');
	member = await actorFor(db, 'member', [[loud.id, 'owner']]);
	external = await actorFor(db, 'external_reviewer');
});
afterAll(() => database.close());

const search = (actor: Actor, q: string) => searchHub(database.db, actor, { q }, 'en');
const text = (r: unknown) => JSON.stringify(r);

describe('staff search across the hub', () => {
	it('finds partners, requests, applications, events and resources in one go', async () => {
		const r = await search(officer, 'Ruritania');
		expect(r.requests.map((x) => x.partner).sort()).toEqual(['Zephyr Open Budget Forum', 'Zephyr Whistleblowers']);
		expect(r.events.map((e) => e.title)).toEqual(['Ruritania data clinic for journalists']);
		expect(r.resources.map((x) => x.title)).toEqual(['Ruritania contracting guide']);
		const byName = await search(officer, 'zephyr');
		expect(byName.partners.map((p) => p.name).sort()).toEqual(['Zephyr Open Budget Forum', 'Zephyr Whistleblowers']);
		expect(byName.applications).toHaveLength(2);
		expect(byName.events.map((e) => e.title)).toEqual(['Zephyr clinic on safe reporting']);
	});

	it('a sensitive partner is not found by its name by staff off its need-to-know list, nor are its requests, grants or clinics', async () => {
		const r = await search(finance, 'Whistleblowers');
		expect(r).toMatchObject({ partners: [], requests: [], applications: [], events: [] });
		const zephyr = await search(finance, 'Zephyr');
		expect(zephyr.partners.map((p) => p.name)).toEqual(['Zephyr Open Budget Forum']);
		expect(zephyr.events).toEqual([]);
		expect(text(zephyr)).not.toContain('Whistleblowers');
		expect(await search(finance, quiet.reference).then((x) => x.partners)).toEqual([]);
	});

	it('a request of the sensitive partner found by its words is labelled with the neutral reference for staff off the list', async () => {
		const r = await search(finance, 'bid rigging');
		expect(r.requests).toHaveLength(1);
		expect(r.requests[0].partner).toContain(quiet.reference);
		expect(text(r)).not.toContain('Whistleblowers');
	});

	it('staff on the need-to-know list find the sensitive partner by name', async () => {
		const r = await search(listedFinance, 'Whistleblowers');
		expect(r.partners.map((p) => p.name)).toEqual(['Zephyr Whistleblowers']);
		expect(r.requests.map((x) => x.partner)).toEqual(['Zephyr Whistleblowers']);
	});

	it('finance finds awarded grants only; what a role may not open is not found', async () => {
		const r = await search(finance, 'budget hearings');
		expect(r.applications.map((a) => a.title)).toEqual(['Open budget hearings in every district']);
	});

	it('partner members and outside reviewers may not search the hub; a one-letter search is refused', async () => {
		expect(await outcome(() => search(member, 'Zephyr'))).toBe('FORBIDDEN');
		expect(await outcome(() => search(external, 'Zephyr'))).toBe('FORBIDDEN');
		expect(await outcome(() => search(officer, 'z'))).toBe('INVALID_INPUT');
	});

	it('percent and underscore are searched as themselves', async () => {
		const r = await search(officer, '%_');
		expect(r).toMatchObject({ partners: [], requests: [], applications: [], events: [], resources: [] });
	});
});
