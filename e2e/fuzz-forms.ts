// What the fuzz journey needs to find and fill every HTML form action: the route tree (which
// routes have which actions, read from the source so a new action is never missed), the forms the
// hub actually renders (their fields, types, choices and hidden ids), values for each field derived
// from it and mixed with what a hostile client sends, and bodies encoded the way such a client
// can: lone surrogates as their raw bytes, names repeated, prototype keys.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';

const ROUTES = new URL('../src/routes', import.meta.url).pathname;

export type Route = { id: string; pattern: RegExp; statics: number; params: number };
export type RouteAction = { route: string; action: string };

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

const files = walk(ROUTES).map((p) => relative(ROUTES, p));
const idOf = (file: string) => '/' + file.split('/').slice(0, -1).join('/');

function toRoute(id: string): Route {
	const segments = id.split('/').filter((s) => s && !/^\(.*\)$/.test(s));
	let statics = 0;
	let params = 0;
	const re = segments
		.map((s) => {
			if (/^\[\.\.\.\w+\]$/.test(s)) return params++, '(?:/.*)?';
			if (/^\[\[\w+\]\]$/.test(s)) return params++, '(?:/[^/]+)?';
			if (/^\[\w+(=\w+)?\]$/.test(s)) return params++, '/[^/]+';
			statics++;
			return '/' + s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
		})
		.join('');
	return { id, pattern: new RegExp(`^${re || '/'}/?$`), statics, params };
}

/** Every page of the hub (a folder with a +page.svelte or a page that only has actions). */
export const pages: Route[] = [...new Set(files.filter((f) => /\+page(\.server\.ts|\.svelte)$/.test(f)).map(idOf))].map(toRoute);

/** The page route a path belongs to, the most specific one first (as SvelteKit picks). */
export function routeOf(pathname: string): string | undefined {
	const matches = pages.filter((r) => r.pattern.test(pathname));
	matches.sort((a, b) => b.statics - a.statics || a.params - b.params);
	return matches[0]?.id;
}

/** The names of an `export const actions = { … }` object's top-level keys. */
function actionNames(source: string): string[] {
	const code = source.replace(/^\s*\/\/.*$/gm, '');
	const start = code.search(/export const actions\b[^=]*=\s*\{/);
	if (start === -1) return [];
	let top = '';
	let depth = 0;
	for (let i = code.indexOf('{', start) + 1; i < code.length; i++) {
		const c = code[i];
		if ('{(['.includes(c)) depth++;
		else if ('})]'.includes(c)) {
			if (depth === 0) break;
			depth--;
		} else if (depth === 0) top += c;
	}
	return [...top.matchAll(/(?:^|,)\s*(\w+)\s*:/g)].map((m) => m[1]);
}

/** Every form action the source declares, as route id and action name. */
export const sourceActions: RouteAction[] = files
	.filter((f) => f.endsWith('+page.server.ts'))
	.flatMap((f) => actionNames(readFileSync(join(ROUTES, f), 'utf8')).map((action) => ({ route: idOf(f), action })));

/** Field names a route's page source mentions, for the few forms only a personal link leads to. */
export function sourceFieldNames(route: string): string[] {
	const dir = join(ROUTES, route);
	const names = new Set<string>();
	for (const f of readdirSync(dir).filter((f) => f.endsWith('.svelte')))
		for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/\bname="([\w.[\]-]+)"/g)) names.add(m[1]);
	return [...names];
}

// ---- forms in rendered pages ----

export type FieldKind = 'text' | 'number' | 'date' | 'choice' | 'check' | 'hidden' | 'file' | 'email' | 'url' | 'password';
export type Field = { name: string; kind: FieldKind; values: string[]; maxLength?: number };
export type FormTarget = { route: string; action: string; url: string; multipart: boolean; fields: Field[]; submit?: [string, string] };

const decode = (s: string) =>
	s.replace(/&(#\d+|#x[\da-f]+|quot|amp|lt|gt|apos|#39);/gi, (_, e: string) =>
		e[0] === '#' ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" } as Record<string, string>)[e.toLowerCase()]
	);

function attrs(tag: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const m of tag.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) out[m[1].toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? '');
	return out;
}

function kindOf(tag: string, type: string): FieldKind {
	if (tag === 'select') return 'choice';
	if (tag === 'textarea') return 'text';
	if (type === 'number' || type === 'range') return 'number';
	if (['date', 'datetime-local', 'time', 'month', 'week'].includes(type)) return 'date';
	if (type === 'checkbox' || type === 'radio') return 'check';
	if (['hidden', 'file', 'email', 'url', 'password'].includes(type)) return type as FieldKind;
	return 'text';
}

