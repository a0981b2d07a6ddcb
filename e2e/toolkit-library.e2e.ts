// The library and the FAQ: visitors read them without an account; staff add an item with a file,
// edit it, and edit an FAQ entry; bad input gets a message on its field. Axe on every page.
import { describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, en, expectVisible, heading, minimalPdf, pageMessages, signIn, uniqueWord, useHub, visit } from './helpers.ts';

const hubs = useHub();

describe('resource library and FAQ', () => {
	it('a visitor reads the library and the FAQ without signing in', async () => {
		const page = await hubs.current.newPage();
		await visit(page, '/library');
		await expectVisible(heading(page, en.toolkit_library));
		await arrive(page, /^\/library\/[0-9a-f-]{36}$/, () => page.getByRole('link', { name: 'Template: letter requesting a meeting with a minister' }).click());
		await visit(page, '/faq');
		await expectVisible(heading(page, 'Our data is not good enough to publish yet.'));
		await expectVisible(page.getByRole('link', { name: 'Case study: improving data quality by publishing it first' }));
		await page.context().close();
	});

	it('staff add an item with a file, are told about a bad link, and edit it', async () => {
		const page = await hubs.current.newPage();
		await signIn(page, demo('officer'), DEMO_PASSWORD);
		const t = await pageMessages(page);
		await visit(page, '/library/new');
		const title = `Brief on framework agreements ${uniqueWord('')}`;
		await page.getByRole('combobox', { name: t.toolkit_filter_type }).selectOption('brief');
		await page.getByRole('textbox', { name: t.toolkit_field_title }).fill(title);
		await page.getByRole('textbox', { name: t.toolkit_f_summary }).fill('What to ask for when <i>framework</i> agreements are published.');
		await page.getByRole('checkbox', { name: t.toolkit_topic_legal_reform }).check();
		await page.getByRole('textbox', { name: t.toolkit_f_countries }).fill('ke, mx');
		await page.getByRole('textbox', { name: t.toolkit_f_url }).fill('not a link');
		await page.getByLabel(t.toolkit_f_file).setInputFiles({ name: 'brief.pdf', mimeType: 'application/pdf', buffer: minimalPdf('framework brief') });
		await arrive(page, '/library/new', () => page.getByRole('button', { name: t.toolkit_create }).click());
		await expectVisible(page.getByText(t.v_invalid_url));
		await page.getByRole('textbox', { name: t.toolkit_f_url }).fill('https://example.org/framework');
		await page.getByLabel(t.toolkit_f_file).setInputFiles({ name: 'brief.pdf', mimeType: 'application/pdf', buffer: minimalPdf('framework brief') });
		await arrive(page, /^\/library\/[0-9a-f-]{36}$/, () => page.getByRole('button', { name: t.toolkit_create }).click());
		await expectVisible(heading(page, title));
		// Typed markup is shown as text.
		await expectVisible(page.getByText('What to ask for when <i>framework</i> agreements are published.'));
		await expectVisible(page.getByRole('link', { name: new RegExp('brief.pdf') }));
		const id = new URL(page.url()).pathname.split('/')[2];
		await arrive(page, `/library/${id}/edit`, () => page.getByRole('link', { name: t.toolkit_resource_edit }).click());
		await page.getByRole('textbox', { name: t.toolkit_field_title }).fill(`${title} (revised)`);
		await arrive(page, `/library/${id}`, () => page.getByRole('button', { name: t.toolkit_save }).click());
		await expectVisible(heading(page, `${title} (revised)`));
		const file = await page.request.get(`/library/${id}/file`);
		expect(file.headers()['content-disposition']).toContain('attachment');
		expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');

		await visit(page, '/faq');
		await arrive(page, /^\/faq\/[0-9a-f-]{36}\/edit$/, () => page.getByRole('link', { name: new RegExp(t.toolkit_faq_edit) }).first().click());
		await page.getByRole('textbox', { name: t.toolkit_f_answer_es }).fill('');
		await arrive(page, /^\/faq\/[0-9a-f-]{36}\/edit\?\/save$/, () => page.getByRole('button', { name: t.toolkit_save }).click());
		await expectVisible(page.getByText(t.v_required).first());
		await page.context().close();
	});

	it('a partner member cannot reach the staff forms', async () => {
		const page = await hubs.current.newPage();
		await signIn(page, demo('member'), DEMO_PASSWORD);
		const res = await page.goto('/library/new');
		expect(res?.status()).toBe(403);
		await page.context().close();
	});
});
