// The library and the FAQ: visitors read them without an account, in their language where an item
// has it and honestly in another where it does not; staff add an item in two languages with a file,
// edit it, and edit an FAQ entry; bad input gets a message on its field. Axe on every page.
import { describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, en, es, expectVisible, heading, minimalPdf, pageMessages, signIn, uniqueWord, useHub, visit } from './helpers.ts';

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

	it('a Spanish reader reads the library in Spanish first, and English-only items say so', async () => {
		const page = await hubs.current.newPage({ locale: 'es-ES' });
		await visit(page, '/library');
		await expectVisible(heading(page, es.toolkit_library));
		const titles = page.getByRole('main').getByRole('listitem').getByRole('link');
		const savings = page.getByRole('link', { name: 'Evidencia: la publicación de datos de contratación y los ahorros' });
		const letter = page.getByRole('link', { name: 'Template: letter requesting a meeting with a minister' });
		expect(await savings.getAttribute('lang')).toBe('es');
		expect(await letter.getAttribute('lang')).toBe('en');
		// Items with a Spanish version come before those without one.
		const names = await titles.allInnerTexts();
		expect(names.indexOf('Evidencia: la publicación de datos de contratación y los ahorros')).toBeLessThan(names.indexOf('Template: letter requesting a meeting with a minister'));
		const availableInEnglish = es.toolkit_available_in.replace('{languages}', 'inglés');
		await expectVisible(page.getByRole('listitem').filter({ has: letter }).getByText(availableInEnglish, { exact: true }));
		await expectVisible(page.getByRole('listitem').filter({ has: savings }).getByText(es.toolkit_also_in.replace('{languages}', 'inglés y francés'), { exact: true }));

		await arrive(page, /^\/library\/[0-9a-f-]{36}$/, () => letter.click());
		await expectVisible(page.getByText(availableInEnglish, { exact: true }));
		expect(await page.getByRole('article').getAttribute('lang')).toBe('en');

		await visit(page, '/library');
		await arrive(page, /^\/library\/[0-9a-f-]{36}$/, () => savings.click());
		await expectVisible(heading(page, 'Evidencia: la publicación de datos de contratación y los ahorros'));
		const versions = page.getByRole('navigation', { name: es.toolkit_other_versions });
		await arrive(page, /^\/library\/[0-9a-f-]{36}\?lang=fr$/, () => versions.getByRole('link', { name: 'français' }).click());
		await expectVisible(heading(page, 'Preuves : ce que coûte l’opacité dans la commande publique'));
		expect(await page.getByRole('article').getAttribute('lang')).toBe('fr');
		await page.context().close();
	}, 120_000);

	it('staff add an item in two languages with a file, are told about a bad link, and edit it', async () => {
		const page = await hubs.current.newPage();
		await signIn(page, demo('officer'), DEMO_PASSWORD);
		const t = await pageMessages(page);
		const version = (language: string) => page.getByRole('group', { name: t.toolkit_version_legend.replace('{language}', language) });
		const english = version('English');
		const spanish = version('Spanish');
		await visit(page, '/library/new');
		const title = `Brief on framework agreements ${uniqueWord('')}`;
		const titulo = `Nota sobre acuerdos marco ${uniqueWord('')}`;
		await page.getByRole('combobox', { name: t.toolkit_filter_type }).selectOption('brief');
		await english.getByRole('textbox', { name: t.toolkit_field_title }).fill(title);
		await english.getByRole('textbox', { name: t.toolkit_f_summary }).fill('What to ask for when <i>framework</i> agreements are published.');
		await spanish.getByRole('textbox', { name: t.toolkit_field_title }).fill(titulo);
		await spanish.getByRole('textbox', { name: t.toolkit_f_summary }).fill('Qué pedir cuando se publican los acuerdos marco.');
		await page.getByRole('checkbox', { name: t.toolkit_topic_legal_reform }).check();
		await page.getByRole('textbox', { name: t.toolkit_f_countries }).fill('ke, mx');
		await english.getByRole('textbox', { name: t.toolkit_f_url }).fill('not a link');
		await english.getByLabel(t.toolkit_f_file).setInputFiles({ name: 'brief.pdf', mimeType: 'application/pdf', buffer: minimalPdf('framework brief') });
		await arrive(page, '/library/new', () => page.getByRole('button', { name: t.toolkit_create }).click());
		await expectVisible(english.getByText(t.v_invalid_url));
		await english.getByRole('textbox', { name: t.toolkit_f_url }).fill('https://example.org/framework');
		await english.getByLabel(t.toolkit_f_file).setInputFiles({ name: 'brief.pdf', mimeType: 'application/pdf', buffer: minimalPdf('framework brief') });
		await arrive(page, /^\/library\/[0-9a-f-]{36}$/, () => page.getByRole('button', { name: t.toolkit_create }).click());
		await expectVisible(heading(page, title));
		// Typed markup is shown as text.
		await expectVisible(page.getByText('What to ask for when <i>framework</i> agreements are published.'));
		await expectVisible(page.getByRole('link', { name: new RegExp('brief.pdf') }));
		const id = new URL(page.url()).pathname.split('/')[2];
		await arrive(page, `/library/${id}`, () => page.getByRole('navigation', { name: t.toolkit_other_versions }).getByRole('link', { name: 'español' }).click());
		await expectVisible(heading(page, titulo));
		await arrive(page, `/library/${id}/edit`, () => page.getByRole('link', { name: t.toolkit_resource_edit }).click());
		await english.getByRole('textbox', { name: t.toolkit_field_title }).fill(`${title} (revised)`);
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
	}, 180_000);

	it('a partner member cannot reach the staff forms', async () => {
		const page = await hubs.current.newPage();
		await signIn(page, demo('member'), DEMO_PASSWORD);
		const res = await page.goto('/library/new');
		expect(res?.status()).toBe(403);
		await page.context().close();
	});
});
