import { readFileSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents } from '../activity/schema.ts';
import type { Database } from '../db/client.ts';
import { getMyAssessment } from '../engagement/get-assessment.ts';
import { saveAssessment } from '../engagement/save-assessment.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { makeAssessments, makeRequest } from '../seed/engagement-factories.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { countryEvidence, evidenceSeenBy } from './country-evidence.ts';
import { deleteCountryImport } from './delete-country-import.ts';
import { importCountryDataset } from './import-country-dataset.ts';
import { listCountryImports } from './list-country-imports.ts';
import { readDatasetUpload } from './read-dataset-form.ts';
import { countryDatasetImports, countryPublications, countryRatings } from './schema.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url))) });
const ratingsMeta = { kind: 'civic_space', source: 'Civic Space Monitor 2026', sourceDate: '2026-03-01', licence: 'CC BY 4.0, attribution to the monitor' };
const ocpMeta = { kind: 'open_contracting', source: 'OCP Data Registry snapshot', sourceDate: '2026-10-02', licence: 'Registry metadata, CC BY 4.0' };

let database: Database;
let officer: Actor;
let reviewer: Actor;
let partner: Actor;

const imports = async () => (await database.db.select({ n: count() }).from(countryDatasetImports))[0].n;
const refusal = async (fn: () => Promise<unknown>) => {
	try {
		await fn();
	} catch (e) {
		if (e instanceof DomainError) return e;
		throw e;
	}
	throw new Error('expected a refusal');
};

beforeAll(async () => {
	database = await freshDatabase();
	officer = await actorFor(database.db, 'programme_officer');
	reviewer = await actorFor(database.db, 'reviewer');
	const org = await makeOrganisation(database.db, { name: 'Observatorio Ciudadano', kind: 'civil_society', country: 'PY' });
	partner = await actorFor(database.db, 'member', [[org.id, 'member']]);
});
afterAll(() => database.close());

describe('importing country datasets', () => {
	it('an officer imports a rating CSV, stored with its source, date, licence and file, and logged', async () => {
		const row = await importCountryDataset(database.db, officer, ratingsMeta, fixture('civic-space-ratings.csv'));
		expect(row).toMatchObject({ kind: 'civic_space', source: 'Civic Space Monitor 2026', sourceDate: '2026-03-01', fileName: 'civic-space-ratings.csv', rowCount: 11 });
		const stored = await database.db.select().from(countryRatings).where(eq(countryRatings.importId, row.id));
		expect(stored).toHaveLength(11);
		expect(stored.find((r) => r.country === 'KE')).toMatchObject({ rating: 41.5, band: 'repressed' });
		const logged = await database.db.select({ n: count() }).from(activityEvents).where(eq(activityEvents.subjectId, row.id));
		expect(logged[0].n).toBe(1);
	});

	it('an officer imports a publication snapshot in the registry shape', async () => {
		const row = await importCountryDataset(database.db, officer, ocpMeta, fixture('ocp-publications.json'));
		expect(row.rowCount).toBe(6);
		const mx = await database.db.select().from(countryPublications).where(eq(countryPublications.country, 'MX'));
		expect(mx.map((p) => p.title).sort()).toEqual(['CompraNet', 'Mexico City']);
	});

	it('a file with any bad row imports nothing, and says what is wrong on which row', async () => {
		const before = await imports();
		const e = await refusal(() => importCountryDataset(database.db, officer, ratingsMeta, fixture('civic-space-refused.csv')));
		expect(e.code).toBe('INVALID_INPUT');
		expect(e.message).toMatch(/6 problems/);
		expect(e.fields?.file).toEqual([
			expect.stringMatching(/^Row 3: .*XX/),
			expect.stringMatching(/^Row 4: KE is listed twice/),
			expect.stringMatching(/^Row 5: .*0 to 100/),
			expect.stringMatching(/^Row 6: .*formula/),
			expect.stringMatching(/^Row 6: .*0 to 100/),
			expect.stringMatching(/^Row 7: Expected 3 cells/)
		]);
		expect(await imports()).toBe(before);
		const badJson = await refusal(() => importCountryDataset(database.db, officer, ocpMeta, { name: 'x.json', bytes: bytes('[{"country": "ZZ"}]') }));
		expect(badJson.fields?.file?.[0]).toMatch(/^Entry 1: .*ZZ/);
		expect(await imports()).toBe(before);
	});

	it('refuses a file that is too large (413), not UTF-8, missing, or described without source, date or licence', async () => {
		const before = await imports();
		const huge = new Uint8Array(50 * 1024 * 1024).fill(0x41);
		expect((await refusal(() => importCountryDataset(database.db, officer, ratingsMeta, { name: 'big.csv', bytes: huge }))).code).toBe('PAYLOAD_TOO_LARGE');
		expect((await refusal(() => importCountryDataset(database.db, officer, ratingsMeta, { name: 'latin1.csv', bytes: new Uint8Array([0x63, 0xe9, 0xff]) }))).fields?.file).toEqual(['The file is not UTF-8 text.']);
		expect((await refusal(() => importCountryDataset(database.db, officer, ratingsMeta, null))).fields?.file).toBeDefined();
		const noMeta = await refusal(() => importCountryDataset(database.db, officer, { kind: 'civic_space', source: '', sourceDate: '2999-01-01', licence: '' }, fixture('civic-space-ratings.csv')));
		expect(Object.keys(noMeta.fields ?? {}).sort()).toEqual(['licence', 'source', 'sourceDate']);
		expect(noMeta.fields?.sourceDate).toEqual(['The source date cannot be in the future.']);
		expect(await imports()).toBe(before);
	});

	it('only programme officers and admins import; other staff read the list; partners see nothing', async () => {
		expect(await outcome(() => importCountryDataset(database.db, reviewer, ratingsMeta, fixture('civic-space-ratings.csv')))).toBe('FORBIDDEN');
		expect(await outcome(() => importCountryDataset(database.db, partner, ratingsMeta, fixture('civic-space-ratings.csv')))).toBe('FORBIDDEN');
		const seen = await listCountryImports(database.db, reviewer);
		expect(seen.canImport).toBe(false);
		expect(seen.imports.map((i) => i.kind).sort()).toEqual(['civic_space', 'open_contracting']);
		expect(await outcome(() => listCountryImports(database.db, partner))).toBe('FORBIDDEN');
	});
});

