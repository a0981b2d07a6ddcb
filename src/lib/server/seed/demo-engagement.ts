import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/types.ts';
import { organisations } from '../directory/schema.ts';
import { refreshResult } from '../engagement/refresh-result.ts';
import { engagementRequests } from '../engagement/schema.ts';
import { makeAssessments, makeRequest } from './engagement-factories.ts';

const levels = (base: number, over: Record<string, number | null> = {}) => ({
	clear_goal: base, mandate: base, political_buy_in: base, resources: base, skills: base, data_infrastructure: base,
	collaboration: base, opposition: 4 - base, physical_security: base, strategy_learning: base, internal_capacity: base, ...over
});

/**
 * Demo requests in every state, in Spanish, French and English, with one from the sensitive
 * partner, so that the portfolio, the consolidated view and the partner pages show something.
 */
export async function seedDemoEngagement(tx: Tx, accounts: Map<string, string>) {
	const orgs = await tx
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(inArray(organisations.name, ['Transparencia Ciudadana', 'Observatoire des Marchés Publics', 'Public Procurement Authority', 'Civic Voices Network', 'Paraguay Compras Abiertas']));
	const org = (name: string) => orgs.find((o) => o.name === name)!.id;
	const partner = accounts.get('partner@demo.supporthub.org')!;
	const member = accounts.get('member@demo.supporthub.org')!;
	const officer = accounts.get('officer@demo.supporthub.org')!;
	const reviewer = accounts.get('reviewer@demo.supporthub.org')!;
	const external = accounts.get('external@demo.supporthub.org')!;
	const now = Date.now();
	const day = 86_400_000;

	await makeRequest(tx, {
		organisationId: org('Transparencia Ciudadana'), requestedBy: partner, status: 'draft', kinds: ['consultants'], country: 'MX',
		goal: 'Que el municipio publique todos los contratos de obra en datos abiertos antes de diciembre de 2027, con la contraloría como responsable.',
		problem: 'Las obras públicas se adjudican sin competencia y sin registro público.'
	});
	const inAssessment = await makeRequest(tx, {
		organisationId: org('Observatoire des Marchés Publics'), requestedBy: member, status: 'in_assessment', kinds: ['in_person', 'funding'], country: 'SN',
		goal: 'Publier tous les marchés de santé du Sénégal en données ouvertes d’ici juin 2027, sous la responsabilité de l’autorité de régulation.',
		problem: 'Les prix des médicaments achetés par l’État varient fortement d’une région à l’autre.', submittedAt: new Date(now - 9 * day)
	});
	await finish(tx, inAssessment.id, [
		{ assessorId: reviewer, levels: levels(3, { mandate: 1, resources: null }) },
		{ assessorId: external, levels: levels(3, { mandate: 3 }) }
	]);
	const decided = await makeRequest(tx, {
		organisationId: org('Public Procurement Authority'), status: 'decided', kinds: ['consultants'], country: 'GH',
		goal: 'The authority publishes every award notice in the open data standard by March 2027, owned by its e-procurement unit.',
		submittedAt: new Date(now - 40 * day), decision: 'invest', rationale: 'Strong mandate, data systems already in place, clear owner.',
		decidedBy: officer, decidedAt: new Date(now - 5 * day)
	});
	await finish(tx, decided.id, [{ assessorId: reviewer, levels: levels(4) }, { assessorId: external, levels: levels(3) }]);
	const gated = await makeRequest(tx, {
		organisationId: org('Civic Voices Network'), status: 'in_assessment', kinds: ['funding'], country: 'LB',
		goal: 'Build a protected channel for reporting irregular public contracts by the end of 2027.', submittedAt: new Date(now - 3 * day)
	});
	// The gate is triggered and no safety plan is written yet; the outside reviewer is assigned but
	// has not submitted, so they see neither the result nor the partner's name.
	await finish(tx, gated.id, [
		{ assessorId: reviewer, levels: levels(3, { physical_security: 1, opposition: 4 }) },
		{ assessorId: external, levels: {}, submitted: false }
	]);
	await makeRequest(tx, {
		organisationId: org('Paraguay Compras Abiertas'), status: 'submitted', kinds: ['in_person', 'other'], country: 'PY',
		goal: 'Monitorear las compras de medicamentos con datos abiertos en 2027.', submittedAt: new Date(now - day)
	});
}

async function finish(tx: Tx, requestId: string, assessors: Parameters<typeof makeAssessments>[2]) {
	const set = await makeAssessments(tx, requestId, assessors);
	await tx.update(engagementRequests).set({ criteriaSetId: set.id }).where(eq(engagementRequests.id, requestId));
	await refreshResult(tx, requestId, set.id);
}
