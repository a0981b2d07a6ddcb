// What a reader on a slow connection receives: generated pages arrive compressed, the event pages
// no longer carry the 418 time zones, and the zone is changed on a page of its own, without script;
// no page makes the browser download more than 50 KB of gzipped script.
import { brotliDecompressSync } from 'node:zlib';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { arrive, baseURL, es, expectAccessible, expectVisible, heading, useHub, visit } from './helpers.ts';
import { clientJsByRoute, standaloneScripts } from './client-js.ts';

/** Issue 15: the script any page makes a browser download, gzipped. */
const CLIENT_JS_LIMIT = 50 * 1024;
/**
 * Pages over the limit, each held to the size it had when listed (KB, gzip): they may shrink, never
 * grow, and a page leaves this list once under the limit. None today: a page that hydrates starts at
 * about 44.5 KB (the Svelte and SvelteKit runtimes and the layout), so pages send a script of their
 * own instead (decision 063).
 */
const STILL_OVER: Record<string, number> = {};

const hubs = useHub();

/** The page's bytes as sent, with the encoding the server chose. */
function raw(path: string, acceptEncoding: string): Promise<{ encoding: string | undefined; bytes: Buffer }> {
	return new Promise((resolve, reject) => {
		const req = request(new URL(path, baseURL), { headers: { 'accept-encoding': acceptEncoding, accept: 'text/html' } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ encoding: res.headers['content-encoding'], bytes: Buffer.concat(chunks) }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

describe('script a page downloads', () => {
	it('no page of the build loads more than 50 KB of gzipped script, beyond the pages listed as still over', async () => {
		const build = new URL('../build', import.meta.url).pathname;
		const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
		const over = [...(await clientJsByRoute(build)), ...standaloneScripts(build)]
			.filter((r) => r.gzipBytes > CLIENT_JS_LIMIT && !(r.gzipBytes <= (STILL_OVER[r.route] ?? 0) * 1024))
			.map((r) => `${r.route}: ${kb(r.gzipBytes)} KB${r.route in STILL_OVER ? ` (held to ${STILL_OVER[r.route]} KB)` : ''}`);
		expect(over).toEqual([]);
		// A page that came under the limit leaves the list, so it cannot grow back unnoticed.
		const sizes = new Map((await clientJsByRoute(build)).map((r) => [r.route, r.gzipBytes]));
		expect(Object.keys(STILL_OVER).filter((route) => (sizes.get(route) ?? 0) <= CLIENT_JS_LIMIT)).toEqual([]);
	});
});

describe('pages on a slow connection', () => {
	it('the catalogue arrives compressed with brotli, and a client without it gets plain HTML', async () => {
		const br = await raw('/events', 'gzip, deflate, br');
		expect(br.encoding).toBe('br');
		const html = brotliDecompressSync(br.bytes).toString();
		expect(html).toContain('</html>');
		expect(br.bytes.length).toBeLessThan(html.length / 3);
		const plain = await raw('/events', 'identity');
		expect(plain.encoding).toBeUndefined();
		expect(plain.bytes.toString()).toContain('</html>');
	});

	it('a reader changes the time zone from the catalogue on its own page, without JavaScript', async () => {
		const page = await hubs.current.newPage({ javaScriptEnabled: false, locale: 'es-ES' });
		await visit(page, '/events?language=es');
		expect((await page.content()).match(/<option/g)?.length ?? 0).toBeLessThan(100);
		await arrive(page, '/events/time-zone', () => page.getByRole('link', { name: es.event_zone_change }).click());
		await expectVisible(heading(page, es.event_zone_title));
		// A searchable text field with the zones as suggestions (works without script).
		await page.getByRole('combobox', { name: es.event_show_times_in }).fill('America/Bogota');
		await arrive(page, '/events', () => page.getByRole('button', { name: es.event_show_times_apply }).click());
		expect(new URL(page.url()).searchParams.get('language')).toBe('es');
		await expectVisible(page.getByText(es.event_zone_shown_in.replace('{zone}', 'America/Bogota')));
	});

	it('the zone page is accessible and keeps only pages of the events area as the way back', async () => {
		const page = await hubs.current.newPage({ locale: 'fr-FR' });
		await visit(page, '/events/time-zone?zone=Europe/Paris&return=https://elsewhere.example/');
		await expectAccessible(page);
		expect(await page.locator('#tz').inputValue()).toBe('Europe/Paris');
		expect(await page.locator('form:has(#tz)').getAttribute('action')).toBe('/events');
	});
});
