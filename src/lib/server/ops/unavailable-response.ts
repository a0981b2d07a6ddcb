import { m } from '#lib/paraglide/messages.js';
import { extractLocaleFromRequest } from '#lib/paraglide/runtime.js';

/** Seconds a client is asked to wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 15;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The answer while the database is unreachable: the API's documented error shape
 * (`{ error: { code, message } }`) for /api/v1/*, otherwise a short page in the reader's language.
 * Both say when to come back (Retry-After) and are never cached.
 */
export function unavailableResponse(request: Request): Response {
	const url = new URL(request.url);
	let locale: 'en' | 'es' | 'fr' = 'en';
	try {
		locale = extractLocaleFromRequest(request);
	} catch {
		// A malformed cookie or header still gets an answer, in English.
	}
	const headers = new Headers({ 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
	if (url.pathname.startsWith('/api/')) {
		headers.set('Content-Type', 'application/json; charset=utf-8');
		return new Response(JSON.stringify({ error: { code: 'UNAVAILABLE', message: m.ops_unavailable_api({}, { locale }) } }), { status: 503, headers });
	}
	const title = escapeHtml(m.ops_unavailable_title({}, { locale }));
	const body = escapeHtml(m.ops_unavailable_body({}, { locale }));
	const again = escapeHtml(m.ops_unavailable_home({}, { locale }));
	// Only this page's own inline style may apply; no script, no external resource.
	headers.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
	headers.set('Content-Type', 'text/html; charset=utf-8');
	const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Support Hub</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;margin:0;padding:2rem 1rem;color:#1f2937;background:#f8fafc}main{max-width:36rem;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:.5rem;padding:1.5rem}h1{font-size:1.5rem;margin:0 0 .5rem}a{color:#1d4ed8}</style>
</head><body><main><h1>${title}</h1><p>${body}</p><p><a href="${escapeHtml(url.pathname + url.search)}">${again}</a></p></main></body></html>`;
	return new Response(request.method === 'HEAD' ? null : html, { status: 503, headers });
}
