// The call-builder journey from the issue: an officer builds a third programme entirely through
// pages (two stages, a file field), is told what is wrong beside each input, previews it in
// Spanish and opens it; a partner applies in Spanish; a reviewer scores; the officer's award over
// the call's budget is refused, then one within it is made.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, en, es, expectVisible, minimalPdf, pageMessages, signIn, uniqueWord, useHub, visit } from './helpers.ts';

const hubs = useHub();
const GRANTS_REVIEWER = 'grants-reviewer@demo.supporthub.org';
async function as(email: string): Promise<Page> {
	const page = await hubs.current.newPage();
	await signIn(page, email, DEMO_PASSWORD);
	return page;
}

describe('call builder: a third programme built through pages', () => {
	const word = uniqueWord('');
	const slug = `data-clinic-${word}`;
	let officer: Page;
	let callPath = '';
	let appPath = '';

	/** Fills the three languages of one text; `path` is its name in the definition. */
	async function tri(path: string, texts: [string, string, string]) {
		for (const [i, lang] of ['en', 'es', 'fr'].entries()) await officer.locator(`[name="d.${path}.${lang}"]`).fill(texts[i]);
	}
	const set = (path: string, value: string) => officer.locator(`[name="d.${path}"]`).fill(value);
	const press = (op: string) => arrive(officer, /\/grants\/calls\/new/, () => officer.locator(`button[name=op][value="${op}"]`).click());

	it('an empty call is refused with messages beside the inputs, and nothing is stored', async () => {
		officer = await as(demo('officer'));
		await visit(officer, '/grants/calls/new');
		await arrive(officer, /\/grants\/calls\/new/, () => officer.getByRole('button', { name: en.builder_save }).first().click());
		await expectVisible(officer.locator('#b-title-en-error'));
		await expectVisible(officer.locator('#b-programme-slug-error'));
		await visit(officer, '/grants/calls');
		expect(await officer.getByText(slug).count()).toBe(0);
	}, 180_000);

	it('the officer builds the call: details, screener, a form with a file field, two stages', async () => {
		await visit(officer, '/grants/calls/new');
		await set('programme.slug', `data-clinic-${word}`);
		await tri('programme.name', ['Data-infrastructure clinic grants', 'Subvenciones de clínica de infraestructura de datos', 'Subventions de clinique d’infrastructure de données']);
		await tri('programme.description', ['Support to publish contracting data.', 'Apoyo para publicar datos de contratación.', 'Soutien à la publication des données de la commande publique.']);
		await set('slug', slug);
		await tri('title', [`Data clinic ${word}`, `Clínica de datos ${word}`, `Clinique de données ${word}`]);
		await tri('summary', ['Two stages: a proposal, then a clinic.', 'Dos etapas: una propuesta y luego una clínica.', 'Deux étapes : une proposition, puis une clinique.']);
		await set('budget', '3000');
		await set('maxAward', '5000');
		await tri('screener.questions.0.text', ['Do you publish contracting data?', '¿Publica datos de contratación?', 'Publiez-vous des données de la commande publique ?']);
		await tri('screener.questions.0.failReason', ['The clinic is for publishers.', 'La clínica es para quienes publican datos.', 'La clinique s’adresse aux éditeurs de données.']);

		await set('stages.0.id', 'proposal');
		await tri('stages.0.name', ['Proposal', 'Propuesta', 'Proposition']);
		await set('stages.0.reviewers.count', '1');
		await set('stages.0.rubric.criteria.0.id', 'quality');
		await tri('stages.0.rubric.criteria.0.label', ['Quality', 'Calidad', 'Qualité']);
		await set('stages.0.form.titleField', 'topic');
		await set('stages.0.form.amount.field', 'amount');
		await tri('stages.0.form.sections.0.title', ['The proposal', 'La propuesta', 'La proposition']);
		await set('stages.0.form.sections.0.fields.0.id', 'topic');
		await officer.locator('[name="d.stages.0.form.sections.0.fields.0.required"]').check();
		await tri('stages.0.form.sections.0.fields.0.label', ['Dataset to publish', 'Conjunto de datos a publicar', 'Jeu de données à publier']);

		await press('add:stages.0.form.sections.0.fields');
		await expectVisible(officer.getByText(en.builder_unsaved));
		await set('stages.0.form.sections.0.fields.1.id', 'amount');
		await officer.locator('[name="d.stages.0.form.sections.0.fields.1.type"]').selectOption('money');
		await tri('stages.0.form.sections.0.fields.1.label', ['Amount requested', 'Monto solicitado', 'Montant demandé']);
		await press('add:stages.0.form.sections.0.fields');
		await set('stages.0.form.sections.0.fields.2.id', 'plan_file');
		await officer.locator('[name="d.stages.0.form.sections.0.fields.2.type"]').selectOption('file');
		await tri('stages.0.form.sections.0.fields.2.label', ['Publication plan', 'Plan de publicación', 'Plan de publication']);
		await press('refresh');
		// The money field now shows its limits; a maximum below the minimum is refused beside it.
		await set('stages.0.form.sections.0.fields.1.min', '100');
		await set('stages.0.form.sections.0.fields.1.max', '10');

		await press('add:stages');
		await set('stages.1.id', 'clinic');
		await tri('stages.1.name', ['Clinic', 'Clínica', 'Clinique']);
		await officer.locator('[name="d.stages.1.hasForm"]').uncheck();
		await tri('stages.1.rubric.criteria.0.label', ['Readiness', 'Preparación', 'Préparation']);

		await arrive(officer, /\/grants\/calls\/new/, () => officer.getByRole('button', { name: en.builder_save }).first().click());
		await expectVisible(officer.locator('#b-stages-0-form-sections-0-fields-1-max-error'));
		expect(await officer.locator('#b-stages-0-form-sections-0-fields-1-max-error').textContent()).toContain(en.builder_e_max_below_min);
		await set('stages.0.form.sections.0.fields.1.max', '10000');
		await arrive(officer, /\/grants\/calls\/[0-9a-f-]{36}\?created=1$/, () => officer.getByRole('button', { name: en.builder_save }).first().click());
		callPath = new URL(officer.url()).pathname;
		await expectVisible(officer.getByText(en.builder_created));
	}, 300_000);

	it('the officer previews it in Spanish and opens it', async () => {
		await arrive(officer, /\/preview\?lang=es$/, () => officer.getByRole('link', { name: /Español/ }).click());
		await expectVisible(officer.getByText('¿Publica datos de contratación?'));
		await expectVisible(officer.getByText('Plan de publicación'));
		await expectVisible(officer.getByRole('heading', { name: /: Clínica$/ }));
		await visit(officer, callPath);
		await arrive(officer, callPath, () => officer.getByRole('button', { name: en.builder_t_open }).click());
		await expectVisible(officer.getByText(en.builder_s_open, { exact: true }).first());
	});

	it('a partner applies in Spanish, with the file', async () => {
		const partner = await as(demo('partner'));
		await visit(partner, `/calls/${slug}`);
		const t = await pageMessages(partner);
		expect(t).toBe(es);
		await expectVisible(partner.getByRole('heading', { name: `Clínica de datos ${word}` }));
		await partner.locator('input[name="s.question_1"][value=yes]').check();
		await arrive(partner, `/calls/${slug}`, () => partner.getByRole('button', { name: t.grant_check_eligibility }).click());
		await arrive(partner, /\/grants\/applications\/[^/]+\/edit$/, () => partner.getByRole('button', { name: t.grant_start_application }).click());
		appPath = new URL(partner.url()).pathname.replace(/\/edit$/, '');
		await expectVisible(partner.getByText('Conjunto de datos a publicar'));
		await partner.locator('#f-topic').fill(`Contratos municipales ${word}`);
		await partner.locator('#f-amount').fill('4000');
		await partner.locator('#f-plan_file').setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: minimalPdf('plan') });
		await arrive(partner, `${appPath}/edit`, () => partner.getByRole('button', { name: t.grant_save_draft }).click());
		await arrive(partner, appPath, () => partner.getByRole('button', { name: t.grant_t_submit, exact: true }).click());
		await expectVisible(partner.getByText(t.grant_s_submitted, { exact: true }));
	}, 120_000);

	it('a reviewer scores it on the call’s own rubric', async () => {
		const step = async (transition: string) => {
			await arrive(officer, appPath, () => officer.getByRole('button', { name: en[`grant_t_${transition}` as keyof typeof en], exact: true }).click());
		};
		await visit(officer, appPath);
		await step('start_screening');
		await step('send_to_review');
		await officer.getByLabel(en.grant_assign_reviewer).selectOption({ label: 'Gabriel Reviewer' });
		await arrive(officer, appPath, () => officer.getByRole('button', { name: en.grant_assign, exact: true }).click());

		const reviewer = await as(GRANTS_REVIEWER);
		await visit(reviewer, appPath);
		const t = await pageMessages(reviewer);
		await arrive(reviewer, appPath, () => reviewer.getByRole('button', { name: t.grant_declare_submit }).click());
		await reviewer.locator('#p-quality').fill('4');
		await arrive(reviewer, appPath, () => reviewer.getByRole('button', { name: t.grant_submit_review }).click());
		await expectVisible(reviewer.getByText(t.grant_done_review));

		await visit(officer, appPath);
		await step('to_decision');
	}, 120_000);

	it('an award over the remaining budget is refused; one within it is made and shows on the call', async () => {
		await officer.locator('#amount').fill('4000');
		await arrive(officer, appPath, () => officer.getByRole('button', { name: en.grant_t_award }).last().click());
		await expectVisible(officer.getByText(en.builder_e_over_budget.replace('{remaining}', '3000')).first());
		await officer.locator('#amount').fill('2500');
		await arrive(officer, appPath, () => officer.getByRole('button', { name: en.grant_t_award }).last().click());
		await expectVisible(officer.getByText(en.grant_s_awarded, { exact: true }));
		await visit(officer, callPath);
		await expectVisible(officer.getByText(/500/).first());
	});

	it('editing the open call publishes version 2: the file field is archived, the application stays on version 1', async () => {
		await visit(officer, `${callPath}/edit`);
		await expectVisible(officer.getByText(en.builder_edit_live_note));
		await officer.locator('[name="d.stages.0.form.sections.0.fields.2.archived"]').check();
		await arrive(officer, /\/grants\/calls\/[0-9a-f-]{36}\?saved=1$/, () => officer.getByRole('button', { name: en.builder_save }).first().click());
		await expectVisible(officer.getByText(en.builder_published_version_n.replace('{n}', '2')));
		await expectVisible(officer.getByText(en.builder_a_published).first());
		const versions = officer.getByRole('region', { name: en.builder_versions });
		await expectVisible(versions.getByText(en.builder_version_applications.replace('{count}', '1')));
		await officer.setViewportSize({ width: 375, height: 800 });
		await visit(officer, callPath);
		await officer.setViewportSize({ width: 1280, height: 800 });
		// The application still shows its file under the question it answered.
		await visit(officer, appPath);
		await expectVisible(officer.getByText('Publication plan').first());
	});

	it('partners and reviewers cannot reach the builder', async () => {
		const partner = await as(demo('partner'));
		for (const path of ['/grants/calls', '/grants/calls/new', `${callPath}/edit`, `${callPath}/preview?lang=es`, callPath]) expect((await partner.goto(path))!.status()).toBe(403);
		const reviewer = await as(GRANTS_REVIEWER);
		expect((await reviewer.goto('/grants/calls/new'))!.status()).toBe(403);
		const post = await reviewer.request.post(`${callPath}?/status`, { form: { transition: 'close', version: '2' }, headers: { origin: new URL(reviewer.url()).origin } });
		expect(post.status()).toBe(403);
		const id = callPath.split('/').pop();
		for (const who of [partner, reviewer]) {
			expect((await who.request.get(`/api/v1/calls/${id}`)).status()).toBe(403);
			expect((await who.request.get(`/api/v1/calls/${id}/versions`)).status()).toBe(403);
			expect((await who.request.put(`/api/v1/calls/${id}`, { data: { version: 1, definition: {} }, headers: { origin: new URL(who.url()).origin } })).status()).toBe(403);
			expect((await who.request.post(`/api/v1/calls/${id}/transitions`, { data: { transition: 'close', version: 1 }, headers: { origin: new URL(who.url()).origin } })).status()).toBe(403);
		}
	});
});
