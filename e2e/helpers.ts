// Shared pieces of the journeys: a browser, pages on the hub, accessibility checks, the mail the
// hub sent through the SMTP peer, and the account steps most journeys start with.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import en from '../messages/en.json' with { type: 'json' };
import es from '../messages/es.json' with { type: 'json' };
import fr from '../messages/fr.json' with { type: 'json' };

export const baseURL = inject('baseURL');
export const mailDir = inject('mailDir');
export const smtpUrl = inject('smtpUrl');

export type Messages = typeof en;
export const messages: Record<'en' | 'es' | 'fr', Messages> = { en, es: es as Messages, fr: fr as Messages };
export { en, es, fr };

/** Fills a message's {placeholders}, the way the app's message functions do. */
export const fmt = (message: string, params: Record<string, string>) =>
	message.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole);

/** For matching a whole message that has placeholders (e.g. a generated reference) inside a longer text. */
export const pattern = (message: string) =>
	new RegExp(message.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '.+?'));

export const DEMO_PASSWORD = 'support-hub-demo';
export const demo = (who: 'admin' | 'officer' | 'reviewer' | 'external' | 'finance' | 'partner' | 'member') =>
	`${who}@demo.supporthub.org`;

/** Letters only, so that the full-text search sees one word. */
export function uniqueWord(prefix = 'zq'): string {
	const letters = 'abcdefghijklmnopqrstuvwxyz';
	return prefix + Array.from(randomBytes(8), (b) => letters[b % 26]).join('');
}

const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Contexts with JavaScript turned off: axe cannot run in them (timers never fire), see expectAccessible.
const noScript = new WeakSet<BrowserContext>();
const browserOf = new WeakMap<BrowserContext, Browser>();

export type Hub = {
	browser: Browser;
	/** A page in its own context, so every person in a journey has their own cookies. */
	newPage(opts?: { javaScriptEnabled?: boolean; locale?: string }): Promise<Page>;
	close(): Promise<void>;
};

/** One browser for a journey file, opened before its tests and closed after them. */
export function useHub(): { readonly current: Hub } {
	const holder = {} as { current: Hub };
	beforeAll(async () => {
		holder.current = await launch();
	});
	afterAll(async () => {
		await holder.current?.close();
	});
	return holder;
}

export async function launch(): Promise<Hub> {
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS });
	return {
		browser,
		async newPage({ javaScriptEnabled = true, locale = 'en-GB' } = {}) {
			const context = await browser.newContext({ baseURL, javaScriptEnabled, locale, viewport: { width: 1280, height: 900 } });
			if (!javaScriptEnabled) noScript.add(context);
			browserOf.set(context, browser);
			const page = await context.newPage();
			page.setDefaultTimeout(15_000);
			page.setDefaultNavigationTimeout(30_000);
			return page;
		},
		close: () => browser.close()
	};
}

/** The messages in the language the page is shown in, read from <html lang>. */
export async function pageMessages(page: Page): Promise<Messages> {
	const lang = (await page.locator('html').getAttribute('lang')) ?? 'en';
	expect(Object.keys(messages), `unexpected <html lang="${lang}"> on ${page.url()}`).toContain(lang);
	return messages[lang as keyof typeof messages];
}

const stripScripts = (html: string) => html.replace(/<script\b[\s\S]*?<\/script>/gi, '');

/** The widths every journey page is checked at: a desktop and a phone. */
export const WIDTHS = [1280, 375] as const;

/**
 * axe over WCAG 2.0/2.1/2.2 A and AA plus axe's best practices, at desktop and phone widths; any
 * violation fails the journey with the rule, its help and the offending nodes. At phone width the
 * page itself must not scroll sideways (a wide table scrolls inside its own box). A page from a
 * no-JavaScript context is checked as an exact copy of its DOM (scripts removed) in a scripted
 * context at the same URL, because axe needs timers.
 */
