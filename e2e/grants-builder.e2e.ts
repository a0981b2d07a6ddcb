// The programme-builder journey from the issue, on a hub of its own. An officer (working in
// French) builds a third programme entirely through pages: texts in three languages, two stages,
// a file field, a money field giving the amount, a weighted rubric. Bad input is shown beside each
// input and stores nothing; the call lists its missing translations and will not open until they
// are written; the officer previews it in Spanish and opens it. A partner applies in Spanish with a
// file; the officer screens from the staff list in bulk, declines another application there with a
// message, and assigns a reviewer, who scores. The officer's award over the remaining budget is
// refused, one within it is made; the awards leave as XLSX and read back; the reviewer workload
// and the message to applicants are used; an edit publishes version 2; partners and reviewers are
// kept out of the builder and its API.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, es, expectVisible, fmt, fr, minimalPdf, pageMessages, pattern, signIn, useHub, visit } from './helpers.ts';
import { ownHubPage, startOwnHub, stopOwnHub, type OwnHub } from './own-hub.ts';

const hubs = useHub();
let own: OwnHub;
beforeAll(async () => {
	own = await startOwnHub('grants-builder', { STAFF_TWO_FACTOR_ROLES: 'none', SIGN_IN_ATTEMPTS_PER_MINUTE: '1000' });
}, 150_000);
afterAll(() => stopOwnHub(own));

const GRANTS_REVIEWER = 'grants-reviewer@demo.supporthub.org';
const SLUG = 'data-clinic';
const TITLE = 'Data-infrastructure clinic grants';
const TOPIC = 'Contratos municipales abiertos';

async function as(email: string, locale?: 'fr'): Promise<Page> {
	const page = await ownHubPage(hubs.current, own);
	await signIn(page, email, DEMO_PASSWORD);
	// The officer works in French: every message the builder shows must be in the reader's language.
	if (locale) await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: own.url }]);
	return page;
}

