import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { memberships, organisations } from '../directory/schema.ts';
import { engagementRequests } from '../engagement/schema.ts';
import { grantApplications, grantAwards } from '../grants/schema.ts';
import type { Actor } from '../identity/actor.ts';
import { loadActor } from '../identity/load-actor.ts';
import { users } from '../identity/schema.ts';
import { reportActual } from '../insight/report-actual.ts';
import { reviewActual } from '../insight/review-actual.ts';
import { setIndicator } from '../insight/set-indicator.ts';
import { strategies } from '../toolkit/schema.ts';

/**
 * Outcome indicators on the demo's strategy (Transparencia Ciudadana, Spanish), its invested
 * request (Ghana) and both awarded grants, one of them the sensitive partner's; values reported
 * by the partners and reviewed by the officer, so every status shows somewhere.
 */
export async function seedDemoInsight(db: Db): Promise<void> {
	const byEmail = async (email: string) => loadActor(db, (await db.select().from(users).where(eq(users.email, email)))[0].id, 'session');
	const officer = await byEmail('officer@demo.supporthub.org');
	const memberOf = async (organisationId: string): Promise<Actor> => {
		const [mm] = await db.select().from(memberships).where(eq(memberships.organisationId, organisationId)).limit(1);
		return mm ? loadActor(db, mm.userId, 'session') : officer;
	};
	const track = async (
		type: 'request' | 'grant' | 'strategy',
		subjectId: string,
		organisationId: string,
		indicator: Record<string, string>,
		reading?: { value: string; observedOn: string; source: string; status: string; note: string; links?: string }
	) => {
		const ind = await setIndicator(db, officer, type, subjectId, indicator);
		if (!reading) return;
		const actual = await reportActual(db, await memberOf(organisationId), ind.id, { ...reading, evidenceLinks: reading.links ?? '' });
		await reviewActual(db, officer, actual.id, { status: reading.status, note: reading.note }, '2026-11-01');
	};

	const [plan] = await db
		.select({ id: strategies.id, org: strategies.organisationId })
		.from(strategies)
		.innerJoin(organisations, eq(organisations.id, strategies.organisationId))
		.where(eq(organisations.name, 'Transparencia Ciudadana'))
		.limit(1);
	if (plan) {
		await track('strategy', plan.id, plan.org, { impactArea: 'competition', measure: 'Licitaciones de obra con tres o más ofertas', unit: '%', baseline: '22', target: '45', targetDate: '2027-12-31', evidenceExpected: 'Extracto trimestral del portal de compras municipal' }, { value: '31', observedOn: '2026-09-30', source: 'monitoring_entry', status: 'on_track', note: 'Avance en línea con el plan', links: 'https://transparencia.example.org/datos/2026-t3.csv' });
		await track('strategy', plan.id, plan.org, { impactArea: 'governance_trust', measure: 'Contratos publicados dentro de 30 días', unit: '%', baseline: '10', target: '80', targetDate: '2027-06-30', evidenceExpected: 'Muestra aleatoria de 50 contratos' }, { value: '14', observedOn: '2026-10-15', source: 'check_in', status: 'off_track', note: 'El cabildo aplazó la votación del reglamento' });
	}
	const [invested] = await db.select().from(engagementRequests).where(eq(engagementRequests.decision, 'invest')).limit(1);
	if (invested)
		await track('request', invested.id, invested.organisationId, { impactArea: 'savings', measure: 'Average price paid for standard road works per km', unit: 'USD thousand', baseline: '410', target: '350', targetDate: '2027-12-31', evidenceExpected: 'Award notices published in OCDS' }, { value: '398', observedOn: '2026-10-01', source: 'check_in', status: 'too_early', note: 'First framework contracts only just signed' });

	const awards = await db
		.select({ id: grantAwards.id, org: grantApplications.organisationId, name: organisations.name })
		.from(grantAwards)
		.innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
		.innerJoin(organisations, and(eq(organisations.id, grantApplications.organisationId)));
	for (const a of awards) {
		if (a.name === 'Paraguay Compras Abiertas')
			await track('grant', a.id, a.org, { impactArea: 'service_delivery', measure: 'Hospitales que publican sus compras de medicamentos', unit: '', baseline: '3', target: '12', targetDate: '2026-10-31', evidenceExpected: 'Informe de resultados con enlaces al portal' }, { value: '12', observedOn: '2026-10-20', source: 'check_in', status: 'achieved', note: 'Meta cumplida antes de plazo', links: 'https://compras.example.org/hospitales' });
		else
			await track('grant', a.id, a.org, { impactArea: 'governance_trust', measure: 'Council contracts disclosed under the new rule', unit: 'contracts', baseline: '0', target: '40', targetDate: '2027-03-31', evidenceExpected: 'Council register extract' });
	}
}
