import { readdirSync, readFileSync as readFile, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.ts';

// Every JSON API route must be described in the OpenAPI document, with each of its methods, so
// that a capability cannot add an endpoint and forget its description.
const API_DIR = new URL('../../../routes/api/v1', import.meta.url).pathname;

function endpoints(dir: string): { path: string; methods: string[] }[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) return endpoints(full);
		if (name !== '+server.ts') return [];
		const route = '/api/v1/' + relative(API_DIR, dir).replace(/\[(\w+)\]/g, '{$1}');
		return [{ path: route, methods: [...readFile(full, 'utf8').matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1].toLowerCase()) }];
	});
}

describe('OpenAPI document', () => {
	const doc = openApiDocument() as unknown as { openapi: string; paths: Record<string, Record<string, unknown>> };
	it('is OpenAPI 3', () => expect(doc.openapi).toMatch(/^3\./));
	for (const { path, methods } of endpoints(API_DIR)) {
		it(`describes ${path} (${methods.join(', ')})`, () => {
			expect(Object.keys(doc.paths[path] ?? {}).sort()).toEqual(methods.sort());
		});
	}
	it('uses the forms’ own schemas for request bodies', () => {
		const post = doc.paths['/api/v1/organisations'].post as { requestBody: { content: Record<string, { schema: { properties?: Record<string, unknown>; $ref?: string } }> } };
		expect(post.requestBody.content['application/json'].schema).toBeDefined();
	});
});
