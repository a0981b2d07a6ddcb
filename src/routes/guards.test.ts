import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every load, action and API handler must decide who is asking before doing anything. This
// test reads each server route module and fails when a handler has no guard, so a new page or
// endpoint cannot forget it. A route meant for everyone says so with a `// Public:` comment.

const ROOT = new URL('.', import.meta.url).pathname;
const GUARD = /\b(requireUser|requireStaff|requireRole|requireSignedIn)\(/g;

function routeFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return routeFiles(path);
		return /^\+(page|layout)\.server\.ts$|^\+server\.ts$/.test(name) ? [path] : [];
	});
}

const files = routeFiles(ROOT).map((path) => ({ path: relative(ROOT, path), source: readFileSync(path, 'utf8') }));
const isPublic = (source: string) => /^\/\/ Public:/m.test(source);

describe('every server route checks who is asking', () => {
	it('finds the route modules', () => {
		expect(files.length).toBeGreaterThan(20);
	});

	for (const { path, source } of files.filter((f) => f.path.endsWith('+server.ts') && !isPublic(f.source))) {
		it(`${path}: each HTTP handler is guarded`, () => {
			const handlers = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b[^=]*=\s*(\w+)/g)];
			expect(handlers.length).toBeGreaterThan(0);
			for (const [, method, wrapper] of handlers) {
				// The handler runs up to the next export (or the end of the module), whatever wraps it.
				const body = source.slice(source.indexOf(`export const ${method}`));
				const next = body.indexOf('\nexport ', 1);
				const guarded = wrapper === 'api' || GUARD.test(next === -1 ? body : body.slice(0, next));
				GUARD.lastIndex = 0;
				expect(guarded, `${method} in ${path} has no guard`).toBe(true);
			}
		});
	}

	for (const { path, source } of files.filter((f) => f.path.endsWith('.server.ts') && !isPublic(f.source))) {
		it(`${path}: the load and every action are guarded`, () => {
			const handlers = (source.match(/export const load\b/g) ?? []).length + (source.match(/^\t\w+: async \(/gm) ?? []).length;
			const guards = (source.match(GUARD) ?? []).length;
			expect(handlers).toBeGreaterThan(0);
			expect(guards, `${path}: ${handlers} handlers but ${guards} guards`).toBeGreaterThanOrEqual(handlers);
		});
	}

	it('public routes are only the ones meant for visitors', () => {
		const publicRoutes = files.filter((f) => isPublic(f.source)).map((f) => f.path).sort();
		expect(publicRoutes).toEqual([
			'+layout.server.ts',
			'+page.server.ts',
			'api/openapi.json/+server.ts',
			'calls/+page.server.ts',
			'calls/[slug]/+page.server.ts',
			'contact/+page.server.ts',
			'events/+page.server.ts',
			'events/[id]/+page.server.ts',
			'events/calendar.ics/+server.ts',
			'events/registrations/[token]/+page.server.ts',
			'events/registrations/[token]/calendar.ics/+server.ts',
			'events/time-zone/+page.server.ts',
			'faq/+page.server.ts',
			'forgot-password/+page.server.ts',
			'healthz/+server.ts',
			'invitations/[token]/+page.server.ts',
			'language/+page.server.ts',
			'library/+page.server.ts',
			'library/[id]/+page.server.ts',
			'library/[id]/file/+server.ts',
			'metrics/+server.ts',
			'open-data/360giving.csv/+server.ts',
			'open-data/360giving.json/+server.ts',
			'partners.json/+server.ts',
			'partners/+page.server.ts',
			'register/+page.server.ts',
			'reset-password/+page.server.ts',
			'settings/email/verify/+page.server.ts',
			'sign-in/+page.server.ts',
			'sign-in/passkey/+server.ts',
			'sign-in/passkey/options/+server.ts',
			'sign-in/two-factor/+page.server.ts',
			'sign-out/+page.server.ts',
			'sign-up/+page.server.ts'
		]);
	});
});
