import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFileStore } from '../uploads/db-store.ts';
import { readAll } from '../uploads/file-store.ts';
import { storedFiles } from '../uploads/schema.ts';
import { activityEvents } from '../activity/schema.ts';
import type { Database } from '../db/client.ts';
import type { Actor } from '../identity/actor.ts';
import { loadActor } from '../identity/load-actor.ts';
import { outboxMessages } from '../mail/schema.ts';
import { makeUser } from '../seed/factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { acceptInvitation, previewInvitation } from './accept-invitation.ts';
import { attachDocument } from './attach-document.ts';
import { createAgreement } from './create-agreement.ts';
import { createOrganisation } from './create-organisation.ts';
import { inviteMember } from './invite-member.ts';
import { listAgreements } from './list-agreements.ts';
import { listMembers } from './list-members.ts';
import { COUNT_LIMIT, listOrganisations } from './list-organisations.ts';
import { openDocument } from './open-document.ts';
import { removeMember } from './remove-member.ts';
import { agreementDocuments, organisations } from './schema.ts';
import { setSensitivity } from './set-sensitivity.ts';
import { updateAgreement } from './update-agreement.ts';
import { updateOrganisation } from './update-organisation.ts';

let database: Database;
let officer: Actor;
let partner: Actor;

const org = (name: string, extra: Record<string, unknown> = {}) => ({
	name, kind: 'civil_society', country: 'MX', region: 'latin_america_caribbean', languages: ['es'], description: '', ...extra
});

beforeAll(async () => {
	database = await freshDatabase();
	officer = await actorFor(database.db, 'programme_officer');
	partner = await actorFor(database.db, 'member');
});
afterAll(() => database.close());

describe('organisations', () => {
	it('a partner member who adds their organisation becomes its owner, and the creation is logged', async () => {
		const o = await createOrganisation(database.db, partner, org('Ciudadanía Activa'));
		const fresh = await loadActor(database.db, (partner as { userId: string }).userId, 'session');
		expect(fresh.kind === 'user' && fresh.memberships.get(o.id)).toBe('owner');
		const events = await database.db.select().from(activityEvents).where(eq(activityEvents.organisationId, o.id));
		expect(events.map((e) => e.action).sort()).toEqual(['created', 'member_added']);
		expect(o.reference).toMatch(/^SH-[A-Z2-9]{6}$/);
	});

	it('invalid input is refused per field and nothing is saved', async () => {
		const before = (await database.db.select({ n: count() }).from(organisations))[0].n;
		const err = await createOrganisation(database.db, officer, org('', { country: 'ZZ' })).catch((e) => e);
		expect(err.code).toBe('INVALID_INPUT');
		expect(Object.keys(err.fields).sort()).toEqual(['country', 'name']);
		expect((await database.db.select({ n: count() }).from(organisations))[0].n).toBe(before);
	});

	it('an update records exactly what changed', async () => {
		const o = await createOrganisation(database.db, officer, org('Datos Abiertos MX'));
		await updateOrganisation(database.db, officer, o.id, { name: 'Datos Abiertos México', kind: 'civil_society' });
		const [event] = await database.db
			.select()
			.from(activityEvents)
			.where(eq(activityEvents.subjectId, o.id))
			.orderBy(activityEvents.createdAt)
			.offset(1);
		expect(event.action).toBe('updated');
		expect(event.changes).toEqual({ name: { from: 'Datos Abiertos MX', to: 'Datos Abiertos México' } });
	});

	it('marking a partner sensitive is a logged status change', async () => {
		const o = await createOrganisation(database.db, officer, org('Voces Seguras'));
		await setSensitivity(database.db, officer, o.id, { sensitive: true });
		const events = await database.db.select().from(activityEvents).where(eq(activityEvents.action, 'sensitivity_changed'));
		expect(events.some((e) => e.subjectId === o.id)).toBe(true);
	});
});

