import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '#lib/server/db/client.ts';
import { activityEvents } from '#lib/server/activity/schema.ts';
import { organisations } from '#lib/server/directory/schema.ts';
import { COUNTRY_CODES } from '#lib/countries.ts';
import { ORGANISATION_KINDS, REGIONS } from '#lib/roles.ts';
import { benchUser, insertBatched, prng, type Credentials } from '../scenario.ts';

export const ORGANISATIONS = 10_000;
export const ACTIVITY_EVENTS = 100_000;

// Words chosen so that the benchmark queries hit a realistic spread of result sizes, and so that
// the per-language stemming in the `search` column (english/spanish/french) has real work to do.
const LANG = {
	en: {
		head: ['Open', 'Civic', 'Public', 'National', 'Regional', 'Citizens', 'Community'],
		topic: ['Procurement', 'Contracting', 'Budget', 'Data', 'Integrity', 'Transparency', 'Infrastructure'],
		tail: ['Network', 'Institute', 'Foundation', 'Alliance', 'Observatory', 'Lab', 'Office', 'Agency', 'Council'],
		sentences: [
			'Monitors public procurement in the {s} sector and publishes open contracting data.',
			'Works with government buyers to improve transparency of tenders and contract awards.',
			'Trains journalists and civil society groups to analyse budgets and spending on {s}.',
			'Builds tools that flag red flags and integrity risks in contracting processes.',
			'Advocates for beneficial ownership disclosure and accountable infrastructure projects.',
			'Supports procurement reform with a focus on {s} and small suppliers.'
		],
		sectors: ['health', 'education', 'roads', 'water', 'energy', 'emergency', 'housing'],
		countries: ['GB', 'US', 'KE', 'NG', 'GH', 'ZA', 'IN', 'PH', 'UG', 'ZM']
	},
	es: {
		head: ['Fundación', 'Observatorio', 'Red', 'Instituto', 'Alianza', 'Agencia', 'Dirección'],
		topic: ['Ciudadana', 'Nacional', 'Regional', 'Pública', 'Abierta'],
		tail: ['de Contratación', 'de Transparencia', 'de Datos Abiertos', 'de Presupuesto', 'de Integridad', 'de Compras Públicas'],
		sentences: [
			'Vigila las contrataciones públicas del sector {s} y publica datos abiertos.',
			'Trabaja con compradores públicos para mejorar la transparencia de licitaciones y adjudicaciones.',
			'Capacita a periodistas y organizaciones ciudadanas para analizar presupuestos de {s}.',
			'Desarrolla herramientas que detectan riesgos de corrupción en las compras públicas.',
			'Promueve la rendición de cuentas en proyectos de infraestructura.'
		],
		sectors: ['salud', 'educación', 'carreteras', 'agua', 'energía', 'vivienda'],
		countries: ['MX', 'CO', 'AR', 'CL', 'PE', 'ES', 'GT', 'HN', 'PY', 'EC']
	},
	fr: {
		head: ['Fondation', 'Observatoire', 'Réseau', 'Institut', 'Alliance', 'Agence', 'Direction'],
		topic: ['Citoyen', 'National', 'Régional', 'Public', 'Ouvert'],
		tail: ['des Marchés Publics', 'des Données Ouvertes', 'des Finances Publiques', 'des Achats Publics', 'pour la Transparence'],
		sentences: [
			'Suit les marchés publics du secteur {s} et publie des données ouvertes.',
			'Accompagne les acheteurs publics pour renforcer la transparence des appels d’offres.',
			'Forme des journalistes et des associations citoyennes à analyser les budgets de {s}.',
			'Développe des outils de détection des risques de corruption dans la commande publique.',
			'Plaide pour la redevabilité des projets d’infrastructure.'
		],
		sectors: ['santé', 'éducation', 'routes', 'eau', 'énergie', 'logement'],
		countries: ['FR', 'SN', 'CI', 'CM', 'BF', 'ML', 'HT', 'MA', 'TN', 'CD']
	}
} as const;

