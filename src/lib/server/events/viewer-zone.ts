import type { Cookies } from '@sveltejs/kit';
import { currentZoneName } from '../../time-zones.ts';
import { isTimeZone } from '../i18n.ts';
import { showTime, zoneCity } from './time.ts';

const COOKIE = 'event_tz';
/** Set by static/zone-guess.js from the browser's clock for guests who have not chosen a zone. */
const GUESS_COOKIE = 'event_tz_guess';

export type ViewerZone = { zone: string; chosen: boolean };

const valid = (z: string | null | undefined) => (z && isTimeZone(z) ? currentZoneName(z) : null);

/**
 * The zone times are shown in: one chosen on the page (kept in a cookie), else the account's,
 * else one guessed by the browser, else UTC. Only the first two were chosen by the person, so
 * only those may be labelled as theirs.
 */
export function viewerZone(locals: { timeZone: string; actor: { kind: string } }, cookies: Cookies, url: URL): ViewerZone {
	const asked = valid(url.searchParams.get('tz')?.trim().replace(/ /g, '_'));
	if (asked) {
		cookies.set(COOKIE, asked, { path: '/events', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86_400, secure: url.protocol === 'https:' });
		return { zone: asked, chosen: true };
	}
	const kept = valid(cookies.get(COOKIE));
	if (kept) return { zone: kept, chosen: true };
	if (locals.actor.kind === 'user') return { zone: currentZoneName(locals.timeZone), chosen: true };
	const guessed = valid(cookies.get(GUESS_COOKIE));
	return { zone: guessed ?? 'UTC', chosen: false };
}

/** Start and end as shown on pages: organiser's zone, and the viewer's beside it. */
export function presentTimes(e: { startsAt: Date; endsAt: Date; timeZone: string }, view: ViewerZone, locale: string) {
	return {
		start: { ...showTime(e.startsAt, e.timeZone, view.zone, locale), viewerChosen: view.chosen, viewerCity: zoneCity(view.zone) },
		end: { ...showTime(e.endsAt, e.timeZone, view.zone, locale), viewerChosen: view.chosen, viewerCity: zoneCity(view.zone) },
		viewerZone: view.zone
	};
}
