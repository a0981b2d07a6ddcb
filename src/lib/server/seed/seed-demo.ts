import { seedDemoToolkit } from './demo-toolkit.ts';
import { count } from 'drizzle-orm';
import type { Role } from '../../roles.ts';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { agreements, needToKnow, people } from '../directory/schema.ts';
import { users } from '../identity/schema.ts';
import { makeOrganisation, makeUser } from './factories.ts';
import { seedDemoEngagement } from './demo-engagement.ts';
import { seedDemoEvents } from './demo-events.ts';
import { seedDemoGrants } from './demo-grants.ts';
import { seedDemoCountryContext } from './demo-country-context.ts';
import { seedDemoInsight } from './demo-insight.ts';
import { seedDemoOutbox } from './demo-outbox.ts';
import { seedDemoNotifications } from './demo-notifications.ts';
import { seedDemoHome } from './demo-home.ts';

/** Every demo account shares this password; the README lists the accounts. */
export const DEMO_PASSWORD = 'support-hub-demo';

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; locale: string; timeZone: string }[] = [
	{ email: 'admin@demo.supporthub.org', name: 'Amara Admin', role: 'admin', locale: 'en', timeZone: 'Europe/London' },
	{ email: 'officer@demo.supporthub.org', name: 'Olivia Officer', role: 'programme_officer', locale: 'en', timeZone: 'America/New_York' },
	// A second officer, so that a safety plan one officer writes can be approved by another.
	{ email: 'officer2@demo.supporthub.org', name: 'Omar Officer', role: 'programme_officer', locale: 'fr', timeZone: 'Africa/Tunis' },
	{ email: 'reviewer@demo.supporthub.org', name: 'Rafael Reviewer', role: 'reviewer', locale: 'es', timeZone: 'America/Bogota' },
	{ email: 'external@demo.supporthub.org', name: 'Esther External', role: 'external_reviewer', locale: 'en', timeZone: 'Africa/Nairobi' },
	{ email: 'finance@demo.supporthub.org', name: 'Farid Finance', role: 'finance', locale: 'fr', timeZone: 'Europe/Paris' },
	{ email: 'partner@demo.supporthub.org', name: 'Paula Partner', role: 'member', locale: 'es', timeZone: 'America/Mexico_City' },
	{ email: 'member@demo.supporthub.org', name: 'Moussa Member', role: 'member', locale: 'fr', timeZone: 'Africa/Dakar' }
];

type DemoOrg = Parameters<typeof makeOrganisation>[1] & { name: string };

// Several partners agreed to be listed publicly; the sensitive one and the one without an
// agreement show that agreeing is not enough to appear on /partners.
const ORGS: DemoOrg[] = [
	{ name: 'Transparencia Ciudadana', listedPublicly: true, kind: 'civil_society', country: 'MX', region: 'latin_america_caribbean', languages: ['es', 'en'], website: 'https://transparencia.example.org', description: 'Organización que vigila las compras públicas municipales y publica alertas sobre contratos de obra.' },
	{ name: 'Observatoire des Marchés Publics', listedPublicly: true, kind: 'civil_society', country: 'SN', region: 'africa', languages: ['fr'], website: 'https://observatoire.example.org', description: 'Suivi citoyen des marchés publics de santé et formation des journalistes à l’analyse des contrats.' },
	{ name: 'Public Procurement Authority', listedPublicly: true, kind: 'government', country: 'GH', region: 'africa', languages: ['en'], website: 'https://ppa.example.gov', description: 'National regulator moving e-procurement data to an open standard and publishing award notices.' },
	{ name: 'Kyiv Open Data Lab', listedPublicly: true, kind: 'academia', country: 'UA', region: 'europe_central_asia', languages: ['uk', 'en'], description: 'University lab that builds tools to analyse procurement data and trains civil servants.' },
	{ name: 'Contracting Monitor Colombia', kind: 'media', country: 'CO', region: 'latin_america_caribbean', languages: ['es'], description: 'Periodistas de datos que investigan la contratación en salud y la infraestructura regional.' },
	{ name: 'Nairobi County Procurement Office', kind: 'government', country: 'KE', region: 'africa', languages: ['en', 'sw'], description: 'County team piloting open contracting for road maintenance and health supplies.' },
	{ name: 'Fair Bids Business Coalition', listedPublicly: true, kind: 'business', country: 'PH', region: 'asia_pacific', languages: ['en', 'tl'], description: 'Small and medium suppliers asking for simpler tenders and timely payment.' },
	{ name: 'Regional Development Bank', kind: 'multilateral', country: 'CI', region: 'africa', languages: ['fr', 'en'], description: 'Finances public works and asks borrowers to publish contract data.' },
	{ name: 'Paraguay Compras Abiertas', listedPublicly: true, kind: 'civil_society', country: 'PY', region: 'latin_america_caribbean', languages: ['es'], description: 'Coalición que promueve datos abiertos de contrataciones y monitoreo de medicamentos.' },
	{ name: 'Open Budget Nepal', kind: 'civil_society', country: 'NP', region: 'asia_pacific', languages: ['ne', 'en'], description: 'Follows local government budgets and procurement after federal restructuring.' },
	{ name: 'Ministry of Finance Procurement Unit', kind: 'government', country: 'MD', region: 'europe_central_asia', languages: ['en', 'ru'], description: 'Central purchasing body reforming framework agreements and publishing contract changes.' },
	{ name: 'Civic Voices Network', listedPublicly: true, kind: 'civil_society', country: 'LB', region: 'middle_east_north_africa', languages: ['ar', 'en'], description: 'Works in a closed civic space on the transparency of public contracts.', sensitive: true }
];