export async function expectAccessible(page: Page): Promise<void> {
	let target = page;
	let mirror: BrowserContext | undefined;
	if (noScript.has(page.context())) {
		const html = stripScripts(await page.content());
		const url = page.url();
		mirror = await browserOf.get(page.context())!.newContext({ baseURL, viewport: page.viewportSize() ?? undefined });
		target = await mirror.newPage();
		// Only the document is replaced; stylesheets and images load from the hub as usual.
		await target.route(
			(u) => u.href === url,
			(route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
		);
		await target.goto(url);
	}
	const size = target.viewportSize() ?? { width: 1280, height: 900 };
	try {
		const report: string[] = [];
		for (const width of WIDTHS) {
			await target.setViewportSize({ width, height: size.height });
			// Axe runs inside the page itself ("legacy" mode): the default finishes every run in a new
			// blank page, which cost three times as long as the checks and gave the same violations
			// (the hub embeds no frames from other origins). Only violations are detailed.
			const { violations } = await new AxeBuilder({ page: target })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
				.options({ resultTypes: ['violations'] })
				.setLegacyMode()
				.analyze();
			report.push(
				...violations.map(
					(v) =>
						`at ${width} px: ${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}\n` +
						v.nodes.map((n) => `    ${n.target.join(' ')} :: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')
				)
			);
			if (width < 600) {
				const sideways = await target.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				if (sideways > 0) report.push(`at ${width} px: the page scrolls sideways by ${sideways} px`);
			}
		}
		expect(report, `accessibility violations on ${page.url()}`).toEqual([]);
	} finally {
		if (!mirror) await target.setViewportSize(size);
		await mirror?.close();
	}
}

/** Opens a path, checks the status and the page's accessibility. */
export async function visit(page: Page, path: string, status = 200): Promise<Response> {
	const res = await page.goto(path);
	expect(res, `no response for ${path}`).not.toBeNull();
	expect(res!.status(), `status of GET ${path}`).toBe(status);
	await expectAccessible(page);
	return res!;
}

/**
 * Waits until the page (after a full load or a client-side navigation) is at `path`, then checks
 * it. With `action` (a click), waits for the navigation that action causes first: a form posted
 * back to the same path would otherwise match before the answer has arrived.
 */
export async function arrive(page: Page, path: string | RegExp, action?: () => Promise<unknown>): Promise<void> {
	const want = typeof path === 'string' ? (u: URL) => u.pathname === path : (u: URL) => path.test(u.pathname + u.search);
	if (action) {
		const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
		await action();
		await navigated;
	}
	await page.waitForURL(want);
	await page.waitForLoadState('load');
	await expectAccessible(page);
}

/** Fails unless the locator becomes visible (retrying, since pages update after hydration). */
export async function expectVisible(locator: Locator, what?: string): Promise<void> {
	try {
		await locator.first().waitFor({ state: 'visible' });
	} catch {
		expect.fail(`not visible: ${what ?? locator.toString()}`);
	}
}

/** Opens one group of the main navigation (a menu that opens without script) by its name. */
export async function openNavGroup(page: Page, group: string): Promise<void> {
	await page.getByRole('navigation', { name: messages.en.nav_main }).locator('summary', { hasText: group }).first().click();
}

export const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });

export type Mail = { subject: string; text: string; links: string[]; to: string[]; file: string };

const parsed = new Map<string, Mail>();
async function readMail(file: string): Promise<Mail> {
	let mail = parsed.get(file);
	if (!mail) {
		const email = await PostalMime.parse(readFileSync(join(mailDir, file)));
		const text = email.text ?? '';
		mail = {
			subject: email.subject ?? '',
			text,
			links: text.match(/https?:\/\/[^\s<>"']+/g) ?? [],
			to: (email.to ?? []).flatMap((a) => ('address' in a && a.address ? [a.address.toLowerCase()] : [])),
			file
		};
		parsed.set(file, mail);
	}
	return mail;
}

/** The newest message the hub delivered to `to` (optionally with a subject containing the given text). */
export async function waitForMail(to: string, subjectContains?: string, timeoutMs = 15_000): Promise<Mail> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const files = readdirSync(mailDir).filter((f) => f.endsWith('.eml') && !f.startsWith('.')).sort().reverse();
		for (const file of files) {
			const mail = await readMail(file);
			if (mail.to.includes(to.toLowerCase()) && (!subjectContains || mail.subject.includes(subjectContains))) return mail;
		}
		if (Date.now() > deadline) expect.fail(`no mail to ${to}${subjectContains ? ` about “${subjectContains}”` : ''} within ${timeoutMs / 1000} s`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

/** The single link in a mail that leads back to the hub. */
export function hubLink(mail: Mail, pathStart: string): string {
	const links = mail.links.filter((l) => l.startsWith(baseURL + pathStart));
	expect(links, `a ${pathStart} link in “${mail.subject}”:\n${mail.text}`).toHaveLength(1);
	return links[0];
}

export type Person = { name: string; email: string; password: string };
export function newPerson(role: string): Person {
	const id = uniqueWord('');
	return { name: `${role[0].toUpperCase()}${role.slice(1)} ${id}`, email: `${role}-${id}@example.org`, password: `pass ${id} words` };
}

/** Signs in through the form; lands on `expectPath` (their home unless a second step is asked). */
export async function signIn(page: Page, email: string, password: string, expectPath: string | RegExp = '/') {
	await visit(page, '/sign-in');
	const t = await pageMessages(page);
	await page.getByRole('textbox', { name: t.field_email }).fill(email);
	await page.getByLabel(t.field_password).fill(password);
	await arrive(page, expectPath, () => page.getByRole('main').getByRole('button', { name: t.sign_in, exact: true }).click());
}

/** Any of the three languages: after a client-side sign-in, <html lang> may not match the page (see accounts.e2e.ts). */
const anyLanguage = (key: keyof Messages) => new RegExp(`^(${Object.values(messages).map((t) => t[key].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);

export async function signOut(page: Page) {
	await arrive(page, '/', () => page.getByRole('banner').getByRole('button', { name: anyLanguage('sign_out') }).click());
	await expectVisible(page.getByRole('banner').getByRole('link', { name: anyLanguage('sign_in') }), 'the sign-in link after signing out');
}

/**
 * Creates an account at /sign-up, opens the verification link from the mail (which signs the
 * person in) and checks they land on their home.
 */
export async function signUpAndVerify(page: Page, person: Person) {
	await visit(page, '/sign-up');
	const t = await pageMessages(page);
	await expectVisible(heading(page, t.sign_up_title));
	await page.getByRole('textbox', { name: t.field_name, exact: true }).fill(person.name);
	await page.getByRole('textbox', { name: t.field_email }).fill(person.email);
	await page.getByLabel(t.field_password).fill(person.password);
	await arrive(page, '/sign-up/check-email', () => page.getByRole('main').getByRole('button', { name: t.sign_up }).click());
	await expectVisible(heading(page, t.check_email_title));

	const mail = await waitForMail(person.email, en.mail_verify_subject);
	expect(mail.text).toContain(person.name);
	const link = hubLink(mail, '/api/auth/verify-email');
	await page.goto(link);
	await arrive(page, '/');
	await expectVisible(heading(page, t.home_work_title));
	await expectVisible(page.getByRole('banner').getByRole('link', { name: person.name }), 'the signed-in person’s name in the header');
}

/** A small file that file-type recognises as PDF from its header. */
export function minimalPdf(text: string): Buffer {
	return Buffer.from(
		`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
		'latin1'
	);
}