/** The POST forms of a page (one target per submit button with its own `formaction`). */
export function formsIn(html: string, pageUrl: string): FormTarget[] {
	const targets: FormTarget[] = [];
	for (const f of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
		const a = attrs(f[1]);
		if ((a.method ?? 'get').toLowerCase() !== 'post') continue;
		const inner = f[2];
		const byName = new Map<string, Field>();
		const add = (name: string, kind: FieldKind, value: string | undefined, maxLength?: number) => {
			if (!name) return;
			const field = byName.get(name) ?? { name, kind, values: [], maxLength };
			if (value !== undefined && !field.values.includes(value)) field.values.push(value);
			byName.set(name, field);
		};
		for (const s of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
			const sa = attrs(s[1]);
			const opts = [...s[2].matchAll(/<option\b([^>]*)>([^<]*)/gi)].map((o) => attrs(o[1]).value ?? decode(o[2]).trim());
			add(sa.name, 'choice', undefined);
			for (const o of opts) add(sa.name, 'choice', o);
		}
		for (const t of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
			const ta = attrs(t[1]);
			add(ta.name, 'text', decode(t[2]), ta.maxlength ? Number(ta.maxlength) : undefined);
		}
		const submits: { name?: string; value?: string; formaction?: string }[] = [];
		for (const i of inner.matchAll(/<(input|button)\b([^>]*)>/gi)) {
			const ia = attrs(i[2]);
			const tag = i[1].toLowerCase();
			const type = (ia.type ?? (tag === 'button' ? 'submit' : 'text')).toLowerCase();
			if (type === 'submit' || type === 'image') {
				submits.push({ name: ia.name, value: ia.value, formaction: ia.formaction });
				continue;
			}
			if (tag === 'button' || type === 'button' || type === 'reset') continue;
			add(ia.name, kindOf(tag, type), ia.value ?? (type === 'checkbox' ? 'on' : undefined), ia.maxlength ? Number(ia.maxlength) : undefined);
		}
		const fields = [...byName.values()];
		const multipart = (a.enctype ?? '').toLowerCase() === 'multipart/form-data' || fields.some((x) => x.kind === 'file');
		const actions = new Set<string | undefined>([a.action]);
		for (const s of submits) if (s.formaction) actions.add(s.formaction);
		for (const action of actions) {
			const url = new URL(action ?? '', pageUrl);
			if (action === undefined || action === '') url.search = new URL(pageUrl).search;
			const route = routeOf(url.pathname);
			if (!route) continue;
			const name = url.search.startsWith('?/') ? decodeURIComponent(url.search.slice(2).split('&')[0]) : 'default';
			const submit = submits.find((s) => (s.formaction ?? a.action) === action && s.name);
			targets.push({ route, action: name, url: url.toString(), multipart, fields, submit: submit?.name ? [submit.name, submit.value ?? ''] : undefined });
		}
	}
	return targets;
}

/** Same-site links of a page worth following (pages, not downloads, exports or the API). */
export function linksIn(html: string, pageUrl: string): string[] {
	const origin = new URL(pageUrl).origin;
	const out = new Set<string>();
	for (const m of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/gi)) {
		let url: URL;
		try {
			url = new URL(decode(m[1]), pageUrl);
		} catch {
			continue;
		}
		if (url.origin !== origin || url.pathname.startsWith('/api/') || /\.(csv|xlsx|ics|docx|pdf|json|zip|txt)$|\/(export|download|files|sign-out)\b/.test(url.pathname)) continue;
		url.hash = '';
		out.add(url.toString());
	}
	return [...out];
}

// ---- values ----

const OVERLONG = ['x'.repeat(5_000), 'é'.repeat(70_000)];
/** What a hostile client puts in any field. */
export const hostileText = fc.constantFrom(
	'\u0000', 'a\u0000b', 'x\ud800y', '\udfff', '\ud83d', '\u0001\u0007\u001b[31m\u007f', '\u0085\u2028\u2029', '\u200b\u202e\ufeff', '\r\n\t', '   ',
	'__proto__', 'constructor', 'prototype', '-1', '0', '1e309', '-1e309', 'NaN', 'Infinity', '9'.repeat(400), '0x7fffffff', '2147483648', '-9223372036854775809',
	'not-a-uuid', '00000000-0000-0000-0000-000000000000', '%00', '../../etc/passwd', '<script>alert(1)</script>', "'; drop table users; --",
	'=HYPERLINK("http://evil.example")', '0000-00-00', '9999-12-31T99:99', '2026-02-30', ...OVERLONG
);

const isUuid = (s: string) => /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i.test(s);