export async function seedDemo(db: Db): Promise<void> {
	await db.transaction(async (tx) => {
		const accounts = new Map<string, string>();
		for (const a of DEMO_ACCOUNTS) {
			const u = await makeUser(tx, { ...a, password: DEMO_PASSWORD, verified: true });
			accounts.set(a.email, u.id);
		}
		const officer = accounts.get('officer@demo.supporthub.org')!;
		const actor = { kind: 'user' as const, userId: officer, name: 'Olivia Officer', email: '', role: 'programme_officer' as const, locale: 'en', timeZone: 'UTC', memberships: new Map(), via: 'session' as const };
		for (const [i, o] of ORGS.entries()) {
			const members =
				i === 0
					? [{ userId: accounts.get('partner@demo.supporthub.org')!, role: 'owner' as const }]
					: i === 1
						? [{ userId: accounts.get('member@demo.supporthub.org')!, role: 'owner' as const }]
						: [];

			const org = await makeOrganisation(tx, { ...o, members, createdBy: officer });
			await recordActivity(tx, actor, { subjectType: 'organisation', subjectId: org.id, organisationId: org.id, action: 'created' });
			await tx.insert(people).values([
				{ organisationId: org.id, name: `${o.name.split(' ')[0]} Director`, role: 'Director', email: `director${i}@partner.example.org` },
				{ organisationId: org.id, name: `${o.name.split(' ')[0]} Campaign lead`, role: 'Campaign manager', email: `campaigns${i}@partner.example.org` }
			]);
			if (o.sensitive) {
				// The sensitive partner's need-to-know list names one reviewer (Rafael); the other
				// reviewers and finance see only its neutral reference.
				const reviewer = accounts.get('reviewer@demo.supporthub.org')!;
				await tx.insert(needToKnow).values({ organisationId: org.id, userId: reviewer, addedBy: officer });
				await recordActivity(tx, actor, { subjectType: 'organisation', subjectId: org.id, organisationId: org.id, action: 'need_to_know_added', changes: { needToKnow: { from: null, to: reviewer } } });
			}
			if (i < 8) {
				const [ag] = await tx
					.insert(agreements)
					.values({
						organisationId: org.id,
						title: i % 2 ? 'Memorandum of understanding' : 'Joint advocacy partnership',
						scopes: i % 2 ? ['learning', 'data_standards'] : ['joint_advocacy', 'capacity_building'],
						startDate: `202${4 + (i % 3)}-0${1 + (i % 9)}-01`,
						endDate: i === 3 ? '2025-06-30' : `2027-12-31`,
						status: i === 5 ? 'draft' : 'active',
						binding: i % 2 === 0,
						notes: '',
						createdBy: officer
					})
					.returning();
				await recordActivity(tx, actor, { subjectType: 'agreement', subjectId: ag.id, organisationId: org.id, action: 'created' });
			}
		}
		await seedDemoEngagement(tx, accounts);
		await seedDemoEvents(tx, actor, officer);
		await seedDemoToolkit(tx, officer);
	});
	await seedDemoGrants(db, DEMO_PASSWORD);
	await seedDemoInsight(db);
	await seedDemoCountryContext(db);
	await seedDemoNotifications(db);
	await seedDemoHome(db);
	await seedDemoOutbox(db);
}

/** Loads demo data only into an empty hub, never over real data. */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
	const [{ n }] = await db.select({ n: count() }).from(users);
	if (n > 0) return false;
	await seedDemo(db);
	return true;
}
