import type { Cookies } from '@sveltejs/kit';
import { isTimeZone } from '../i18n.ts';
import { showTime } from './time.ts';

const COOKIE = 'event_tz';

/**
 * The zone times are shown in: one chosen on the page (kept in a cookie), else the account's,
 * else UTC. Visitors without an account choose theirs with a small form; no script is needed.
 */
export function viewerZone(locals: { timeZone: string; actor: { kind: string } }, cookies: Cookies, url: URL): string {
	const asked = url.searchParams.get('tz');
	if (asked && isTimeZone(asked)) {
		cookies.set(COOKIE, asked, { path: '/events', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86_400, secure: url.protocol === 'https:' });
		return asked;
	}
	const kept = cookies.get(COOKIE);
	if (kept && isTimeZone(kept)) return kept;
	return locals.actor.kind === 'user' ? locals.timeZone : 'UTC';
}

/** Start and end as shown on pages: organiser's zone, and the viewer's beside it. */
export function presentTimes(e: { startsAt: Date; endsAt: Date; timeZone: string }, zone: string, locale: string) {
	return { start: showTime(e.startsAt, e.timeZone, zone, locale), end: showTime(e.endsAt, e.timeZone, zone, locale), viewerZone: zone };
}
