const PROBE = 'http://hub.invalid';

/**
 * Only same-site paths are followed after a form, so a link cannot send people elsewhere.
 * Browsers drop tabs and line breaks from a Location and read `\` as `/`, so `/%09/evil.example`
 * or `/\evil.example` would leave the site: such values, also once or twice percent-decoded,
 * fall back to a safe page. A control character would also make the Location header invalid.
 */
export function safeNext(value: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
	const v = typeof value === 'string' ? value : '';
	if (!v.startsWith('/') || v.length > 2048) return fallback;
	let decoded = v;
	for (let i = 0; i < 3; i++) {
		let d: string;
		try {
			d = decodeURIComponent(decoded);
		} catch {
			return fallback;
		}
		if (d === decoded) break;
		decoded = d;
	}
	for (const s of [v, decoded])
		// eslint-disable-next-line no-control-regex
		if (/[\u0000-\u001F\u007F\\]/.test(s) || s.startsWith('//') || !s.startsWith('/')) return fallback;
	const url = new URL(v, PROBE);
	return url.origin === PROBE ? url.pathname + url.search + url.hash : fallback;
}
