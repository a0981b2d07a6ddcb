import { getApp } from '#lib/server/app.ts';
import { presentTimes, viewerZone } from '#lib/server/events/viewer-zone.ts';
import { getHome } from '#lib/server/home/get-home.ts';
import type { PageServerLoad } from './$types';

// A read page: every item is a link, so it needs no script.
export const csr = false;

// Public: a visitor reads the offer; a signed-in person reads what needs them next.
export const load: PageServerLoad = async ({ locals, cookies, url }) => {
	// Officers see the grant work of the calls they lead; ?scope=all shows everyone's.
	const home = await getHome(getApp().database.db, locals.actor, locals.locale, new Date(), url.searchParams.get('scope') === 'all' ? 'all' : 'mine');
	if (home.kind !== 'visitor') return { home };
	const zone = viewerZone(locals, cookies, url);
	return {
		home: { ...home, sessions: home.sessions.map((s) => ({ ...s, start: presentTimes({ ...s, endsAt: s.startsAt }, zone, locals.locale).start })) }
	};
};
