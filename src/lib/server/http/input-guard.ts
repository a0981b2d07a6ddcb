import { error, json, redirect } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { m } from '#lib/paraglide/messages.js';
import { cleanText, findForbiddenText, hasForbiddenText, isIdParam, isPrototypeKey, isUuid } from './input-text.ts';

/** Form and JSON bodies larger than this are refused before anything parses them (uploads are multipart). */
export const TEXT_BODY_LIMIT = 1024 * 1024;

const isApi = (path: string) => path.startsWith('/api/');
const apiError = (status: number, code: string, message: string, fields?: Record<string, string[]>) =>
	json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status });

function refuse(path: string, status: 400 | 404 | 413, field?: string): never | Response {
	const message = status === 404 ? m.e_not_found() : status === 413 ? m.hardening_body_too_large() : m.hardening_input_refused();
	if (isApi(path)) {
		const code = status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INVALID_INPUT';
		return apiError(status, code, message, field ? { [field]: [m.hardening_input_refused()] } : undefined);
	}
	error(status, message);
}

/**
 * The event is a plain object that the later hooks and the route read their request from; its type
 * says read-only only to stop accidents. Replacing it here is how a cleaned body reaches them.
 */
export function replaceRequest(event: { request: Request }, request: Request) {
	(event as { request: Request }).request = request;
}

/** The request again, with a new body; headers that described the old body are dropped. */
function withBody(request: Request, body: BodyInit): Request {
	const headers = new Headers(request.headers);
	headers.delete('content-length');
	if (body instanceof FormData) headers.delete('content-type');
	return new Request(request.url, { method: request.method, headers, body, signal: request.signal });
}

/**
 * The one place where what no field may hold is stopped, before any route or the auth library
 * sees it: a NUL makes PostgreSQL refuse the value (a 500 before this), a malformed id reaches a
 * uuid column, a huge form ties up the server. Forms are cleaned (what a person typed is kept,
 * the invisible controls go); JSON is refused with the API's error shape, naming the field, since
 * an API client should learn that it sent something wrong.
 */
export const guardInput: Handle = async ({ event, resolve }) => {
	const { url, request } = event;
	const path = url.pathname;

	// Ids in the path: `/calls/%00`, `/api/v1/registrations/-1` are simply not found.
	if (hasForbiddenText(decodeSafely(path))) return refuse(path, 404);
	for (const [name, value] of Object.entries(event.params))
		if (typeof value === 'string' && isIdParam(name) && !isUuid(value)) return refuse(path, 404);

	// A query with controls: a page is asked again without them, anything else is refused.
	if ([...url.searchParams].some(([k, v]) => hasForbiddenText(k) || hasForbiddenText(v))) {
		if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(path, 400);
		const clean = new URLSearchParams([...url.searchParams].map(([k, v]) => [cleanText(k), cleanText(v)]));
		redirect(303, `${path}?${clean}`);
	}

	if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return resolve(event);
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	const declared = Number(request.headers.get('content-length') ?? 0);
	const textual = type === 'application/x-www-form-urlencoded' || type === 'application/json' || type === 'text/plain';
	if (textual && declared > TEXT_BODY_LIMIT) return refuse(path, 413);

	if (type === 'application/x-www-form-urlencoded') {
		const text = await request.text();
		if (text.length > TEXT_BODY_LIMIT) return refuse(path, 413);
		const form = new URLSearchParams(text);
		const dirty = [...form].some(([k, v]) => hasForbiddenText(k) || hasForbiddenText(v) || isPrototypeKey(k));
		const cleaned = [...form].map(([k, v]) => [cleanText(k), cleanText(v)]).filter(([k]) => !isPrototypeKey(k));
		const body = dirty ? new URLSearchParams(cleaned).toString() : text;
		replaceRequest(event, withBody(request, body));
	} else if (type === 'multipart/form-data') {
		// Only text fields are judged; files are the upload capability's business (type and size rules).
		const form = await request.clone().formData().catch(() => null);
		// A body that is not the multipart it says it is (no boundary, a wrong one, cut short).
		if (!form) return refuse(path, 400);
		if ([...form].some(([k, v]) => hasForbiddenText(k) || isPrototypeKey(k) || (typeof v === 'string' && hasForbiddenText(v)))) {
			const clean = new FormData();
			for (const [k, v] of form) if (!isPrototypeKey(cleanText(k))) clean.append(cleanText(k), typeof v === 'string' ? cleanText(v) : v);
			replaceRequest(event, withBody(request, clean));
		}
	} else if (type === 'application/json' || (isApi(path) && type === '')) {
		const text = await request.text();
		if (text.length > TEXT_BODY_LIMIT) return refuse(path, 413);
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			parsed = undefined; // the handler answers malformed JSON in its own words
		}
		const bad = findForbiddenText(parsed);
		if (bad) return refuse(path, 400, bad);
		replaceRequest(event, withBody(request, text));
	}
	return resolve(event);
};

function decodeSafely(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		return '\u0000'; // a malformed escape is as much "not a page" as a NUL
	}
}