describe('directory search', () => {
	beforeAll(async () => {
		await createOrganisation(database.db, officer, org('Observatorio de Compras', { description: 'Vigilamos las contrataciones públicas de los municipios.' }));
		await createOrganisation(database.db, officer, org('Road Builders Watch', { kind: 'media', country: 'KE', region: 'africa', languages: ['en'], description: 'Journalists investigating procurement of roads.' }));
		await createOrganisation(database.db, officer, org('Marchés Ouverts', { kind: 'academia', country: 'SN', region: 'africa', languages: ['fr'], description: 'Analyse des marchés publics et des contrats.' }));
	});
	const names = async (q: Record<string, unknown>, locale = 'en') =>
		(await listOrganisations(database.db, officer, q, locale)).items.map((o) => o.name);

	it('finds a word by its English stem ("procure" finds "procurement")', async () => {
		expect(await names({ q: 'procured' })).toContain('Road Builders Watch');
	});
	it('matches Spanish descriptions by Spanish stem for a Spanish reader', async () => {
		expect(await names({ q: 'contratación' }, 'es')).toContain('Observatorio de Compras');
	});
	it('matches the start of a word while typing', async () => {
		expect(await names({ q: 'observ' })).toContain('Observatorio de Compras');
	});
	it('filters by kind, country and region together with the search', async () => {
		expect(await names({ kind: 'academia', region: 'africa' })).toEqual(['Marchés Ouverts']);
		expect(await names({ country: 'KE' })).toEqual(['Road Builders Watch']);
	});
	it('pages and sorts: page size, total and order are kept', async () => {
		const page1 = await listOrganisations(database.db, officer, { sort: 'name', pageSize: 2 });
		const page2 = await listOrganisations(database.db, officer, { sort: 'name', pageSize: 2, page: 2 });
		expect(page1.items).toHaveLength(2);
		expect(page1.total).toBeGreaterThanOrEqual(5);
		const all = [...page1.items, ...page2.items].map((o) => o.name);
		expect(all).toEqual([...all].sort((a, b) => a.localeCompare(b)));
		expect(new Set(all).size).toBe(4);
	});
	it('a page past the last shows no rows but still the total', async () => {
		const all = await listOrganisations(database.db, officer, { pageSize: 2 });
		const beyond = await listOrganisations(database.db, officer, { pageSize: 2, page: 500 });
		expect(beyond.items).toEqual([]);
		expect(beyond.total).toBe(all.total);
	});
	it('punctuation and operators in a query do not break the search', async () => {
		expect(await names({ q: "'); drop table organisations; --" })).toEqual([]);
		expect(await names({ q: '!!! & | :*' })).toBeInstanceOf(Array);
	});
	it('matches French descriptions by French stem, and a word begun ("contrat") in every language', async () => {
		expect(await names({ q: 'analyses' }, 'fr')).toEqual(['Marchés Ouverts']);
		expect((await names({ q: 'contrat' })).sort()).toEqual(['Marchés Ouverts', 'Observatorio de Compras']);
	});
	it('two words find only the partners that have both', async () => {
		expect(await names({ q: 'marchés contrats' })).toEqual(['Marchés Ouverts']);
		expect(await names({ q: 'marchés roads' })).toEqual([]);
	});
	it('lists the partners whose name matches first, then those found by their description, each most recently updated first', async () => {
		await createOrganisation(database.db, officer, org('Zulu Lagoon Trust', { description: 'Coastal work.' }));
		const reef = await createOrganisation(database.db, officer, org('Beta Reef', { description: 'Lagoon, lagoon and lagoon again.', languages: ['en'] }));
		await createOrganisation(database.db, officer, org('Alpha Coast', { description: 'Protects the lagoon.', languages: ['en'] }));
		await createOrganisation(database.db, officer, org('Lagoon Watch', { languages: ['en'] }));
		expect(await names({ q: 'lagoon' })).toEqual(['Lagoon Watch', 'Zulu Lagoon Trust', 'Alpha Coast', 'Beta Reef']);
		await updateOrganisation(database.db, officer, reef.id, { description: 'Restores the lagoon.' });
		const order = ['Lagoon Watch', 'Zulu Lagoon Trust', 'Beta Reef', 'Alpha Coast'];
		expect(await names({ q: 'lagoon' })).toEqual(order);
		expect(await names({ q: 'lagoons' })).toEqual(order);
		// A page at a time, across both groups: nothing twice, nothing left out.
		const pages = [];
		for (let page = 1; page <= 4; page++) pages.push(await listOrganisations(database.db, officer, { q: 'lagoon', pageSize: 1, page }));
		expect(pages.map((p) => p.items[0].name)).toEqual(order);
		expect(pages.map((p) => [p.total, p.totalExact])).toEqual([[1, false], [2, false], [3, false], [4, true]]);
		const beyond = await listOrganisations(database.db, officer, { q: 'lagoon', pageSize: 1, page: 9 });
		expect([beyond.items, beyond.total, beyond.totalExact]).toEqual([[], 4, true]);
		expect(await names({ q: 'lagoon', sort: '-name' })).toEqual(['Zulu Lagoon Trust', 'Lagoon Watch', 'Beta Reef', 'Alpha Coast']);
	});
	it('counts up to 1,000 past the page, then says "more than"', async () => {
		const rows = Array.from({ length: COUNT_LIMIT + 10 }, (_, i) => ({ reference: `SH-BULK${String(i).padStart(4, '0')}`, ...org(`Bulk partner ${String(i).padStart(4, '0')}`, { kind: 'business', country: 'BR' }) }));
		await database.db.insert(organisations).values(rows);
		const first = await listOrganisations(database.db, officer, { kind: 'business', pageSize: 10 });
		expect([first.total, first.totalExact, first.items.length]).toEqual([COUNT_LIMIT, false, 10]);
		const far = await listOrganisations(database.db, officer, { kind: 'business', pageSize: 10, page: 3 });
		expect([far.total, far.totalExact]).toEqual([COUNT_LIMIT + 10, true]);
	});
});

