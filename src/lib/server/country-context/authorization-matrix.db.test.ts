import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { ANONYMOUS, type Actor } from '../identity/actor.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { deleteCountryImport } from './delete-country-import.ts';
import { importCountryDataset } from './import-country-dataset.ts';
import { listCountryImports } from './list-country-imports.ts';

// Who may do what with country datasets, cell by cell: every staff member reads the list;
// programme officers and admins import and delete; partners, outside reviewers and visitors get
// nothing. The page (/insight/country-context) and the API (`GET`/`POST /api/v1/country-datasets`,
// `DELETE /api/v1/country-datasets/{id}`) call these same use cases.

type Who = 'visitor' | 'partner' | 'external' | 'reviewer' | 'finance' | 'officer' | 'admin';
const VERBS = ['list', 'import', 'delete'] as const;
const O = 'OK', F = 'FORBIDDEN';
const EXPECTED: Record<Who, string[]> = {
	//        list import delete
	visitor:  [F,   F,     F],
	partner:  [F,   F,     F],
	external: [F,   F,     F],
	reviewer: [O,   F,     F],
	finance:  [O,   F,     F],
	officer:  [O,   O,     O],
	admin:    [O,   O,     O]
};

let database: Database;
let officer: Actor;
const actors = {} as Record<Who, Actor>;
const meta = { kind: 'civic_space', source: 'Civic Space Monitor', sourceDate: '2026-03-01', licence: 'CC BY 4.0' };
const file = (n: number) => ({ name: `ratings-${n}.csv`, bytes: new TextEncoder().encode('country,rating,band\nKE,41.5,repressed\n') });

beforeAll(async () => {
	database = await freshDatabase();
	const db = database.db;
	const org = await makeOrganisation(db, { name: 'Observatorio Ciudadano', country: 'PY' });
	actors.visitor = ANONYMOUS;
	actors.partner = await actorFor(db, 'member', [[org.id, 'owner']]);
	actors.external = await actorFor(db, 'external_reviewer');
	actors.reviewer = await actorFor(db, 'reviewer');
	actors.finance = await actorFor(db, 'finance');
	actors.officer = await actorFor(db, 'programme_officer');
	actors.admin = await actorFor(db, 'admin');
	officer = actors.officer;
});
afterAll(async () => {
	await database?.close();
});

async function attempt(who: Who, verb: (typeof VERBS)[number], n: number): Promise<string> {
	const db = database.db;
	const a = actors[who];
	switch (verb) {
		case 'list':
			return outcome(() => listCountryImports(db, a));
		case 'import':
			return outcome(() => importCountryDataset(db, a, meta, file(n)));
		case 'delete': {
			// Each cell deletes an import of its own, which no assessment has seen.
			const own = await importCountryDataset(db, officer, meta, file(n));
			return outcome(() => deleteCountryImport(db, a, own.id));
		}
	}
}

describe('country context authorization matrix', () => {
	let n = 0;
	for (const who of Object.keys(EXPECTED) as Who[])
		it(`${who}: ${VERBS.join(', ')}`, async () => {
			const got: string[] = [];
			for (const verb of VERBS) got.push(await attempt(who, verb, ++n));
			expect(got).toEqual(EXPECTED[who]);
		});
});