describe('programme builder: a third programme built through pages and run to its award', () => {
	const t = fr;
	let officer: Page;
	let callPath = '';
	let callId = '';
	let appPath = '';

	/** Fills the three languages of one text; `path` is its name in the definition. */
	async function tri(path: string, texts: [string, string, string]) {
		for (const [i, lang] of ['en', 'es', 'fr'].entries()) await officer.locator(`[name="d.${path}.${lang}"]`).fill(texts[i]);
	}
	const set = (path: string, value: string) => officer.locator(`[name="d.${path}"]`).fill(value);
	const pick = (path: string, value: string) => officer.locator(`[name="d.${path}"]`).selectOption(value);
	/** Adds, moves or removes an item: the same page comes back with the draft changed (checked by axe when saved). */
	async function press(op: string) {
		const navigated = officer.waitForEvent('framenavigated', { predicate: (f) => f === officer.mainFrame() });
		await officer.locator(`button[name=op][value="${op}"]`).click();
		await navigated;
		await officer.waitForLoadState('load');
	}
	const save = (to: RegExp) => arrive(officer, to, () => officer.getByRole('button', { name: t.builder_save }).first().click());
	const errorOf = (path: string) => officer.locator(`#b-${path.replaceAll('.', '-')}-error`);
	const FIELDS = 'stages.0.form.sections.0.fields';

	it('the officer fills the builder; each bad input is refused beside its field, in French, and nothing is stored', async () => {
		officer = await as(demo('officer'), 'fr');
		await visit(officer, '/grants/calls/new');
		expect(await pageMessages(officer)).toBe(fr);
		await set('programme.slug', SLUG);
		await tri('programme.name', [TITLE, 'Subvenciones de clínica de infraestructura de datos', 'Subventions de clinique d’infrastructure de données']);
		await tri('programme.description', ['Support to publish contracting data.', 'Apoyo para publicar datos de contratación.', 'Soutien à la publication des données de la commande publique.']);
		await set('slug', SLUG);
		await tri('title', [TITLE, 'Subvenciones de clínica de datos', 'Subventions de clinique de données']);
		await tri('summary', ['Two stages: a proposal, then a clinic.', 'Dos etapas: una propuesta y luego una clínica.', 'Deux étapes : une proposition, puis une clinique.']);
		await set('budget', '3000');
		await set('maxAward', '5000');
		await tri('screener.questions.0.text', ['Do you publish contracting data?', '¿Publica datos de contratación?', 'Publiez-vous des données de la commande publique ?']);
		await tri('screener.questions.0.failReason', ['The clinic is for publishers.', 'La clínica es para quienes publican datos.', 'La clinique s’adresse aux éditeurs de données.']);

		await set('stages.0.id', 'proposal');
		await tri('stages.0.name', ['Proposal', 'Propuesta', 'Proposition']);
		await set('stages.0.reviewers.count', '1');
		await set('stages.0.rubric.criteria.0.id', 'quality');
		await set('stages.0.rubric.criteria.0.weight', '0');
		await tri('stages.0.rubric.criteria.0.label', ['Quality', 'Calidad', 'Qualité']);
		await set('stages.0.form.titleField', 'topic');
		await set('stages.0.form.amount.field', 'amount');
		await tri('stages.0.form.sections.0.title', ['The proposal', 'La propuesta', 'La proposition']);
		await set(`${FIELDS}.0.id`, 'topic');
		await officer.locator(`[name="d.${FIELDS}.0.required"]`).check();
		await tri(`${FIELDS}.0.label`, ['Dataset to publish', 'Conjunto de datos a publicar', 'Jeu de données à publier']);

		await press('add:stages.0.rubric.criteria');
		await expectVisible(officer.getByText(t.builder_unsaved));
		await set('stages.0.rubric.criteria.1.id', 'feasibility');
		await set('stages.0.rubric.criteria.1.weight', '1');
		await tri('stages.0.rubric.criteria.1.label', ['Feasibility', 'Viabilidad', 'Faisabilité']);
		for (let i = 1; i <= 3; i++) await press(`add:${FIELDS}`);
		await set(`${FIELDS}.1.id`, 'amount');
		await pick(`${FIELDS}.1.type`, 'money');
		await tri(`${FIELDS}.1.label`, ['Amount requested', 'Monto solicitado', 'Montant demandé']);
		await set(`${FIELDS}.2.id`, 'plan_file');
		await pick(`${FIELDS}.2.type`, 'file');
		await officer.locator(`[name="d.${FIELDS}.2.required"]`).check();
		// The Spanish label of the file field is left for later: the call will list it as missing.
		await officer.locator(`[name="d.${FIELDS}.2.label.en"]`).fill('Publication plan');
		await officer.locator(`[name="d.${FIELDS}.2.label.fr"]`).fill('Plan de publication');
		// A choice without options that reuses an id already taken.
		await set(`${FIELDS}.3.id`, 'topic');
		await pick(`${FIELDS}.3.type`, 'single_choice');
		await tri(`${FIELDS}.3.label`, ['Data standard', 'Estándar de datos', 'Norme de données']);
		await press('refresh');
		// The money field now shows its limits: a maximum below the minimum.
		await set(`${FIELDS}.1.min`, '100');
		await set(`${FIELDS}.1.max`, '10');
		await officer.locator(`[name="d.${FIELDS}.3.options"]`).fill('');

		// A second stage that expects reviews, with neither a form nor a rubric to judge.
		await press('add:stages');
		await set('stages.1.id', 'clinic');
		await tri('stages.1.name', ['Clinic', 'Clínica', 'Clinique']);
		await officer.locator('[name="d.stages.1.hasForm"]').uncheck();
		await press('remove:stages.1.rubric.criteria.0');
		// A third stage whose form has lost its only section.
		await press('add:stages');
		await set('stages.2.id', 'follow_up');
		await press('remove:stages.2.form.sections.0');
		// Dates that close before they open, and an oversize French title (past what the input allows).
		await officer.locator('[name="d.rolling"]').uncheck();
		await set('opensAt', '2027-03-01T09:00');
		await set('closesAt', '2027-02-01T09:00');
		await officer.locator('[name="d.title.fr"]').evaluate((el) => el.removeAttribute('maxlength'));
		await set('title.fr', 'x'.repeat(2001));

		await save(/^\/grants\/calls\/new/);
		const beside: [string, string][] = [
			['stages.0.rubric.criteria.0.weight', fmt(t.v_number_above, { min: '0' })],
			[`${FIELDS}.1.max`, t.builder_e_max_below_min],
			[`${FIELDS}.3.options`, t.builder_e_choice_needs_options],
			[`${FIELDS}.3.id`, t.builder_e_duplicate_id],
			['stages.1.hasForm', t.builder_e_reviews_need_form],
			['closesAt', t.builder_e_close_before_open],
			['title.fr', fmt(t.v_too_long, { max: '2000' })],
			['stages.2.form.sections', t.builder_e_form_needs_section]
		];
		for (const [path, message] of beside) {
			await expectVisible(errorOf(path), `the message beside ${path}`);
			expect(await errorOf(path).textContent(), path).toContain(message);
		}
		// Nothing of it was stored: the list of calls does not know it.
		expect(await (await officer.request.get('/grants/calls')).text()).not.toContain(TITLE);
	}, 240_000);

	it('corrected, the call is saved as a draft that lists its missing Spanish text and refuses to open', async () => {
		await press('remove:stages.2');
		await set('stages.0.rubric.criteria.0.weight', '2');
		await set(`${FIELDS}.1.max`, '10000');
		await press(`remove:${FIELDS}.3`);
		await press('add:stages.1.rubric.criteria');
		await set('stages.1.rubric.criteria.0.id', 'readiness');
		await tri('stages.1.rubric.criteria.0.label', ['Readiness', 'Preparación', 'Préparation']);
		await officer.locator('[name="d.rolling"]').check();
		await set('title.fr', 'Subventions de clinique de données');
		await save(/^\/grants\/calls\/[0-9a-f-]{36}\?created=1$/);
		callPath = new URL(officer.url()).pathname;
		callId = callPath.split('/').pop()!;
		await expectVisible(officer.getByText(t.builder_created));
		await expectVisible(officer.getByText(fmt(t.builder_missing_title, { count: '1' })));
		await expectVisible(officer.getByText(`${FIELDS}.2.label`));
		await arrive(officer, callPath, () => officer.getByRole('button', { name: t.builder_t_open }).click());
		await expectVisible(officer.getByText(fmt(t.builder_e_missing_texts, { count: '1' })));
		await expectVisible(officer.getByText(t.builder_s_draft, { exact: true }).first());
	}, 120_000);

	it('the missing text written, the officer previews the call in Spanish and opens it', async () => {
		await visit(officer, `${callPath}/edit`);
		await officer.locator(`[name="d.${FIELDS}.2.label.es"]`).fill('Plan de publicación');
		await arrive(officer, /\/grants\/calls\/[0-9a-f-]{36}\?saved=1$/, () => officer.getByRole('button', { name: t.builder_save }).first().click());
		expect(await officer.getByText(fmt(t.builder_missing_title, { count: '1' })).count()).toBe(0);
		await arrive(officer, /\/preview\?lang=es$/, () => officer.locator(`a[href="${callPath}/preview?lang=es"]`).click());
		await expectVisible(officer.getByText('¿Publica datos de contratación?'));
		await expectVisible(officer.getByText('Plan de publicación'));
		await expectVisible(officer.getByText('Monto solicitado'));
		await expectVisible(officer.getByRole('heading', { name: /: Clínica$/ }));
		await visit(officer, callPath);
		await arrive(officer, callPath, () => officer.getByRole('button', { name: t.builder_t_open }).click());
		await expectVisible(officer.getByText(t.builder_s_open, { exact: true }).first());
	}, 120_000);

	it('a partner applies in Spanish, with the file and the amount', async () => {
		const partner = await as(demo('partner'));
		await visit(partner, `/calls/${SLUG}`);
		const p = await pageMessages(partner);
		expect(p).toBe(es);
		await expectVisible(partner.getByRole('heading', { name: 'Subvenciones de clínica de datos' }));
		await partner.locator('input[name="s.question_1"][value=yes]').check();
		await arrive(partner, `/calls/${SLUG}`, () => partner.getByRole('button', { name: p.grant_check_eligibility }).click());
		await arrive(partner, /\/grants\/applications\/[^/]+\/edit$/, () => partner.getByRole('button', { name: p.grant_start_application }).click());
		appPath = new URL(partner.url()).pathname.replace(/\/edit$/, '');
		await expectVisible(partner.getByText('Conjunto de datos a publicar'));
		await partner.locator('#f-topic').fill(TOPIC);
		await partner.locator('#f-amount').fill('4000');
		await partner.locator('#f-plan_file').setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: minimalPdf('plan') });
		await arrive(partner, `${appPath}/edit`, () => partner.getByRole('button', { name: p.grant_save_draft }).click());
		await arrive(partner, appPath, () => partner.getByRole('button', { name: p.grant_t_submit, exact: true }).click());
		await expectVisible(partner.getByText(p.grant_s_submitted, { exact: true }));
		await partner.context().close();
	}, 120_000);

	it('the API keeps the builder’s rules: a definition that drops an answered field is refused, with the documented error', async () => {
		const read = await (await officer.request.get(`/api/v1/calls/${callId}`)).json();
		const definition = structuredClone(read.definition);
		definition.stages[0].form.sections[0].fields = definition.stages[0].form.sections[0].fields.filter((f: { id: string }) => f.id !== 'plan_file');
		const res = await officer.request.post('/api/v1/calls', { data: definition, headers: { origin: own.url } });
		expect(res.status()).toBe(400);
		const body = await res.json();
		expect(body.error.code).toBe('INVALID_INPUT');
		expect(Object.keys(body.error.fields)).toEqual(['_fields.plan_file']);
		expect((await (await officer.request.get(`/api/v1/calls/${callId}`)).json()).version).toBe(read.version);
	});

	it('from the staff list the officer screens in bulk and declines another application with a message', async () => {
		await visit(officer, '/grants?status=submitted');
		const tick = (title: string) => officer.getByRole('checkbox', { name: fmt(t.vol_bulk_select_row, { title }) });
		const other = 'Ward offices publish procurement plans by March';
		await tick(TOPIC).check();
		await tick(other).check();
		await officer.locator('#bulk-action').selectOption('start_screening');
		await arrive(officer, '/grants', () => officer.getByRole('button', { name: t.vol_bulk_apply }).click());
		await expectVisible(officer.getByText(fmt(t.vol_bulk_done, { action: t.grant_t_start_screening, count: '2' })));

		await visit(officer, '/grants?status=screening');
		await tick(other).check();
		await officer.locator('#bulk-action').selectOption('decline');
		await arrive(officer, '/grants', () => officer.getByRole('button', { name: t.vol_bulk_apply }).click());
		await expectVisible(officer.locator('#bulk-message-e').getByText(t.vol_e_decline_message));
		await officer.locator('#bulk-message').fill('The plans are not yet ready for a clinic.');
		await arrive(officer, '/grants', () => officer.getByRole('button', { name: t.vol_bulk_apply }).click());
		await expectVisible(officer.getByText(fmt(t.vol_bulk_done, { action: t.grant_t_decline, count: '1' })));
	}, 120_000);

	it('the officer assigns a reviewer, who scores on the call’s weighted rubric; the workload page counts it', async () => {
		await visit(officer, appPath);
		await arrive(officer, appPath, () => officer.getByRole('button', { name: t.grant_t_send_to_review, exact: true }).click());
		await officer.getByLabel(t.grant_assign_reviewer).selectOption({ label: 'Gabriel Reviewer' });
		await arrive(officer, appPath, () => officer.getByRole('button', { name: t.grant_assign, exact: true }).click());

		const reviewer = await as(GRANTS_REVIEWER);
		await visit(reviewer, appPath);
		const r = await pageMessages(reviewer);
		await arrive(reviewer, appPath, () => reviewer.getByRole('button', { name: r.grant_declare_submit }).click());
		await reviewer.locator('#p-quality').fill('4');
		await reviewer.locator('#p-feasibility').fill('3');
		await arrive(reviewer, appPath, () => reviewer.getByRole('button', { name: r.grant_submit_review }).click());
		await expectVisible(reviewer.getByText(r.grant_done_review));
		await reviewer.context().close();

		await visit(officer, `/grants/reviewers?call=${callId}`);
		const row = officer.getByRole('row', { name: /Gabriel Reviewer/ });
		await expectVisible(row);
		// Assigned 1, to review 0, conflicts 0, reviewed 1, overdue 0.
		expect((await row.getByRole('cell').allTextContents()).slice(1).map((c) => c.trim())).toEqual(['1', '0', '0', '1', '0']);
	}, 120_000);

	it('an award over the remaining budget is refused with the remainder; one within it is made and shows on the call', async () => {
		await visit(officer, appPath);
		await arrive(officer, appPath, () => officer.getByRole('button', { name: t.grant_t_to_decision, exact: true }).click());
		await officer.locator('#amount').fill('4000');
		await arrive(officer, appPath, () => officer.getByRole('button', { name: t.grant_t_award }).last().click());
		const remaining = new Intl.NumberFormat('fr', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(3000);
		await expectVisible(officer.getByText(fmt(t.builder_e_over_budget, { remaining })).first());
		await officer.locator('#amount').fill('2500');
		await arrive(officer, appPath, () => officer.getByRole('button', { name: t.grant_t_award }).last().click());
		await expectVisible(officer.getByText(t.grant_s_awarded, { exact: true }));
		await visit(officer, callPath);
		const budget = officer.getByRole('region', { name: t.builder_budget_title });
		await expectVisible(budget.getByText(new Intl.NumberFormat('fr', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(500)));
	});

	it('the awards leave as XLSX, and the file holds the award’s row', async () => {
		await visit(officer, `/grants?call=${callId}`);
		const link = officer.getByRole('region', { name: t.vol_exports_heading }).locator('a[href*="what=awards"][href*="format=xlsx"]');
		const href = (await link.getAttribute('href'))!;
		const res = await officer.request.get(href);
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toContain('spreadsheetml');
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await res.body()) as unknown as ArrayBuffer);
		const rows: unknown[][] = [];
		book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
		expect(rows).toHaveLength(2);
		const [header, award] = rows;
		const at = (column: string) => award[header.indexOf(column)];
		expect(at(t.vol_col_title)).toBe(TOPIC);
		expect(at(t.vol_col_awarded)).toBe(2500);
		expect(at(t.vol_col_currency)).toBe('USD');
		expect(at(t.vol_col_to_pay)).toBe(2500);
	});

	it('the officer writes to the call’s applicants in English and Spanish; the message is queued and listed', async () => {
		await visit(officer, `/grants/message?call=${callId}`);
		await officer.locator('#subject_en').fill('Clinic dates');
		await officer.locator('#body_en').fill('Dear {organisation}, the clinic for {call} starts in May: {link}');
		await officer.locator('#subject_es').fill('Fechas de la clínica');
		await officer.locator('#body_es').fill('Estimada {organisation}: la clínica de {call} empieza en mayo: {link}');
		await arrive(officer, /^\/grants\/message/, () => officer.getByRole('button', { name: t.vol_message_send }).click());
		await expectVisible(officer.getByRole('status').getByText(pattern(t.vol_message_sent)));
		await expectVisible(officer.getByRole('cell', { name: /Clinic dates/ }));
	});

	it('editing the open call publishes version 2: the file field is archived, the application stays on version 1', async () => {
		await visit(officer, `${callPath}/edit`);
		await expectVisible(officer.getByText(t.builder_edit_live_note));
		await officer.locator(`[name="d.${FIELDS}.2.archived"]`).check();
		await arrive(officer, /\/grants\/calls\/[0-9a-f-]{36}\?saved=1$/, () => officer.getByRole('button', { name: t.builder_save }).first().click());
		await expectVisible(officer.getByText(fmt(t.builder_published_version_n, { n: '2' })));
		const versions = officer.getByRole('region', { name: t.builder_versions });
		await expectVisible(versions.getByText(fmt(t.builder_version_applications, { count: '1' })));
		// The application still shows its file under the question it answered.
		await visit(officer, appPath);
		await expectVisible(officer.getByText('Plan de publication').first());
	});

	it('partners and reviewers cannot reach the builder or its API', async () => {
		const partner = await as(demo('partner'));
		for (const path of ['/grants/calls', '/grants/calls/new', `${callPath}/edit`, `${callPath}/preview?lang=es`, callPath, `/grants/reviewers?call=${callId}`, `/grants/message?call=${callId}`])
			expect((await partner.goto(path))!.status(), path).toBe(403);
		const reviewer = await as(GRANTS_REVIEWER);
		expect((await reviewer.goto('/grants/calls/new'))!.status()).toBe(403);
		const headers = { origin: own.url };
		expect((await reviewer.request.post(`${callPath}?/status`, { form: { transition: 'close', version: '2' }, headers })).status()).toBe(403);
		for (const who of [partner, reviewer]) {
			expect((await who.request.get(`/api/v1/calls/${callId}`)).status()).toBe(403);
			expect((await who.request.get(`/api/v1/calls/${callId}/versions`)).status()).toBe(403);
			expect((await who.request.post('/api/v1/calls', { data: { slug: 'x' }, headers })).status()).toBe(403);
			expect((await who.request.put(`/api/v1/calls/${callId}`, { data: { version: 1, definition: {} }, headers })).status()).toBe(403);
			expect((await who.request.post(`/api/v1/calls/${callId}/transitions`, { data: { transition: 'close', version: 1 }, headers })).status()).toBe(403);
		}
	});
});