describe('membership and invitations', () => {
	it('an owner invites by e-mail; only the invited address can accept, once', async () => {
		const owner = await actorFor(database.db, 'member');
		const o = await createOrganisation(database.db, owner, org('Red Ciudadana'));
		const ownerNow = await loadActor(database.db, (owner as { userId: string }).userId, 'session');
		const { token } = await inviteMember(database.db, ownerNow, o.id, { email: 'Colleague@Example.org' }, { origin: 'http://hub.test', locale: 'es' });
		const [mail] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'colleague@example.org'));
		expect(mail.locale).toBe('es');
		expect(mail.textBody).toContain(`http://hub.test/invitations/${token}`);

		const stranger = await actorFor(database.db, 'member');
		expect(await outcome(() => acceptInvitation(database.db, stranger, token))).toBe('FORBIDDEN');
		const invitee = await makeUser(database.db, { email: 'colleague@example.org' });
		const inviteeActor = await loadActor(database.db, invitee.id, 'session');
		expect(await acceptInvitation(database.db, inviteeActor, token)).toEqual({ organisationId: o.id });
		expect(await outcome(() => acceptInvitation(database.db, inviteeActor, token))).toBe('NOT_FOUND');
		const { members } = await listMembers(database.db, ownerNow, o.id);
		expect(members.map((x) => x.role).sort()).toEqual(['member', 'owner']);
	});

	it('a sensitive partner’s name never appears in its invitation mail', async () => {
		const o = await createOrganisation(database.db, officer, org('Hidden Voices'));
		await setSensitivity(database.db, officer, o.id, { sensitive: true });
		const { token } = await inviteMember(database.db, officer, o.id, { email: 'quiet@example.org' }, { origin: 'http://hub.test', locale: 'en' });
		const [mail] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'quiet@example.org'));
		expect(mail.subject + mail.textBody).not.toContain('Hidden Voices');
		const [row] = await database.db.select().from(organisations).where(eq(organisations.id, o.id));
		expect(mail.subject).toContain(row.reference);
		// The invitation page (anyone holding the link) shows the reference until the invitee accepts.
		const preview = await previewInvitation(database.db, token);
		expect(JSON.stringify(preview)).not.toContain('Hidden Voices');
		expect(preview.organisationName).toContain(row.reference);
	});

	it('the last owner cannot be removed', async () => {
		const owner = await actorFor(database.db, 'member');
		const o = await createOrganisation(database.db, owner, org('Solo Owner Org'));
		expect(await outcome(() => removeMember(database.db, officer, o.id, (owner as { userId: string }).userId))).toBe('CONFLICT');
	});
});

