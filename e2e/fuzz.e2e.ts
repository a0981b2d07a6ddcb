// Property-based fuzzing of every HTML form action and every JSON API operation, against the
// built hub on each database engine (embedded PGlite and PostgreSQL): a hub of the journey's own,
// seeded with the demo, whose every table notes each row it changes, and which runs no background
// jobs, so that every change is a request's doing.
//
// Forms: the route tree says which actions exist; crawling the hub as a visitor and as each demo
// role finds the rendered forms (fields, types, choices, hidden ids); each action is posted
// FUZZ_RUNS times with values derived from its fields, mixed with what a hostile client sends (NUL
// and other controls, lone surrogates as raw bytes, over-long text, ids that are not ids, huge
// numbers, repeated fields, prototype keys, odd files). An action whose form the demo never shows
// is posted at its page's address with the field names its route uses; an action on a route no
// page leads to fails the journey, unless only a personal link (a mailed token) leads there.
// API: bodies, path ids and queries derived from the OpenAPI document's schemas (the same zod
// schemas), the same hostile values. Properties: no answer is a 5xx, and no refused request (4xx)
// changes a record. Bounded: FUZZ_RUNS cases per action or operation, and a time budget for each.
// Also here, on the same hubs: the upload and invitation limits, through every route that takes a
// file or sends an invitation, with a new X-Forwarded-For on every request.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import pg from 'pg';
import { request, type APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTACT_TOPICS } from '../src/lib/contact/codes.ts';
import { openPglite, openPostgres, type Database } from '../src/lib/server/db/client.ts';
import { agreements, memberships } from '../src/lib/server/directory/schema.ts';
import { startApplication } from '../src/lib/server/grants/start-application.ts';
import { MINI_GRANT_CALL } from '../src/lib/server/grants/programmes.ts';
import { loadActor } from '../src/lib/server/identity/load-actor.ts';
import { LIMITS } from '../src/lib/server/identity/rate-limit.ts';
import { users } from '../src/lib/server/identity/schema.ts';
import { ELIGIBLE_MINI, makeCall } from '../src/lib/server/seed/grants-factories.ts';
import { seedDemoIfEmpty } from '../src/lib/server/seed/seed-demo.ts';
import type { CallDefinition } from '../src/lib/validation/grants.ts';
import { DEMO_PASSWORD, demo } from './helpers.ts';
import { encode, formsIn, linksIn, pages, routeOf, sourceActions, sourceFieldNames, submissionFor, type Field, type FormTarget } from './fuzz-forms.ts';
import { postgresAdminUrl, postgresReachable, startOwnHub, stopOwnHub, type OwnHub } from './own-hub.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 5);
const TIME_PER_ACTION_MS = 1500;
const PAGES_PER_ROUTE = 2;
const PAGES_PER_ROUTE_WANTED = 8;
const PAGES_PER_IDENTITY = 250;
/** Who crawls the hub, in this order; each form is fuzzed as the first one who sees it. */
const IDENTITIES = ['visitor', 'partner', 'reviewer', 'external', 'finance', 'officer', 'admin'] as const;
type Who = (typeof IDENTITIES)[number];
const adminUrl = postgresAdminUrl;

/**
 * Actions only a personal link (a token sent by mail) leads to: no page of the demo renders their
 * form, so they are fuzzed at an address with a made-up token and the field names of their page.
 */
const REACHED_ONLY_BY_PERSONAL_LINK = new Set(['/invitations/[token]', '/events/registrations/[token]', '/reset-password', '/settings/email/verify', '/sign-in/two-factor']);

/**
 * Bookkeeping a refused request may rightly write: counting the attempt is how limits work, and
 * reading a page keeps the session alive. (The hub runs without its background jobs, JOBS=off, so
 * every other change is a request's doing.)
 */
const BOOKKEEPING = new Set(['rate_limits', 'session', 'sessions']);

/**
 * Actions that do two things by design and may refuse the second after the first: "submit" on an
 * application saves the draft (answers and files, checked first) and then submits it; a submission
 * refused as incomplete keeps the saved draft, as the page says.
 */
