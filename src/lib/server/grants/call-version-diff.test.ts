import { describe, expect, it } from 'vitest';
import { diffCallVersions } from './call-version-diff.ts';
import type { CallSnapshot } from './schema.ts';

const yesNo = [
	{ value: 'yes', label: { en: 'Yes', es: 'Sí', fr: 'Oui' } },
	{ value: 'no', label: { en: 'No', es: 'No', fr: 'Non' } }
];
function version(): CallSnapshot {
	return {
		title: { en: 'Rapid response', es: 'Respuesta rápida', fr: 'Réponse rapide' },
		summary: { en: 'Small grants', es: 'Pequeñas subvenciones', fr: 'Petites subventions' },
		rolling: true,
		opensAt: null,
		closesAt: null,
		timeZone: 'UTC',
		currency: 'USD',
		budget: 50000,
		maxAward: 5000,
		languages: ['en', 'es', 'fr'],
		whoMayApply: [],
		reportMonths: [6],
		screener: { questions: [{ id: 'goal', text: { en: 'Is the goal clear?', es: '¿Es claro el objetivo?', fr: 'L’objectif est-il clair ?' }, options: yesNo, qualifying: ['yes'], failReason: { en: 'A clear goal is needed.', es: 'Hace falta un objetivo claro.' } }] },
		stages: [
			{
				id: 'apply',
				name: { en: 'Application', es: 'Solicitud', fr: 'Candidature' },
				reviewers: { roles: ['reviewer'], count: 2 },
				form: {
					titleField: 'goal',
					sections: [
						{
							id: 'campaign',
							title: { en: 'Campaign', es: 'Campaña', fr: 'Campagne' },
							fields: [
								{ id: 'goal', type: 'short_text', required: true, label: { en: 'Campaign goal', es: 'Objetivo', fr: 'Objectif' } },
								{ id: 'reach', type: 'number', label: { en: 'People reached', es: 'Personas', fr: 'Personnes' } },
								{ id: 'budget', type: 'rows', label: { en: 'Budget', es: 'Presupuesto', fr: 'Budget' }, columns: [{ id: 'item', type: 'short_text', label: { en: 'Item', es: 'Concepto', fr: 'Poste' } }] }
							]
						}
					]
				},
				rubric: { criteria: [{ id: 'plan', label: { en: 'Plan', es: 'Plan', fr: 'Plan' }, weight: 1, maxPoints: 5 }] }
			}
		]
	};
}

describe('what changed between two published versions of a call', () => {
	it('two equal versions have no change, whatever the order of their keys', () => {
		// Stored JSON comes back with its keys in another order.
		const reversed = (v: unknown): unknown =>
			Array.isArray(v) ? v.map(reversed) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
		expect(diffCallVersions(version(), reversed(version()) as CallSnapshot)).toEqual([]);
	});

	it('a text changed in one language is shown for that language only, with both words', () => {
		const b = version();
		b.screener.questions[0].failReason = { en: 'A clear goal is needed.', es: 'Se necesita un objetivo claro.' };
		b.title = { ...b.title, fr: 'Réponse rapide 2027' };
		expect(diffCallVersions(version(), b)).toEqual([
			{ area: 'call', change: 'changed', part: 'title', language: 'fr', from: 'Réponse rapide', to: 'Réponse rapide 2027' },
			{ area: 'screener', item: { kind: 'question', id: 'goal', label: b.screener.questions[0].text }, change: 'changed', part: 'failReason', language: 'es', from: 'Hace falta un objetivo claro.', to: 'Se necesita un objetivo claro.' }
		]);
	});

	it('fields added, removed, archived and retyped are each named, with their stage', () => {
		const b = version();
		const fields = b.stages[0].form!.sections[0].fields;
		fields[0].archived = true;
		fields[1].type = 'money';
		fields.push({ id: 'partners', type: 'long_text', label: { en: 'Partners', es: 'Socios', fr: 'Partenaires' } });
		fields.splice(2, 1);
		const changes = diffCallVersions(version(), b).map((c) => [c.area, c.item?.id, c.change, c.from ?? null, c.to ?? null]);
		expect(changes).toEqual([
			['form', 'goal', 'archived', null, null],
			['form', 'reach', 'retyped', 'number', 'money'],
			['form', 'partners', 'added', null, 'long_text'],
			['form', 'budget', 'removed', 'rows', null]
		]);
		expect(diffCallVersions(version(), b)[0].stage).toEqual({ en: 'Application', es: 'Solicitud', fr: 'Candidature' });
	});

	it('a column of repeatable rows is compared like a field, named under its rows', () => {
		const b = version();
		b.stages[0].form!.sections[0].fields[2].columns!.push({ id: 'amount', type: 'money', required: true, label: { en: 'Amount' } });
		expect(diffCallVersions(version(), b)).toMatchObject([{ area: 'form', item: { kind: 'column', id: 'budget.amount' }, change: 'added' }]);
	});

	it('criteria, screener questions and settings: added, removed, weights and limits changed', () => {
		const b = version();
		b.stages[0].rubric!.criteria[0].weight = 2;
		b.stages[0].rubric!.criteria.push({ id: 'value', label: { en: 'Value' }, weight: 1, maxPoints: 5 });
		b.screener.questions.push({ id: 'team', text: { en: 'A team of four?' }, options: yesNo, qualifying: ['yes'], failReason: { en: 'Four people are needed.' } });
		b.stages[0].form!.sections[0].fields[1].max = 1_000_000;
		b.maxAward = 6000;
		const changes = diffCallVersions(version(), b).map((c) => [c.area, c.item?.id ?? null, c.change, c.part ?? null, c.from ?? null, c.to ?? null]);
		expect(changes).toEqual([
			['call', null, 'changed', 'maxAward', 5000, 6000],
			['screener', 'team', 'added', null, null, null],
			['form', 'reach', 'changed', 'max', null, 1_000_000],
			['rubric', 'plan', 'changed', 'weight', 1, 2],
			['rubric', 'value', 'added', null, null, null]
		]);
	});

	it('choice options: new values are one change; relabelled options are shown per language', () => {
		const a = version();
		a.stages[0].form!.sections[0].fields.push({ id: 'kind', type: 'single_choice', label: { en: 'Kind' }, options: yesNo });
		const b = version();
		b.stages[0].form!.sections[0].fields.push({ id: 'kind', type: 'single_choice', label: { en: 'Kind' }, options: [yesNo[0], { value: 'no', label: { en: 'No', es: 'Todavía no', fr: 'Non' } }] });
		expect(diffCallVersions(a, b)).toMatchObject([{ item: { id: 'kind' }, change: 'changed', part: 'options', language: 'es', from: 'Sí; No', to: 'Sí; Todavía no' }]);
	});
});
