import { eq } from 'drizzle-orm';
import { importCountryDataset } from '../country-context/import-country-dataset.ts';
import type { Db } from '../db/types.ts';
import { loadActor } from '../identity/load-actor.ts';
import { users } from '../identity/schema.ts';

// Made-up figures in the shape of the real datasets: the hub fetches nothing from the internet.
const RATINGS_2025 = ['country,rating,band', 'SN,60,obstructed', 'LB,40,repressed', 'GH,64,narrowed', 'MX,45,repressed', 'PY,56,obstructed', 'KE,42,repressed'].join('\n');
const RATINGS_2026 = ['country,rating,band', 'SN,57,obstructed', 'LB,34,repressed', 'GH,63,narrowed', 'MX,44,repressed', 'PY,55,obstructed', 'KE,41.5,repressed', 'UA,39,repressed'].join('\n');
const PUBLICATIONS = JSON.stringify({
	results: [
		{ country: 'SN', title: 'Autorité de Régulation des Marchés Publics', frequency: 'monthly', last_retrieved: '2026-10-01T03:00:00Z', date_from: '2019-01-01', date_to: '2026-08-31' },
		{ country: 'PY', title: 'Dirección Nacional de Contrataciones Públicas', frequency: 'daily', last_retrieved: '2026-10-02', date_from: '2010-01-01', date_to: '2026-09-30' },
		{ country: 'MX', title: 'Ciudad de México', frequency: 'monthly', last_retrieved: '2026-09-28', date_from: '2019-01-01', date_to: null },
		{ country: 'GH', title: 'Ghana Electronic Procurement System', frequency: 'irregular', last_retrieved: '2026-06-12', date_from: '2021-05-01', date_to: '2025-12-31' }
	]
});

/**
 * Two editions of a civic-space rating (the older is kept; assessors see the newer) and an
 * open-contracting publication snapshot, imported by the programme officer. Lebanon has a rating
 * but no publication, so the assessment page shows both cases.
 */
export async function seedDemoCountryContext(db: Db): Promise<void> {
	const [officer] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'officer@demo.supporthub.org'));
	const actor = await loadActor(db, officer.id, 'session');
	const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
	const licence = 'Demo figures, CC BY 4.0';
	await importCountryDataset(db, actor, { kind: 'civic_space', source: 'Civic Space Monitor 2025 (demo)', sourceDate: '2025-03-01', licence }, file('civic-space-2025.csv', RATINGS_2025));
	await importCountryDataset(db, actor, { kind: 'civic_space', source: 'Civic Space Monitor 2026 (demo)', sourceDate: '2026-03-01', licence }, file('civic-space-2026.csv', RATINGS_2026));
	await importCountryDataset(db, actor, { kind: 'open_contracting', source: 'OCP Data Registry snapshot (demo)', sourceDate: '2026-10-02', licence: 'Registry metadata, CC BY 4.0' }, file('ocp-publications.json', PUBLICATIONS));
}