const SAVES_BEFORE_JUDGING = new Set(['/grants/applications/[id]/edit ?/submit']);

/** The forms that store a file, all checked against the per-person upload limit below. */
const LIMITED_UPLOADS = ['/library/new ?/default', '/library/[id]/edit ?/default', '/directory/[id]/agreements/[agreementId] ?/upload', '/grants/applications/[id]/edit ?/save', '/grants/applications/[id]/edit ?/submit'];
/** Forms that post a file only to read it (an import), storing none of it. */
const FILES_NOT_STORED = ['/insight/country-context ?/import'];

/** Forms that end the session or the account go last, so the rest are fuzzed signed in. */
const LAST = ['/sign-out', '/settings/sessions', '/settings/data', '/settings/security', '/settings/password', '/settings/email', '/admin/users/[id]/erase', '/admin/users'];
const order = (t: FormTarget) => LAST.findIndex((r) => t.route === r) + 1;


/** Every public table notes each row a statement inserts, updates or deletes, with the time. */
async function noteChanges(database: Database) {
	const { db } = database;
	await db.execute(sql.raw(`CREATE TABLE fuzz_changes (at timestamptz NOT NULL DEFAULT clock_timestamp(), tbl text NOT NULL, op text NOT NULL)`));
	await db.execute(
		sql.raw(`CREATE FUNCTION fuzz_note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO fuzz_changes (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$`)
	);
	const tables = (await db.execute(sql.raw(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'fuzz_changes'`))) as unknown as { rows?: { tablename: string }[] } & { tablename: string }[];
	for (const { tablename } of tables.rows ?? tables)
		await db.execute(sql.raw(`CREATE TRIGGER fuzz_note AFTER INSERT OR UPDATE OR DELETE ON "${tablename}" FOR EACH ROW EXECUTE FUNCTION fuzz_note()`));
}

type Fixtures = { applicationId: string; agreementUrl: string; partnerOrganisationId: string; otherOrganisationId: string };

/**
 * The demo has no call that asks for a file: the journey adds one, open, and a draft of the
 * partner's organisation on it, so that the answer-file form is rendered, fuzzed and limited too.
 */
async function addWhatTheDemoLacks(db: Database['db']): Promise<Fixtures> {
	const def = structuredClone(MINI_GRANT_CALL) as CallDefinition & { stages: { form: { sections: { fields: unknown[] }[] } }[] };
	def.slug = 'fuzz-with-a-file';
	def.stages[0].form.sections[0].fields.push({ id: 'plan_doc', type: 'file', maxBytes: 200_000, label: { en: 'Campaign plan', es: 'Plan de campaña', fr: 'Plan de campagne' } });
	const call = await makeCall(db, def);
	const [partner] = await db.select({ id: users.id }).from(users).where(eq(users.email, demo('partner')));
	const [own] = await db.select({ organisationId: memberships.organisationId }).from(memberships).where(and(eq(memberships.userId, partner.id), eq(memberships.role, 'owner')));
	const applicant = await loadActor(db, partner.id, 'session');
	const application = await startApplication(db, applicant, { callId: call.id, organisationId: own.organisationId, screener: ELIGIBLE_MINI });
	const [agreement] = await db.select({ id: agreements.id, organisationId: agreements.organisationId }).from(agreements).limit(1);
	return {
		applicationId: application.id,
		agreementUrl: `/directory/${agreement.organisationId}/agreements/${agreement.id}`,
		partnerOrganisationId: own.organisationId,
		otherOrganisationId: agreement.organisationId
	};
}

type Prepared = { env: Record<string, string>; open: () => Database; cleanup: () => Promise<void> };

async function prepare(engine: 'pglite' | 'postgres'): Promise<Prepared> {
	if (engine === 'pglite') {
		const dir = mkdtempSync(join(tmpdir(), 'sh-fuzz-'));
		return { env: { DATA_DIR: dir }, open: () => openPglite(dir), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
	}
	const name = `sh_fuzz_${process.pid}_${randomBytes(3).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		env: { DATABASE_URL: url.toString() },
		open: () => openPostgres(url.toString(), 2),
		cleanup: async () => {
			const a = new pg.Client({ connectionString: adminUrl });
			await a.connect();
			await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await a.end();
		}
	};
}

/**
 * Runs `cases` values of the arbitrary one after another, stopping early (after at least one)
 * once `budgetMs` has passed. Not fast-check's own time limit: it leaves the running request
 * behind while the next one starts, and two requests at once blur which one changed a record.
 * FUZZ_SEED repeats a run; the seed is printed when a property fails. Run by hand, each run draws
 * a new seed and so explores new cases; CI (`CI` set) uses one fixed seed, so that a run that
 * decides whether work lands is repeatable, and a case found by hand becomes a test of its own.
 */
const CI_SEED = 1767241815;
const SEED = Number(process.env.FUZZ_SEED ?? (process.env.CI ? CI_SEED : Math.floor(Math.random() * 2 ** 31)));
let drawn = 0;
async function forEachCase<T>(arbitrary: fc.Arbitrary<T>, cases: number, budgetMs: number, run: (value: T) => Promise<void>) {
	const deadline = Date.now() + budgetMs;
	const values = fc.sample(arbitrary, { numRuns: cases, seed: SEED + drawn++ });
	for (const [i, value] of values.entries()) {
		if (i > 0 && Date.now() > deadline) break;
		await run(value);
	}
}

/** The wall clock, as the database's `clock_timestamp()` reads it (the same host). */
const clock = () => Date.now();
type Sent = { from: number; to: number; what: string; action: string; refused: boolean };


// ---- the JSON API, from its OpenAPI document ----

type Schema = { type?: string | string[]; enum?: unknown[]; properties?: Record<string, Schema>; items?: Schema; $ref?: string; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[] };
type Operation = { parameters?: { name: string; in: string; schema?: Schema }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
type Doc = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

const hostileJson = fc.constantFrom<unknown>(
	'\u0000', 'a\u0000b', 'x\ud800y', '\udfff', '1e309', '-1', '__proto__', 'constructor', 'not-a-uuid', '   ', '\r\n\t',
	'<script>alert(1)</script>', "'; drop table users; --", 'é'.repeat(300), '9'.repeat(400), 'x'.repeat(5000),
	1e308, -1, 0, 2 ** 53, -(2 ** 31) - 1, 3.5, true, null, [], {}, { __proto__: { admin: true } }
);
const anything: fc.Arbitrary<unknown> = fc.oneof(hostileJson, fc.string({ maxLength: 40 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean());

function apiArbitraries(doc: Doc) {
	const resolve = (s: Schema | undefined): Schema => (!s ? {} : s.$ref ? resolve(doc.components?.schemas?.[s.$ref.split('/').pop()!]) : s);
	/** Values shaped like the schema most of the time, and hostile ones in between. */
	function valueFor(raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
		const s = resolve(raw);
		const alternatives = s.anyOf ?? s.oneOf;
		let typed: fc.Arbitrary<unknown>;
		if (alternatives?.length) typed = fc.oneof(...alternatives.map((a) => valueFor(a, depth)));
		else if (s.enum?.length) typed = fc.constantFrom(...s.enum);
		else {
			const type = Array.isArray(s.type) ? s.type[0] : s.type;
			if (type === 'string') typed = fc.oneof(fc.string({ maxLength: 60 }), fc.uuid(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
			else if (type === 'integer' || type === 'number') typed = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
			else if (type === 'boolean') typed = fc.boolean();
			else if (type === 'array') typed = depth > 2 ? fc.constant([]) : fc.array(valueFor(s.items, depth + 1), { maxLength: 3 });
			else if (type === 'object' || s.properties) typed = depth > 2 ? fc.constant({}) : objectFor(s, depth + 1);
			else typed = anything;
		}
		return fc.oneof({ weight: 3, arbitrary: typed }, { weight: 1, arbitrary: hostileJson });
	}
	function objectFor(s: Schema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
		const props = resolve(s).properties ?? {};
		return fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valueFor(v, depth)])), { requiredKeys: [] });
	}
	const pathValue = fc.oneof(fc.uuid(), fc.constantFrom('not-a-uuid', '-1', '__proto__', '%00', '1e309', '0', 'x'.repeat(300)));
	function requestFor(path: string, op: Operation) {
		const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
		const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
		const body = op.requestBody?.content?.['application/json']?.schema;
		return fc
			.record({
				params: fc.tuple(...pathParams.map(() => pathValue)),
				query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, valueFor(p.schema).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)))])), { requiredKeys: [] }),
				body: body ? fc.oneof({ weight: 4, arbitrary: objectFor(body) }, { weight: 1, arbitrary: anything }) : fc.constant(undefined),
				proto: fc.boolean()
			})
			.map(({ params, query, body, proto }) => {
				let url = path;
				pathParams.forEach((name, i) => (url = url.replace(`{${name}}`, encodeURIComponent(params[i] as string))));
				const qs = new URLSearchParams(query as Record<string, string>).toString();
				// JSON.stringify keeps lone surrogates as escapes, as a hostile client would send them.
				let text = body === undefined ? undefined : JSON.stringify(body);
				// A literal `__proto__` key, which JSON.stringify cannot write from an object.
				if (proto && text?.startsWith('{')) text = `{"__proto__":{"role":"admin"}${text === '{}' ? '' : ','}${text.slice(1)}`;
				return { url: url + (qs ? `?${qs}` : ''), body: text };
			});
	}
	return { objectFor, requestFor };
}

