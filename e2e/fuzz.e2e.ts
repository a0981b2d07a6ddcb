// Property-based fuzzing of every JSON API operation the OpenAPI document lists, against the real
// server: bodies, path ids and query values are derived from each operation's own schema (the
// very zod schemas the forms validate with), mixed with what a hostile client sends (NUL, lone
// surrogates, absurd numbers, ids that are not ids, wrong types). Properties: no answer is a 5xx,
// and a refused write leaves the record as it was. Bounded: FUZZ_RUNS cases per operation
// (default 6) and a time limit per operation, so the file stays well under two minutes.
import fc from 'fast-check';
import type { APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, DEMO_PASSWORD, demo, signIn, uniqueWord, useHub } from './helpers.ts';

type Schema = { type?: string | string[]; enum?: unknown[]; properties?: Record<string, Schema>; items?: Schema; $ref?: string; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[] };
type Operation = { parameters?: { name: string; in: string; schema?: Schema }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
type Doc = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const TIME_PER_OPERATION_MS = 2500;

const hubs = useHub();
let api: APIRequestContext;
let doc: Doc;
const fiveHundreds: string[] = [];

beforeAll(async () => {
	const page = await hubs.current.newPage();
	await signIn(page, demo('admin'), DEMO_PASSWORD);
	api = page.request;
	doc = await (await fetch(`${baseURL}/api/openapi.json`)).json();
});
afterAll(() => expect(fiveHundreds, 'answers of 5xx').toEqual([]));

const hostile = fc.constantFrom<unknown>(
	'\u0000', 'a\u0000b', 'x\ud800y', '\udfff', '1e309', '-1', '__proto__', 'constructor', 'not-a-uuid', '   ', '\r\n\t',
	'<script>alert(1)</script>', "'; drop table users; --", 'é'.repeat(300), '9'.repeat(400), 'x'.repeat(5000),
	1e308, -1, 0, 2 ** 53, -(2 ** 31) - 1, 3.5, true, null, [], {}, { __proto__: { admin: true } }
);
const anything: fc.Arbitrary<unknown> = fc.oneof(hostile, fc.string({ maxLength: 40 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean());

function resolve(s: Schema | undefined): Schema {
	if (!s) return {};
	if (s.$ref) return resolve(doc.components?.schemas?.[s.$ref.split('/').pop()!]);
	return s;
}

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
	return fc.oneof({ weight: 3, arbitrary: typed }, { weight: 1, arbitrary: hostile });
}

function objectFor(s: Schema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
	const props = resolve(s).properties ?? {};
	const entries = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valueFor(v, depth)]));
	return fc.record(entries, { requiredKeys: [] });
}

const pathValue = fc.oneof(fc.uuid(), fc.constantFrom('not-a-uuid', '-1', '__proto__', '%00', '1e309', '0', 'x'.repeat(300)));

function requestFor(path: string, op: Operation) {
	const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
	const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
	const body = op.requestBody?.content?.['application/json']?.schema;
	return fc.record({
		params: fc.tuple(...pathParams.map(() => pathValue)),
		query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, valueFor(p.schema).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)))])), { requiredKeys: [] }),
		body: body ? fc.oneof({ weight: 4, arbitrary: objectFor(body) }, { weight: 1, arbitrary: anything }) : fc.constant(undefined)
	}).map(({ params, query, body }) => {
		let url = path;
		pathParams.forEach((name, i) => (url = url.replace(`{${name}}`, encodeURIComponent(params[i] as string))));
		const qs = new URLSearchParams(query as Record<string, string>).toString();
		// JSON.stringify keeps lone surrogates as escapes, as a hostile client would send them.
		return { url: baseURL + url + (qs ? `?${qs}` : ''), body: body === undefined ? undefined : JSON.stringify(body) };
	});
}

async function send(method: string, req: { url: string; body?: string }) {
	const res = await api.fetch(req.url, { method, data: req.body, headers: { origin: baseURL, 'content-type': 'application/json' }, maxRedirects: 0 });
	if (res.status() >= 500) fiveHundreds.push(`${method.toUpperCase()} ${req.url} ${req.body?.slice(0, 200) ?? ''} → ${res.status()}`);
	return res;
}

describe('every API operation, fuzzed from its own schema', () => {
	it('no answer is a 5xx', { timeout: 110_000 }, async () => {
		const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
		expect(ops.length).toBeGreaterThan(20);
		for (const { path, method, op } of ops) {
			await fc.assert(
				fc.asyncProperty(requestFor(path, op), async (req) => {
					const res = await send(method, req);
					return res.status() < 500;
				}),
				{ numRuns: RUNS, interruptAfterTimeLimit: TIME_PER_OPERATION_MS, markInterruptAsFailure: false, endOnFailure: true }
			);
		}
	});

	it('a refused update leaves the organisation exactly as it was', { timeout: 60_000 }, async () => {
		const word = uniqueWord();
		const created = await api.post(`${baseURL}/api/v1/organisations`, {
			data: { name: `Fuzz ${word}`, kind: 'media', country: 'BR', region: 'latin_america_caribbean', languages: ['pt'], description: `Fuzzed ${word}` },
			headers: { origin: baseURL }
		});
		expect(created.status()).toBe(201);
		const id = (await created.json()).id as string;
		const read = async () => (await api.get(`${baseURL}/api/v1/organisations/${id}`)).json();
		let current = await read();
		const patch = doc.paths['/api/v1/organisations/{id}'].patch.requestBody!.content!['application/json'].schema!;
		let refused = 0;
		await fc.assert(
			fc.asyncProperty(objectFor(patch), async (body) => {
				const res = await send('patch', { url: `${baseURL}/api/v1/organisations/${id}`, body: JSON.stringify(body) });
				const after = await read();
				if (res.status() >= 400) {
					refused++;
					expect(after).toEqual(current);
				}
				current = after;
			}),
			{ numRuns: RUNS * 5, interruptAfterTimeLimit: 40_000, markInterruptAsFailure: false }
		);
		expect(refused, 'some fuzzed updates were refused').toBeGreaterThan(0);
	});
});