describe('country context as assessment evidence', () => {
	it('the newest source date wins per country; an older import still answers for a country the newer one lacks', async () => {
		await importCountryDataset(database.db, officer, { ...ratingsMeta, source: 'Civic Space Monitor 2026 update', sourceDate: '2026-09-01' }, { name: 'update.csv', bytes: bytes('country,rating,band\nKE,38,repressed\n') });
		// Imported later but about an older edition: it does not replace the newer figures.
		await importCountryDataset(database.db, officer, { ...ratingsMeta, source: 'Civic Space Monitor 2024', sourceDate: '2024-03-01' }, { name: 'old.csv', bytes: bytes('country,rating,band\nKE,60,narrowed\nSN,50,obstructed\n') });
		expect((await countryEvidence(database.db, 'KE')).civic_space).toMatchObject({ rating: 38, source: 'Civic Space Monitor 2026 update', sourceDate: '2026-09-01' });
		expect((await countryEvidence(database.db, 'GH')).civic_space).toMatchObject({ rating: 62, source: 'Civic Space Monitor 2026' });
		const none = await countryEvidence(database.db, 'FR');
		expect(none).toEqual({ civic_space: null, open_contracting: null });
		const mx = (await countryEvidence(database.db, 'MX')).open_contracting;
		expect(mx?.publications.map((p) => p.title)).toEqual(['CompraNet', 'Mexico City']);
		expect((await listCountryImports(database.db, officer)).imports).toHaveLength(4);
	});

	it('the assessor sees the evidence beside the criteria, and the saved assessment records which imports it saw', async () => {
		const org = await makeOrganisation(database.db, { name: 'Transparencia Paraguay', country: 'PY' });
		const request = await makeRequest(database.db, { organisationId: org.id, country: 'PY', status: 'in_assessment', submittedAt: new Date() });
		const assessor = await actorFor(database.db, 'reviewer');
		await makeAssessments(database.db, request.id, [{ assessorId: (assessor as { userId: string }).userId, levels: {}, submitted: false }]);
		const view = await getMyAssessment(database.db, assessor, request.id);
		expect(view.evidence.civic_space).toMatchObject({ rating: 55, band: 'obstructed' });
		expect(view.evidence.open_contracting?.publications[0]).toMatchObject({ frequency: 'daily', lastRetrieved: '2026-10-02' });
		await saveAssessment(database.db, assessor, request.id, { scores: { data_infrastructure: { level: 3, note: 'Daily OCDS feed' } } });
		const seen = await evidenceSeenBy(database.db, view.assessment.id);
		expect(seen.map((s) => s.kind).sort()).toEqual(['civic_space', 'open_contracting']);
		expect(seen.map((s) => s.importId).sort()).toEqual([view.evidence.civic_space!.importId, view.evidence.open_contracting!.importId].sort());
		// The level is the assessor's own: evidence never sets it.
		expect((await getMyAssessment(database.db, assessor, request.id)).assessment.scores.physical_security).toBeUndefined();
		seenAssessment = view.assessment.id;
		seenImports = seen.map((s) => s.importId);
	});
});

