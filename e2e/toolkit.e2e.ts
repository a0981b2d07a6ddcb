// The toolkit journeys: two members of one organisation build a strategy through the four steps
// (one of them with JavaScript off), meet an editing conflict without losing work, place
// stakeholders on the power map by keyboard and by dragging, export the strategy and read the
// DOCX back; the library and the FAQ are searched in Spanish; another organisation's member
// cannot see the strategy. Every page is checked with axe.
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
	arrive,
	demo,
	DEMO_PASSWORD,
	en,
	es,
	expectVisible,
	fmt,
	heading,
	hubLink,
	newPerson,
	pattern,
	signIn,
	signUpAndVerify,
	uniqueWord,
	useHub,
	visit,
	waitForMail
} from './helpers.ts';

const hubs = useHub();

describe('two members build a strategy together', () => {
	const colleague = newPerson('colleague');
	const title = `Compras abiertas de medicamentos ${uniqueWord('')}`;
	const orgName = 'Transparencia Ciudadana';
	let paula: Page;
	let ana: Page;
	let id = '';
	let orgId = '';
	const path = (rest = '') => `/toolkit/${id}${rest}`;

	it('the partner owner starts a strategy in Spanish', async () => {
		paula = await hubs.current.newPage();
		await signIn(paula, demo('partner'), DEMO_PASSWORD);
		// Another journey may have switched the account's language: choose Spanish explicitly.
		await paula.getByRole('banner').getByRole('combobox').first().selectOption('es');
		await arrive(paula, /.*/, () => paula.getByRole('banner').getByRole('button', { name: new RegExp(`^(${en.language_change}|${es.language_change}|Changer)$`) }).click());
		await visit(paula, '/toolkit');
		await expectVisible(heading(paula, es.toolkit_title));
		const form = paula.locator('form[action="?/create"]');
		await form.getByRole('combobox', { name: es.toolkit_field_organisation }).selectOption({ label: orgName });
		await form.getByRole('textbox', { name: es.toolkit_field_title }).fill(title);
		await arrive(paula, /^\/toolkit\/[0-9a-f-]{36}$/, () => form.getByRole('button', { name: es.toolkit_create }).click());
		id = new URL(paula.url()).pathname.split('/')[2];
		await expectVisible(paula.getByText(title).first());
		await expectVisible(paula.getByText(fmt(es.toolkit_progress, { done: '0', total: '4' })).first());
	});

	it('she invites a colleague, who joins the organisation and is made an editor', async () => {
		await visit(paula, `/directory?q=${encodeURIComponent('Transparencia')}`);
		await arrive(paula, /^\/directory\/[0-9a-f-]{36}$/, () => paula.getByRole('main').getByRole('link', { name: orgName }).click());
		orgId = new URL(paula.url()).pathname.split('/')[2];
		// The partner page lists the organisation's strategies to its members.
		await expectVisible(paula.getByRole('region', { name: es.toolkit_section_title }).getByRole('link', { name: title }));
		await arrive(paula, `/directory/${orgId}/members`, () => paula.getByRole('link', { name: es.members_manage }).click());
		await paula.getByRole('textbox', { name: es.field_email }).fill(colleague.email);
		await arrive(paula, `/directory/${orgId}/members`, () => paula.getByRole('button', { name: es.invite, exact: true }).click());
		const link = hubLink(await waitForMail(colleague.email), '/invitations/');

		ana = await hubs.current.newPage();
		await signUpAndVerify(ana, colleague);
		await visit(ana, new URL(link).pathname);
		await arrive(ana, `/directory/${orgId}`, () => ana.getByRole('button', { name: en.invitation_accept }).click());

		// Until she is an editor, the colleague only reads.
		await visit(ana, path());
		await expectVisible(ana.getByText(en.toolkit_viewer_notice));

		await visit(paula, path());
		const team = paula.getByRole('region', { name: es.toolkit_team });
		await team.getByRole('combobox', { name: fmt(es.toolkit_role_of, { name: colleague.name }) }).selectOption('editor');
		await arrive(paula, path(), () => team.getByRole('button', { name: `${es.toolkit_set_role} ${colleague.name}` }).click());
		await expectVisible(team.getByText(`${colleague.name} — ${es.toolkit_role_editor}`));
	});

	it('step 1 is written with JavaScript turned off, and markup stays text', async () => {
		const nojs = await hubs.current.newPage({ javaScriptEnabled: false });
		await signIn(nojs, colleague.email, colleague.password);
		await visit(nojs, path('/step/1'));
		await expectVisible(heading(nojs, `${fmt(en.toolkit_step_n, { n: '1' })}: ${en.toolkit_step1_title}`));
		await expectVisible(nojs.getByText(en.toolkit_step1_q3));
		await nojs.getByRole('textbox', { name: en.toolkit_f_problem }).fill('Hospitals pay <b>three times</b> more for the same medicines.');
		await nojs.getByRole('textbox', { name: en.toolkit_f_context }).fill('A new state government promised open data.');
		await nojs.getByRole('textbox', { name: en.toolkit_f_windows }).fill('The October budget debate.');
		await nojs.getByRole('textbox', { name: en.toolkit_f_risks }).fill('Pressure on hospital staff who share prices.');
		await arrive(nojs, path('/step/1'), () => nojs.getByRole('button', { name: en.toolkit_save }).click());
		await expectVisible(nojs.getByTestId('autosave-note').getByText(pattern(en.autosave_saved_at)), 'the confirmation with the time of the save, as with script');
		await expectVisible(nojs.getByText(fmt(en.toolkit_progress, { done: '4', total: '4' })));
		await nojs.context().close();
	});

	it('step 2 autosaves while typing; a stale save shows both versions and overwrites nothing', async () => {
		await visit(ana, path('/step/2'));
		await visit(paula, path('/step/2'));
		await paula.getByRole('textbox', { name: es.toolkit_f_goal, exact: true }).fill('La Secretaría de Salud publica el 100 % de sus contratos de medicamentos antes de diciembre de 2027.');
		await paula.getByLabel(es.toolkit_f_deadline).fill('2027-12-15');
		await paula.getByRole('textbox', { name: es.toolkit_f_objectives }).fill('Publicar contratos de 2026.');
		await paula.getByRole('textbox', { name: es.toolkit_f_tocIf }).fill('mostramos el costo de la falta de competencia');
		await paula.getByRole('textbox', { name: es.toolkit_f_tocThen }).fill('la Secretaría publicará');
		await paula.getByRole('textbox', { name: es.toolkit_f_tocBecause }).fill('quiere ahorrar presupuesto');
		await expectVisible(paula.getByTestId('autosave-note').getByText(pattern(es.autosave_saved_at)), 'the autosave confirmation with its time');
		// Once saved, the page shows the shared SMART reading of the goal.
		await visit(paula, path('/step/2'));
		await expectVisible(paula.getByRole('heading', { name: es.smart_title }));
		await expectVisible(paula.getByText(es.smart_complete));

		// The colleague's page still holds version 0: her save must not overwrite Paula's text.
		await ana.getByRole('textbox', { name: en.toolkit_f_goal, exact: true }).fill('Publish every health contract.');
		await arrive(ana, path('/step/2'), () => ana.getByRole('button', { name: en.toolkit_save }).click());
		await expectVisible(heading(ana, en.toolkit_conflict_title));
		await expectVisible(ana.getByTestId('theirs').getByText(/La Secretaría de Salud publica el 100 %/));
		await expectVisible(ana.getByTestId('yours').getByText('Publish every health contract.'));
		await visit(paula, path('/step/2'));
		expect(await paula.getByRole('textbox', { name: es.toolkit_f_goal, exact: true }).inputValue()).toMatch(/^La Secretaría de Salud/);
	});

	it('the power map takes stakeholders by form, by keyboard and by dragging', async () => {
		await visit(paula, path('/power-map'));
		const add = async (name: string, type: string, position: string, power: string, flag: string) => {
			const form = paula.locator('form[action="?/add"]');
			await form.getByRole('textbox', { name: es.toolkit_f_name }).fill(name);
			await form.getByRole('combobox', { name: es.toolkit_f_type }).selectOption(type);
			await form.getByRole('combobox', { name: es.toolkit_f_position }).selectOption(position);
			await form.getByRole('combobox', { name: es.toolkit_f_power }).selectOption(power);
			await form.getByRole('checkbox', { name: flag }).check();
			await arrive(paula, path('/power-map'), () => form.getByRole('button', { name: es.toolkit_add_stakeholder }).click());
		};
		await add('Secretaría de Salud', 'government', '-1', '5', es.toolkit_f_target);
		await add('Periodistas de datos', 'media', '2', '2', es.toolkit_f_ally);
		const rowOf = (name: string) => paula.getByRole('row').filter({ has: paula.getByRole('rowheader', { name: new RegExp(name) }) });
		await expectVisible(rowOf('Secretaría de Salud').getByText(es.toolkit_q_persuade));

		const grid = paula.getByTestId('power-grid');
		await grid.getByRole('button', { name: /Secretaría de Salud/ }).focus();
		await paula.keyboard.press('ArrowRight');
		await expectVisible(rowOf('Secretaría de Salud').getByRole('cell', { name: es.toolkit_pos_0, exact: true }), 'the move made with the keyboard');

		const card = grid.getByRole('button', { name: /Periodistas de datos/ });
		const box = (await card.boundingBox())!;
		const area = (await grid.boundingBox())!;
		await paula.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await paula.mouse.down();
		await paula.mouse.move(area.x + area.width * 0.1, area.y + area.height * 0.1, { steps: 5 });
		await paula.mouse.up();
		await expectVisible(rowOf('Periodistas de datos').getByRole('cell', { name: es.toolkit_pos_m2, exact: true }), 'the move made by dragging');
	});

	it('step 3 plans tactics, messages and activities, shown on a timeline', async () => {
		await visit(paula, path('/step/3'));
		const tactic = paula.locator('form[action="?/addTactic"]');
		await tactic.getByRole('combobox', { name: es.toolkit_f_audience }).selectOption('decision_makers');
		await tactic.getByRole('combobox', { name: es.toolkit_f_change }).selectOption('action');
		await tactic.getByRole('textbox', { name: es.toolkit_f_description }).fill('Reunión con la Secretaría');
		await arrive(paula, path('/step/3'), () => tactic.getByRole('button', { name: es.toolkit_add_tactic }).click());
		const message = paula.locator('form[action="?/addMessage"]');
		await message.getByRole('combobox', { name: es.toolkit_f_audience }).selectOption('public');
		await message.getByRole('textbox', { name: es.toolkit_f_coreMessage }).fill('Precios justos para medicinas');
		await arrive(paula, path('/step/3'), () => message.getByRole('button', { name: es.toolkit_add_message }).click());
		const activity = paula.locator('form[action="?/addActivity"]');
		await activity.getByRole('textbox', { name: es.toolkit_f_activity }).fill('Acuerdo firmado');
		await activity.getByLabel(es.toolkit_f_startDate).fill('2027-03-01');
		await activity.getByLabel(es.toolkit_f_dueDate).fill('2027-05-31');
		await activity.getByRole('checkbox', { name: es.toolkit_f_milestone }).check();
		await activity.getByRole('textbox', { name: es.toolkit_f_deliverable }).fill('Acuerdo de publicación');
		await arrive(paula, path('/step/3'), () => activity.getByRole('button', { name: es.toolkit_add_activity }).click());
		// Statuses are chosen in the table and saved together; the filter then finds the activity among the done ones.
		await paula.getByRole('row', { name: /Acuerdo firmado/ }).getByRole('combobox').selectOption('done');
		await arrive(paula, path('/step/3'), () => paula.getByRole('button', { name: es.toolkit_save_statuses }).click());
		await expectVisible(paula.getByRole('status').filter({ hasText: fmt(es.toolkit_statuses_saved, { count: '1' }) }));
		await arrive(paula, path('/step/3'), () => paula.getByRole('link', { name: new RegExp(`^${es.toolkit_as_done} \\(1\\)$`, 'i') }).click());
		await expectVisible(paula.getByRole('rowheader', { name: /Acuerdo firmado/ }));
		const plan = paula.locator('form[action="?/save"]');
		await plan.getByRole('textbox', { name: es.toolkit_f_managerName }).fill('Paula Partner');
		await arrive(paula, path('/step/3'), () => plan.getByRole('button', { name: es.toolkit_save }).click());
		await expectVisible(paula.getByText(fmt(es.toolkit_progress, { done: '5', total: '5' })));
		await arrive(paula, path('/timeline'), () => paula.getByRole('main').getByRole('link', { name: es.toolkit_timeline }).first().click());
		await expectVisible(paula.getByRole('rowheader', { name: /Acuerdo firmado/ }));
	});

	it('step 4 records an indicator and a check-in; the history names who changed what', async () => {
		await visit(paula, path('/step/4'));
		const indicator = paula.getByRole('form', { name: es.toolkit_add_indicator });
		await indicator.getByRole('textbox', { name: es.toolkit_f_indicator, exact: true }).fill('Contratos publicados');
		await arrive(paula, path('/step/4'), () => indicator.getByRole('button', { name: es.toolkit_add_indicator }).click());
		const checkin = paula.getByRole('form', { name: es.toolkit_add_checkin });
		await checkin.getByRole('textbox', { name: es.toolkit_f_checkin }).fill('Revisión trimestral');
		await arrive(paula, path('/step/4'), () => checkin.getByRole('button', { name: es.toolkit_add_checkin }).click());
		await expectVisible(paula.getByText(fmt(es.toolkit_progress, { done: '2', total: '2' })));
		await visit(paula, path('/history'));
		await expectVisible(paula.getByRole('cell', { name: new RegExp(colleague.name) }).first());
	});

	it('the strategy exports as a DOCX in the team’s language and as a printable page', async () => {
		await visit(paula, path());
		const [download] = await Promise.all([paula.waitForEvent('download'), paula.getByRole('link', { name: es.toolkit_export_docx }).click()]);
		const file = await download.path();
		const { value } = await mammoth.extractRawText({ path: file });
		expect(value).toContain(title);
		expect(value).toContain(es.toolkit_step1_title);
		expect(value).toContain('Hospitals pay <b>three times</b> more for the same medicines.');
		expect(value).toContain('Secretaría de Salud');
		expect(value).toContain('Acuerdo firmado');
		await visit(paula, path('/print'));
		await expectVisible(heading(paula, title));
	});

	it('the library and the FAQ answer in Spanish', async () => {
		await visit(paula, '/library');
		await paula.getByRole('searchbox', { name: es.toolkit_search_library }).fill('negociación ministerio');
		await arrive(paula, '/library', () => paula.getByRole('button', { name: es.toolkit_search, exact: true }).click());
		await expectVisible(paula.getByRole('link', { name: 'Guía de discusión para negociar con ministerios' }));
		await visit(paula, '/faq');
		await paula.getByRole('searchbox', { name: es.toolkit_search_faq }).fill('confidencialidad');
		await arrive(paula, '/faq', () => paula.getByRole('button', { name: es.toolkit_search, exact: true }).click());
		await expectVisible(heading(paula, 'Los contratos contienen información comercial confidencial.'));
		expect(await paula.getByRole('article').count()).toBe(1);
	});

	it('a member of another organisation cannot see the strategy', async () => {
		const other = await hubs.current.newPage();
		await signIn(other, demo('member'), DEMO_PASSWORD);
		await visit(other, path(), 404);
		await visit(other, path('/export.docx').replace('/export.docx', '/history'), 404);
		await visit(other, `/directory/${orgId}`);
		expect(await other.getByRole('region', { name: new RegExp(`^(${en.toolkit_section_title}|${es.toolkit_section_title}|Stratégies de plaidoyer)$`) }).count()).toBe(0);
		await other.context().close();
	});
});