describe('agreements and documents', () => {
	it('an active agreement past its end date is listed as expired', async () => {
		const o = await createOrganisation(database.db, officer, org('Past Partner'));
		await createAgreement(database.db, officer, o.id, { title: 'Old MoU', scopes: ['learning'], startDate: '2020-01-01', endDate: '2021-01-01', status: 'active' });
		const [a] = await listAgreements(database.db, officer, o.id);
		expect(a.displayStatus).toBe('expired');
	});

	it('an update that would end before the start is refused and nothing changes', async () => {
		const o = await createOrganisation(database.db, officer, org('Dates Partner'));
		const a = await createAgreement(database.db, officer, o.id, { title: 'MoU', scopes: ['learning'], startDate: '2026-03-01' });
		const err = await updateAgreement(database.db, officer, a.id, { endDate: '2026-02-01' }).catch((e) => e);
		expect(err.code).toBe('INVALID_INPUT');
		const [after] = await listAgreements(database.db, officer, o.id);
		expect(after.endDate).toBeNull();
	});

	it('a status change is logged as such', async () => {
		const o = await createOrganisation(database.db, officer, org('Status Partner'));
		const a = await createAgreement(database.db, officer, o.id, { title: 'MoU', scopes: ['learning'], startDate: '2026-03-01' });
		await updateAgreement(database.db, officer, a.id, { status: 'active' });
		const events = await database.db.select().from(activityEvents).where(eq(activityEvents.subjectId, a.id));
		expect(events.find((e) => e.action === 'status_changed')?.changes).toEqual({ status: { from: 'draft', to: 'active' } });
	});

	it('documents: a PDF is stored and read back; too large or wrong type is refused with nothing stored', async () => {
		const o = await createOrganisation(database.db, officer, org('Docs Partner'));
		const a = await createAgreement(database.db, officer, o.id, { title: 'MoU', scopes: ['learning'], startDate: '2026-03-01' });
		const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
		const files = databaseFileStore(database.db);
		const before = (await database.db.select().from(storedFiles)).length;
		const opts = { files, maxBytes: 1024 };
		const doc = await attachDocument(database.db, officer, a.id, { name: 'mou.pdf', bytes: pdf }, opts);
		const back = await openDocument(database.db, officer, doc.id, files);
		expect(Buffer.from(await readAll(back.stored)).equals(Buffer.from(pdf))).toBe(true);

		expect(await outcome(() => attachDocument(database.db, officer, a.id, { name: 'big.pdf', bytes: new Uint8Array(2048) }, opts))).toBe('PAYLOAD_TOO_LARGE');
		expect(await outcome(() => attachDocument(database.db, officer, a.id, { name: 'x.pdf', bytes: new Uint8Array([0x4d, 0x5a, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) }, opts))).toBe('UNSUPPORTED_MEDIA_TYPE');
		const docs = await database.db.select().from(agreementDocuments).where(eq(agreementDocuments.agreementId, a.id));
		expect(docs).toHaveLength(1);
		expect(await database.db.select().from(storedFiles)).toHaveLength(before + 1);

		const outsider = await actorFor(database.db, 'member');
		expect(await outcome(() => openDocument(database.db, outsider, doc.id, files))).toBe('NOT_FOUND');
	});
});