// FUZZ_ENGINES=pglite (or postgres) runs one of the two, while working on the fuzz itself.
const only = process.env.FUZZ_ENGINES;
const engines = [
	['pglite', !only || only.includes('pglite')],
	['postgres', (!only || only.includes('postgres')) && (await postgresReachable())]
] as const;

describe.each(engines)('the hub on %s, fuzzed from outside', (engine, available) => {
	let prepared: Prepared;
	let hub: OwnHub;
	const contexts: Record<string, APIRequestContext> = {};
	const fiveHundreds: string[] = [];
	const sent: Sent[] = [];
	let fixtures: Fixtures;
	const answers: number[] = [];
	const targets = new Map<string, { who: Who; target: FormTarget }>();

	async function signIn(who: Exclude<Who, 'visitor'>) {
		const ctx = contexts[who];
		const res = await ctx.post('/sign-in', { form: { email: demo(who), password: DEMO_PASSWORD }, maxRedirects: 0 });
		expect(res.status(), `${who} signs in: ${(await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 600)}`).toBe(303);
	}

	beforeAll(async () => {
		if (!available) return;
		const started = clock();
		prepared = await prepare(engine);
		const database = prepared.open();
		await database.migrate();
		await seedDemoIfEmpty(database.db);
		fixtures = await addWhatTheDemoLacks(database.db);
		await noteChanges(database);
		await database.close();
		console.log(`[fuzz ${engine}] demo seeded in ${Math.round((clock() - started) / 1000)} s`);
		hub = await startOwnHub(`fuzz-${engine}`, { ...prepared.env, SEED_DEMO: 'never', JOBS: 'off', STAFF_TWO_FACTOR_ROLES: 'none', SIGN_IN_ATTEMPTS_PER_MINUTE: '1000' });
		for (const who of [...IDENTITIES, 'elsewhere', 'uploader'])
			contexts[who] = await request.newContext({ baseURL: hub.url, extraHTTPHeaders: { origin: hub.url, accept: 'text/html,application/xhtml+xml' } });
		for (const who of IDENTITIES) if (who !== 'visitor') await signIn(who);
		console.log(`[fuzz ${engine}] demo seeded and hub started in ${Math.round((clock() - started) / 1000)} s`);
		// The administrator is also signed in elsewhere, so that their sessions page has one to end.
		await contexts.elsewhere.post('/sign-in', { form: { email: demo('admin'), password: DEMO_PASSWORD }, maxRedirects: 0 });
		// A second officer, whom the fuzz leaves alone, spends the limits.
		await contexts.uploader.post('/sign-in', { form: { email: 'officer2@demo.supporthub.org', password: DEMO_PASSWORD }, maxRedirects: 0 });
	}, 180_000);

	afterAll(async () => {
		for (const ctx of Object.values(contexts)) await ctx.dispose();
		await stopOwnHub(hub);
		await prepared?.cleanup();
	});

	/** The errors the hub wrote to its log, to say why it answered 5xx. */
	const errorsLogged = () =>
		readFileSync(hub.log, 'utf8')
			.split('\n')
			.filter((l) => /"level":"error"|Error|error:/.test(l) && !/"status":[1-4]\d\d/.test(l))
			.slice(-20)
			.map((l) => l.slice(0, 1500))
			.join('\n');

	async function send(ctx: APIRequestContext, method: string, url: string, body: Buffer | string | undefined, type: string, what: string) {
		const from = clock();
		const res = await ctx.fetch(url, { method, data: body, headers: { 'content-type': type, ...(type === 'application/json' ? { accept: 'application/json' } : {}) }, maxRedirects: 0, timeout: 30_000 });
		const to = clock();
		const status = res.status();
		answers.push(status);
		const label = `${what} → ${status}`;
		if (status >= 500) fiveHundreds.push(`${label}: ${String(body ?? '').slice(0, 300)}`);
		sent.push({ from, to, what: label, action: what.slice(what.indexOf(' ') + 1), refused: status >= 400 && status < 500 });
		return res;
	}

	it.skipIf(!available)('finds every form action the routes declare on a page it can reach', { timeout: 150_000 }, async () => {
		const wanted = (route: string) => sourceActions.some((a) => a.route === route && !targets.has(`${a.route} ${a.action}`));
		const known = new Map<string, string>();
		const fieldsOf = new Map<string, Map<string, Field>>();
		const crawled: Record<string, number> = {};
		// The demo has no contact message yet: a visitor writes one, so that the inbox has a page to fuzz.
		const wrote = await contexts.visitor.post('/contact', { form: { topic: CONTACT_TOPICS[0], message: 'A question about the open calls, please.' }, maxRedirects: 0 });
		expect(wrote.status()).toBeLessThan(400);
		for (const who of IDENTITIES) {
			const ctx = contexts[who];
			const seen = new Map<string, number>();
			// Every page without parameters is a start; the rest are found through links and redirects.
			const queue = pages.filter((p) => p.params === 0).map((p) => p.id.replace(/\/\([^)]*\)/g, '') || '/');
			const visited = new Set<string>();
			while (queue.length && visited.size < PAGES_PER_IDENTITY && sourceActions.some((a) => !targets.has(`${a.route} ${a.action}`))) {
				const url = queue.shift()!;
				if (visited.has(url)) continue;
				visited.add(url);
				const res = await ctx.get(url, { maxRedirects: 0 });
				const pageUrl = new URL(url, hub.url).toString();
				const location = res.headers().location;
				const html = (res.headers()['content-type'] ?? '').includes('text/html') ? await res.text() : '';
				const page = routeOf(new URL(pageUrl).pathname);
				// A page that answers (or sends elsewhere, as an action-only route does) has a real address.
				if (page && res.status() < 400 && !known.has(page)) known.set(page, `${who} ${pageUrl}`);
				for (const target of formsIn(html, pageUrl)) {
					const key = `${target.route} ${target.action}`;
					if (!targets.has(key)) targets.set(key, { who, target });
					const fields = fieldsOf.get(target.route) ?? new Map<string, Field>();
					for (const f of target.fields) fields.set(f.name, f);
					fieldsOf.set(target.route, fields);
				}
				crawled[who] = visited.size;
				const links = linksIn(html, pageUrl);
				if (location) links.push(new URL(location, pageUrl).toString());
				for (const link of links) {
					const u = new URL(link);
					if (u.origin !== new URL(hub.url).origin) continue;
					const path = u.pathname + u.search;
					const route = routeOf(u.pathname);
					if (!route || visited.has(path)) continue;
					const n = seen.get(route) ?? 0;
					const wants = wanted(route);
					if (n >= (wants ? PAGES_PER_ROUTE_WANTED : PAGES_PER_ROUTE)) continue;
					seen.set(route, n + 1);
					// Pages whose forms are still missing are visited first.
					if (wants) queue.unshift(path);
					else queue.push(path);
				}
			}
		}
		const missing = sourceActions.filter((a) => !targets.has(`${a.route} ${a.action}`));
		// A page of the route was reached, but not in the state that shows this form (a second
		// factor not set up, no other session, …): the action is posted at that page's address
		// with the fields its route's forms and page source name.
		const unreached: string[] = [];
		// An action-only route under a reached page (`/calls/[slug]/apply` under `/calls/[slug]`) is at that page's address plus its own.
		const under = (route: string) => {
			const parent = [...known.keys()].filter((k) => route.startsWith(k + '/') && !/\[/.test(route.slice(k.length))).sort((x, y) => y.length - x.length)[0];
			if (!parent) return undefined;
			const [who, at] = known.get(parent)!.split(' ');
			const url = new URL(at);
			url.pathname = url.pathname.replace(/\/$/, '') + route.slice(parent.length).replace(/\/\([^)]*\)/g, '');
			return `${who} ${url}`;
		};
		for (const a of missing) {
			const page = known.get(a.route) ?? under(a.route);
			const personal = REACHED_ONLY_BY_PERSONAL_LINK.has(a.route);
			if (!page && !personal) {
				unreached.push(`${a.route} ?/${a.action}`);
				continue;
			}
			const [who, at] = (page ? page.split(' ') : ['visitor', new URL(a.route.replace(/\[\w+\]/g, 'fuzz' + randomBytes(8).toString('hex')), hub.url).toString()]) as [Who, string];
			const url = new URL(at);
			url.search = a.action === 'default' ? '' : `?/${a.action}`;
			const fields = new Map(fieldsOf.get(a.route) ?? []);
			for (const name of sourceFieldNames(a.route)) if (!fields.has(name)) fields.set(name, { name, kind: 'text', values: [] });
			const multipart = [...fields.values()].some((f) => f.kind === 'file');
			targets.set(`${a.route} ${a.action}`, { who, target: { route: a.route, action: a.action, url: url.toString(), multipart, fields: [...fields.values()] } });
		}
		const by = IDENTITIES.map((who) => `${who} ${[...targets.values()].filter((t) => t.who === who).length} of ${crawled[who]} pages`).join(', ');
		console.log(`[fuzz ${engine}] ${sourceActions.length} form actions: ${sourceActions.length - missing.length} on rendered forms, ${missing.length - unreached.length} by their page's address (${by})`);
		expect(unreached, 'form actions on routes no page of the demo leads to: the fuzz cannot reach them').toEqual([]);
	});

	it.skipIf(!available)('uploads and invitations are limited per person on every route that takes them, whatever X-Forwarded-For says', { timeout: 120_000 }, async () => {
		let n = 0;
		/** A new client address each time, in every header a proxy might set. */
		const elsewhere = () => {
			const ip = `198.51.${(n >> 8) & 255}.${n++ & 255}`;
			return { 'x-forwarded-for': ip, 'x-real-ip': ip, forwarded: `for=${ip}` };
		};
		const multipart = (fields: [string, string | { filename: string; bytes: Buffer }][]) => {
			const target: FormTarget = { route: '', action: '', url: '', multipart: true, fields: [] };
			const pairs = fields.filter((f): f is [string, string] => typeof f[1] === 'string');
			const files = fields.filter((f): f is [string, { filename: string; bytes: Buffer }] => typeof f[1] !== 'string').map(([name, f]) => ({ name, filename: f.filename, type: 'application/pdf', bytes: new Uint8Array(f.bytes) }));
			return encode(target, { pairs, files });
		};
		const pdf = () => ({ filename: 'plan.pdf', bytes: Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${randomBytes(8).toString('hex')}\n%%EOF\n`, 'latin1') });
		const post = async (ctx: APIRequestContext, url: string, body: { body: Buffer; type: string } | Record<string, string>) => {
			const res = await ctx.post(url, {
				...('type' in body && Buffer.isBuffer(body.body) ? { data: body.body as Buffer, headers: { 'content-type': body.type as string, ...elsewhere() } } : { form: body as Record<string, string>, headers: elsewhere() }),
				maxRedirects: 0
			});
			return { status: res.status(), retryAfter: res.headers()['retry-after'] };
		};
		const resource = () => multipart([['type', 'brief'], ['versions.en.title', `Brief ${randomBytes(4).toString('hex')}`], ['file.en', pdf()]]);

		// Every form with a file input the crawl found is one of these, so a new one cannot go unlimited.
		const withFiles = [...new Set([...targets.values()].filter((t) => t.target.fields.some((f) => f.kind === 'file')).map((t) => `${t.target.route} ?/${t.target.action}`))].sort();
		expect(withFiles, 'forms that post a file: add a new one to this test').toEqual([...LIMITED_UPLOADS, ...FILES_NOT_STORED].sort());

		// Uploads: every route that stores a file counts against one budget per person.
		const staff = contexts.uploader;
		const first = resource();
		const created = await staff.post('/library/new', { data: first.body, headers: { 'content-type': first.type }, maxRedirects: 0 });
		expect(created.status(), 'a library item with a file').toBe(303);
		const edit = `${created.headers().location}/edit`;
		const uploads: [string, () => { body: Buffer; type: string }][] = [
			['/library/new', resource],
			[edit, resource],
			[`${fixtures.agreementUrl}?/upload`, () => multipart([['file', pdf()]])]
		];
		for (let i = 1; i < LIMITS.uploads.max; i++) {
			const [url, body] = uploads[i % uploads.length];
			const r = await post(staff, url, body());
			expect(r.status, `upload ${i + 1} through ${url}`).toBeLessThan(400);
		}
		for (const [url, body] of uploads) {
			const r = await post(staff, url, body());
			expect(r.status, `one upload too many through ${url}`).toBe(429);
			expect(Number(r.retryAfter), `Retry-After through ${url}`).toBeGreaterThan(0);
		}
		// The partner's budget is their own: an answer file on their draft application, up to the limit.
		const answer = `/grants/applications/${fixtures.applicationId}/edit?/save`;
		for (let i = 0; i < LIMITS.uploads.max; i++) expect((await post(contexts.partner, answer, multipart([['a.plan_doc', pdf()]]))).status, `answer file ${i + 1}`).toBeLessThan(400);
		const over = await post(contexts.partner, answer, multipart([['a.plan_doc', pdf()]]));
		expect(over.status, 'one answer file too many').toBe(429);
		expect(Number(over.retryAfter)).toBeGreaterThan(0);

		// Invitations: the one route that sends them, per person.
		const invite = `/directory/${fixtures.otherOrganisationId}/members?/invite`;
		for (let i = 0; i < LIMITS.invitations.max; i++)
			expect((await post(staff, invite, { email: `invited-${i}-${randomBytes(3).toString('hex')}@example.org`, role: 'member' })).status, `invitation ${i + 1}`).toBeLessThan(400);
		const tooMany = await post(staff, invite, { email: `one-more-${randomBytes(3).toString('hex')}@example.org`, role: 'member' });
		expect(tooMany.status, 'one invitation too many').toBe(429);
		expect(Number(tooMany.retryAfter)).toBeGreaterThan(0);
		const someoneElse = await post(contexts.partner, `/directory/${fixtures.partnerOrganisationId}/members?/invite`, { email: `colleague-${randomBytes(3).toString('hex')}@example.org`, role: 'member' });
		expect(someoneElse.status, 'another person still invites').toBeLessThan(400);
	});

	it.skipIf(!available)('every API operation, fuzzed from its own schema: no answer is a 5xx', { timeout: 120_000 }, async () => {
		const api = contexts.admin;
		const doc: Doc = await (await api.get('/api/openapi.json')).json();
		const { requestFor } = apiArbitraries(doc);
		const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
		expect(ops.length).toBeGreaterThan(20);
		for (const { path, method, op } of ops) {
			await forEachCase(requestFor(path, op), RUNS, TIME_PER_ACTION_MS, async (req) => {
				await send(api, method.toUpperCase(), req.url, req.body, 'application/json', `${method.toUpperCase()} ${req.url.slice(0, 200)}`);
			});
		}
		expect(fiveHundreds, `answers of 5xx (FUZZ_SEED=${SEED}); the hub logged:\n${errorsLogged()}`).toEqual([]);
	});

	it.skipIf(!available)('a refused API update leaves the organisation exactly as it was', { timeout: 60_000 }, async () => {
		const api = contexts.admin;
		const doc: Doc = await (await api.get('/api/openapi.json')).json();
		const { objectFor } = apiArbitraries(doc);
		const created = await api.post('/api/v1/organisations', {
			data: { name: `Fuzz ${randomBytes(4).toString('hex')}`, kind: 'media', country: 'BR', region: 'latin_america_caribbean', languages: ['pt'], description: 'Fuzzed' }
		});
		expect(created.status()).toBe(201);
		const id = (await created.json()).id as string;
		const read = async () => (await api.get(`/api/v1/organisations/${id}`)).json();
		let current = await read();
		const patch = doc.paths['/api/v1/organisations/{id}'].patch.requestBody!.content!['application/json'].schema!;
		let refusedHere = 0;
		await forEachCase(objectFor(patch), RUNS * 4, 20_000, async (body) => {
			const res = await send(api, 'PATCH', `/api/v1/organisations/${id}`, JSON.stringify(body), 'application/json', `PATCH organisation`);
			const after = await read();
			if (res.status() >= 400) {
				refusedHere++;
				expect(after).toEqual(current);
			}
			current = after;
		});
		expect(refusedHere, 'some fuzzed updates were refused').toBeGreaterThan(0);
	});

	it.skipIf(!available)('every form action: no answer is a 5xx', { timeout: 240_000 }, async () => {
		expect(targets.size).toBeGreaterThan(80);
		const all = [...targets.values()].sort((a, b) => order(a.target) - order(b.target));
		for (const { who, target } of all) {
			const ctx = contexts[who];
			await forEachCase(submissionFor(target), RUNS, TIME_PER_ACTION_MS, async (s) => {
				const { body, type } = encode(target, s);
				const res = await send(ctx, 'POST', target.url, body, type, `${who} ${target.route} ?/${target.action}`);
				if (res.status() === 303 && (res.headers().location ?? '').startsWith('/sign-in') && who !== 'visitor') await signIn(who);
			});
		}
		const statuses = Object.entries(Object.groupBy(answers, (s) => String(s))).map(([k, v]) => `${k}×${v!.length}`).join(' ');
		console.log(`[fuzz ${engine}] ${answers.length} requests, answered ${statuses}`);
		expect(fiveHundreds, `answers of 5xx (FUZZ_SEED=${SEED}); the hub logged:\n${errorsLogged()}`).toEqual([]);
	});

	it.skipIf(!available)('no refused request changed a record', { timeout: 60_000 }, async () => {
		expect(sent.filter((r) => r.refused).length, 'some fuzzed requests were refused').toBeGreaterThan(20);
		// The embedded database has one user at a time: the hub stops before the journey reads it.
		await stopOwnHub(hub);
		hub = undefined as unknown as OwnHub;
		const database = prepared.open();
		try {
			const result = (await database.db.execute(sql.raw(`SELECT extract(epoch FROM at) * 1000 AS ms, tbl, op FROM fuzz_changes ORDER BY at`))) as unknown as { rows?: { ms: number; tbl: string; op: string }[] } & { ms: number; tbl: string; op: string }[];
			const changes = (result.rows ?? result).map((r) => ({ ...r, ms: Number(r.ms) }));
			const wrong: string[] = [];
			// Requests follow one another, so a change in the very millisecond one ends and the next
			// begins is not held against the next one.
			sent.forEach((r, i) => {
				if (!r.refused || SAVES_BEFORE_JUDGING.has(r.action)) return;
				const during = changes.filter((c) => c.ms > r.from + 1 && c.ms <= r.to && !BOOKKEEPING.has(c.tbl));
				if (during.length) wrong.push(`${r.what} (after ${sent[i - 1]?.what ?? 'nothing'}): ${[...new Set(during.map((c) => `${c.op} ${c.tbl}`))].join(', ')}`);
			});
			expect(wrong, `records changed by a refused request (FUZZ_SEED=${SEED})`).toEqual([]);
		} finally {
			await database.close();
		}
	});
});