/** Values shaped like the field most of the time, hostile ones in between. */
export function valueFor(field: Field): fc.Arbitrary<string> {
	const known = field.values.filter((v) => v !== '');
	let typed: fc.Arbitrary<string>;
	switch (field.kind) {
		case 'number':
			typed = fc.oneof(fc.integer({ min: -10, max: 1000 }).map(String), fc.double({ noNaN: true }).map(String), fc.bigInt().map(String));
			break;
		case 'date':
			typed = fc.oneof(fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16)), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
			break;
		case 'email':
			typed = fc.oneof(fc.emailAddress(), fc.string({ maxLength: 30 }));
			break;
		case 'url':
			typed = fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:text/html,x', '//evil.example'));
			break;
		case 'hidden':
			// Ids and versions the page carries: kept, or exchanged for another id, or for what no id is.
			typed = known.length
				? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: known.some(isUuid) ? fc.uuid() : fc.string({ maxLength: 20 }) })
				: fc.string({ maxLength: 20 });
			break;
		case 'choice':
		case 'check':
			typed = known.length ? fc.constantFrom(...known) : fc.string({ maxLength: 20 });
			break;
		default:
			typed = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), known.length ? fc.constantFrom(...known) : fc.constant('text'));
	}
	const near = field.maxLength ? fc.constant('y'.repeat(field.maxLength + 1)) : fc.constant('y'.repeat(1001));
	return fc.oneof({ weight: 5, arbitrary: typed }, { weight: 3, arbitrary: hostileText }, { weight: 1, arbitrary: near });
}

export type Submission = { pairs: [string, string][]; files: { name: string; filename: string; type: string; bytes: Uint8Array }[] };

const fileArb = fc.record({
	filename: fc.constantFrom('notes.pdf', 'a\u0000b.pdf', '../../../etc/passwd', 'x'.repeat(300) + '.pdf', 'photo.png', 'script.html', '', 'doc.exe'),
	type: fc.constantFrom('application/pdf', 'image/png', 'text/html', 'application/octet-stream', ''),
	bytes: fc.oneof(fc.constant(new TextEncoder().encode('%PDF-1.4\n%fuzz\n')), fc.uint8Array({ maxLength: 64 }), fc.constant(new Uint8Array(0)))
});

/** A submission of the form: each field present or not, sometimes twice, plus keys no form has. */
export function submissionFor(target: FormTarget): fc.Arbitrary<Submission> {
	const texts = target.fields.filter((f) => f.kind !== 'file');
	const fileFields = target.fields.filter((f) => f.kind === 'file');
	const fieldNames = texts.map((f) => f.name);
	const pick = fc.record(Object.fromEntries(texts.map((f, i) => [String(i), fc.option(valueFor(f), { freq: 6 })])), { requiredKeys: [] });
	const extras = fc.array(
		fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', '__proto__[admin]', 'constructor.prototype.admin', 'id', 'role', ...fieldNames), fc.oneof(hostileText, fc.string({ maxLength: 10 }))),
		{ maxLength: 3 }
	);
	const files = fc.tuple(...fileFields.map((f) => fc.option(fileArb.map((x) => ({ ...x, name: f.name })), { freq: 2 })));
	return fc.record({ pick, extras, files }).map(({ pick, extras, files }) => {
		const pairs: [string, string][] = [];
		texts.forEach((f, i) => {
			const v = (pick as Record<string, string | null | undefined>)[String(i)];
			if (v !== null && v !== undefined) pairs.push([f.name, v]);
		});
		pairs.push(...extras);
		if (target.submit) pairs.push(target.submit);
		return { pairs, files: (files as (Submission['files'][number] | null)[]).filter((x) => x !== null) };
	});
}

// ---- encoding the way a hostile client can ----

/** UTF-8, except that a lone surrogate is written as its own three bytes (as WTF-8 does). */
function bytesOf(s: string): number[] {
	const out: number[] = [];
	for (let i = 0; i < s.length; i++) {
		let cp = s.charCodeAt(i);
		if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
			const lo = s.charCodeAt(i + 1);
			if (lo >= 0xdc00 && lo <= 0xdfff) {
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				i++;
			}
		}
		if (cp < 0x80) out.push(cp);
		else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
		else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
		else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
	}
	return out;
}

const percent = (s: string) => bytesOf(s).map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) && b < 0x80 ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0'))).join('');

/** The body and its content type, as a browser would send the form, but byte for byte what was chosen. */
export function encode(target: FormTarget, s: Submission): { body: Buffer; type: string } {
	if (!target.multipart) return { body: Buffer.from(s.pairs.map(([k, v]) => `${percent(k)}=${percent(v)}`).join('&')), type: 'application/x-www-form-urlencoded' };
	const boundary = '----fuzz' + Math.random().toString(36).slice(2);
	const parts: Buffer[] = [];
	for (const [k, v] of s.pairs) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/"/g, '%22')}"\r\n\r\n`), Buffer.from(bytesOf(v)), Buffer.from('\r\n'));
	for (const f of s.files)
		parts.push(
			Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="`),
			Buffer.from(bytesOf(f.filename.replace(/"/g, '%22'))),
			Buffer.from(`"\r\nContent-Type: ${f.type || 'application/octet-stream'}\r\n\r\n`),
			Buffer.from(f.bytes),
			Buffer.from('\r\n')
		);
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}
