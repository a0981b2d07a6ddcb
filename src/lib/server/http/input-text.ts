// What no field of the hub may hold, whatever the field: PostgreSQL refuses NUL in text, and other
// C0 controls, DEL and lone UTF-16 surrogates are never typed by a person — they only come from a
// hostile or broken client. Tab, line feed and carriage return stay: multi-line text needs them.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasForbiddenText = (s: string) => new RegExp(CONTROLS.source).test(s) || LONE_SURROGATE.test(s);

/** Form text with the controls removed and any lone surrogate replaced by the replacement character. */
export const cleanText = (s: string) => s.replace(CONTROLS, '').toWellFormed();

/**
 * A field named `__proto__`: no form or API field of the hub has that name, and a route that echoes
 * what was posted back to its page cannot send an object holding it (SvelteKit refuses to serialise
 * it, a 500 before this). Forms lose such fields at the edge; JSON holding one is refused.
 */
export const isPrototypeKey = (k: string) => k === '__proto__';

/** The first place in a parsed JSON value where a key or a string holds forbidden text, as a dotted path. */
export function findForbiddenText(value: unknown, path = ''): string | null {
	if (typeof value === 'string') return hasForbiddenText(value) ? path || '_body' : null;
	if (!value || typeof value !== 'object') return null;
	for (const [k, v] of Object.entries(value)) {
		const here = path ? `${path}.${k}` : k;
		if (hasForbiddenText(k) || isPrototypeKey(k)) return here;
		const found = findForbiddenText(v, here);
		if (found) return found;
	}
	return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

/** Route parameters that name a record (`id`, `personId`, …): every record id in the hub is a UUID. */
export const isIdParam = (name: string) => name === 'id' || /[a-z]Id$/.test(name);

/**
 * A page number from a query string: absurd values (`1e309`, `-1`, `abc`) become the nearest
 * sensible page instead of reaching the database as Infinity or NaN.
 */
export function pageNumber(raw: string | null, max = 100000): number {
	const n = Math.trunc(Number(raw));
	return Number.isFinite(n) ? Math.min(max, Math.max(1, n)) : 1;
}
