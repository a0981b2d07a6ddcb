import type { DbOrTx } from '../db/types.ts';
import type { ContentLanguage } from '../../toolkit-codes.ts';
import { versionKey } from '../toolkit/resource-versions.ts';
import {
	faqs,
	resources,
	strategies,
	strategyActivities,
	strategyCollaborators,
	strategyStakeholders,
	strategySteps
} from '../toolkit/schema.ts';

// Factories for the toolkit, shared by the tests, the demo and the benchmark. They write rows
// directly to set up a world; the use cases are what the tests then exercise.

let n = 0;

export type StrategyTraits = {
	id?: string;
	organisationId: string;
	title?: string;
	language?: 'en' | 'es' | 'fr';
	createdBy?: string | null;
	editors?: string[];
	viewers?: string[];
	steps?: Partial<Record<1 | 2 | 3 | 4, Record<string, string>>>;
	/** Adds this many generated stakeholders and activities (for the benchmark). */
	stakeholders?: number;
	activities?: number;
};

export async function makeStrategy(db: DbOrTx, t: StrategyTraits) {
	const i = ++n;
	const [s] = await db
		.insert(strategies)
		.values({ ...(t.id ? { id: t.id } : {}), organisationId: t.organisationId, title: t.title ?? `Strategy ${i}`, language: t.language ?? 'en', createdBy: t.createdBy ?? null })
		.returning();
	await db.insert(strategySteps).values(([1, 2, 3, 4] as const).map((step) => ({ strategyId: s.id, step, content: t.steps?.[step] ?? {}, version: t.steps?.[step] ? 1 : 0 })));
	const people = [...(t.editors ?? []).map((u) => ({ userId: u, role: 'editor' as const })), ...(t.viewers ?? []).map((u) => ({ userId: u, role: 'viewer' as const }))];
	if (people.length) await db.insert(strategyCollaborators).values(people.map((p) => ({ ...p, strategyId: s.id })));
	const types = ['government', 'legislature', 'oversight', 'business', 'civil_society', 'media', 'donor'];
	for (let start = 0; start < (t.stakeholders ?? 0); start += 500)
		await db.insert(strategyStakeholders).values(
			Array.from({ length: Math.min(500, (t.stakeholders ?? 0) - start) }, (_, k) => {
				const j = start + k;
				return { strategyId: s.id, name: `Stakeholder ${j + 1}`, type: types[j % types.length], position: (j % 5) - 2, power: (j % 5) + 1, interest: ((j * 3) % 5) + 1, notes: `Notes on stakeholder ${j + 1}`, target: j % 7 === 0, ally: j % 5 === 4 };
			})
		);
	for (let start = 0; start < (t.activities ?? 0); start += 500)
		await db.insert(strategyActivities).values(
			Array.from({ length: Math.min(500, (t.activities ?? 0) - start) }, (_, k) => {
				const j = start + k;
				const month = String((j % 12) + 1).padStart(2, '0');
				return { strategyId: s.id, title: `Activity ${j + 1}`, owner: `Owner ${j % 9}`, startDate: `2027-${month}-01`, dueDate: `2027-${month}-20`, status: ['planned', 'in_progress', 'done'][j % 3], budget: 100 * (j % 20), milestone: j % 25 === 0, deliverable: j % 25 === 0 ? `Deliverable ${j + 1}` : '' };
			})
		);
	return s;
}

/**
 * A library item. `title`, `summary`, `body` and `url` fill the version in `language` (English by
 * default); other versions are set with their own columns (`titleEs`, …).
 */
export type ResourceTraits = Partial<typeof resources.$inferInsert> & { title?: string; summary?: string; body?: string; url?: string; language?: ContentLanguage };
export async function makeResource(db: DbOrTx, t: ResourceTraits = {}) {
	const i = ++n;
	const { title, summary, body, url, language = 'en', ...rest } = t;
	const version = Object.fromEntries(
		Object.entries({ title, summary, body, url })
			.filter(([, v]) => v !== undefined)
			.map(([f, v]) => [versionKey(f as 'title', language), v])
	);
	const untitled = !title && !rest.titleEn && !rest.titleEs && !rest.titleFr;
	const [r] = await db
		.insert(resources)
		.values({ type: 'brief', topics: [], countries: [], ...(untitled ? { [versionKey('title', language)]: `Resource ${i}` } : {}), ...version, ...rest })
		.returning();
	return r;
}

export type FaqTraits = Partial<typeof faqs.$inferInsert>;
export async function makeFaq(db: DbOrTx, t: FaqTraits = {}) {
	const i = ++n;
	const [f] = await db
		.insert(faqs)
		.values({ topic: 'cost', questionEn: `Question ${i}`, questionEs: `Pregunta ${i}`, questionFr: `Question ${i} (fr)`, answerEn: 'Answer', answerEs: 'Respuesta', answerFr: 'Réponse', ...t })
		.returning();
	return f;
}
