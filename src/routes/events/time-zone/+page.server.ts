// Public: visitors choose the zone event times are shown in; the page holds no personal data.
import { isTimeZone } from '#lib/server/i18n.ts';
import { currentZoneName } from '#lib/time-zones.ts';
import type { PageServerLoad } from './$types';

export const csr = false;

/**
 * The list of time zones, on a page of its own so event pages need not carry it. Its address
 * names the current zone and the page to return to, so the browser may keep it for a day.
 */
export const load: PageServerLoad = ({ url, setHeaders }) => {
	const asked = url.searchParams.get('zone') ?? 'UTC';
	const zone = isTimeZone(asked) ? currentZoneName(asked) : 'UTC';
	// Only pages of the events area, on this site, are returned to.
	const raw = url.searchParams.get('return') ?? '/events';
	const back = new URL(/^\/events(\/|\?|$)/.test(raw) ? raw : '/events', url.origin);
	const keep = [...back.searchParams].filter(([k]) => k !== 'tz' && k !== 'page');
	setHeaders({ 'cache-control': 'private, max-age=86400' });
	return { zone, action: back.pathname, keep, backHref: back.pathname + back.search };
};