const REGION_OF: Record<string, (typeof REGIONS)[number]> = {
	GB: 'europe_central_asia', ES: 'europe_central_asia', FR: 'europe_central_asia',
	US: 'north_america',
	KE: 'africa', NG: 'africa', GH: 'africa', ZA: 'africa', UG: 'africa', ZM: 'africa',
	SN: 'africa', CI: 'africa', CM: 'africa', BF: 'africa', ML: 'africa', CD: 'africa',
	IN: 'asia_pacific', PH: 'asia_pacific',
	MX: 'latin_america_caribbean', CO: 'latin_america_caribbean', AR: 'latin_america_caribbean',
	CL: 'latin_america_caribbean', PE: 'latin_america_caribbean', GT: 'latin_america_caribbean',
	HN: 'latin_america_caribbean', PY: 'latin_america_caribbean', EC: 'latin_america_caribbean',
	HT: 'latin_america_caribbean',
	MA: 'middle_east_north_africa', TN: 'middle_east_north_africa'
};

export const ACTIONS = ['updated', 'updated', 'updated', 'member_added', 'sensitivity_changed', 'invited', 'document_added'];
const THREE_YEARS = 3 * 365 * 86_400_000;

export function* organisationRows(rnd: () => number, createdBy: string, now: number, count = ORGANISATIONS) {
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
	for (let i = 1; i <= count; i++) {
		const lang = pick(['en', 'en', 'es', 'fr'] as const);
		const w = LANG[lang];
		// Mostly the language's own countries, with some spread over the whole list.
		const local = rnd() < 0.8;
		const country = local ? pick(w.countries) : pick(COUNTRY_CODES);
		const region = local ? REGION_OF[country] : pick(REGIONS);
		const sentences = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () =>
			pick(w.sentences).replace('{s}', pick(w.sectors))
		);
		const createdAt = new Date(now - rnd() * THREE_YEARS);
		yield {
			id: randomUUID(),
			reference: `SH-B${String(i).padStart(5, '0')}`,
			name: `${pick(w.head)} ${pick(w.topic)} ${pick(w.tail)} ${i}`,
			kind: pick(ORGANISATION_KINDS),
			country,
			region,
			languages: rnd() < 0.3 && lang !== 'en' ? [lang, 'en'] : [lang],
			website: rnd() < 0.7 ? `https://example.org/partners/${i}` : null,
			description: sentences.join(' '),
			sensitive: rnd() < 0.02,
			createdBy,
			createdAt,
			updatedAt: new Date(createdAt.getTime() + rnd() * (now - createdAt.getTime()))
		};
	}
}

/**
 * Fills a freshly migrated database: one staff user with an API token and a session, 10,000
 * partners and 100,000 activity events. Ends with VACUUM ANALYZE so the planner has statistics
 * (PGlite has no autovacuum; on PostgreSQL it saves waiting for it).
 */
export async function seedDirectory(database: Database): Promise<Credentials> {
	const { db } = database;
	const rnd = prng(20_240_601);
	const now = Date.now();
	const credentials = await benchUser(database);
	const userId = credentials.userId;

	const orgIds: string[] = [];
	await insertBatched(organisationRows(rnd, userId, now), async (batch) => {
		for (const o of batch) orgIds.push(o.id);
		await db.insert(organisations).values(batch);
	});

	function* events() {
		for (let i = 0; i < ACTIVITY_EVENTS; i++) {
			const organisationId = orgIds[Math.floor(rnd() * orgIds.length)];
			const action = ACTIONS[Math.floor(rnd() * ACTIONS.length)];
			yield {
				actorId: userId,
				subjectType: 'organisation',
				subjectId: organisationId,
				organisationId,
				action,
				changes: action === 'updated' ? { description: { from: 'Earlier text.', to: 'Revised text.' } } : null,
				createdAt: new Date(now - rnd() * THREE_YEARS)
			};
		}
	}
	await insertBatched(events(), (batch) => db.insert(activityEvents).values(batch));

	await db.execute(sql`VACUUM ANALYZE`);
	return credentials;
}