let seenAssessment = '';
let seenImports: string[] = [];

describe('deleting an import', () => {
	it('an import an assessment saw is refused with a message that says why, and the record stays whole', async () => {
		const [used] = seenImports;
		const e = await refusal(() => deleteCountryImport(database.db, officer, used));
		expect(e.code).toBe('CONFLICT');
		expect(e.message).toMatch(/is kept: assessments recorded it as the evidence they saw \(1\)/);
		expect((await evidenceSeenBy(database.db, seenAssessment)).map((s) => s.importId).sort()).toEqual([...seenImports].sort());
		const listed = (await listCountryImports(database.db, officer)).imports.find((i) => i.id === used);
		expect(listed?.seenBy).toBe(1);
		// The database itself refuses too, should anything skip the use case.
		await expect(database.db.delete(countryDatasetImports).where(eq(countryDatasetImports.id, used))).rejects.toThrow();
	});

	it('an import nobody saw goes with its rows and is logged; the country falls back to the previous import', async () => {
		const wrong = await importCountryDataset(database.db, officer, { ...ratingsMeta, source: 'Wrong edition', sourceDate: '2026-10-01' }, { name: 'wrong.csv', bytes: bytes('country,rating,band\nKE,99,open\n') });
		expect((await countryEvidence(database.db, 'KE')).civic_space).toMatchObject({ rating: 99 });
		expect(await deleteCountryImport(database.db, officer, wrong.id)).toEqual({ id: wrong.id, fileName: 'wrong.csv' });
		expect(await database.db.select().from(countryRatings).where(eq(countryRatings.importId, wrong.id))).toEqual([]);
		expect((await countryEvidence(database.db, 'KE')).civic_space).toMatchObject({ rating: 38, source: 'Civic Space Monitor 2026 update' });
		const logged = await database.db.select({ action: activityEvents.action }).from(activityEvents).where(eq(activityEvents.subjectId, wrong.id));
		expect(logged.map((l) => l.action).sort()).toEqual(['deleted', 'imported']);
		expect(await outcome(() => deleteCountryImport(database.db, officer, wrong.id))).toBe('NOT_FOUND');
		expect(await outcome(() => deleteCountryImport(database.db, officer, 'not-an-id'))).toBe('NOT_FOUND');
	});
});

describe('the API’s upload', () => {
	const form = (body: FormData) => new Request('http://hub.test/api/v1/country-datasets', { method: 'POST', body });

	it('reads the page’s multipart form, and the same row-level messages come back from the use case', async () => {
		const data = new FormData();
		for (const [k, v] of Object.entries(ratingsMeta)) data.set(k, v);
		data.set('file', new File(['country,rating,band\nKE,41,repressed\nXX,40,narrowed\n'], 'api.csv', { type: 'text/csv' }));
		const { values, file } = await readDatasetUpload(form(data));
		expect(values).toEqual(ratingsMeta);
		expect(file?.name).toBe('api.csv');
		const e = await refusal(() => importCountryDataset(database.db, officer, values, file));
		expect(e.fields?.file).toEqual([expect.stringMatching(/^Row 3: .*XX/)]);
	});

	it('refuses a JSON body with 415 and says how to send the file', async () => {
		const json = new Request('http://hub.test/api/v1/country-datasets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ratingsMeta) });
		const e = await refusal(() => readDatasetUpload(json));
		expect(e.code).toBe('UNSUPPORTED_MEDIA_TYPE');
		expect(e.message).toMatch(/multipart\/form-data/);
	});
});
