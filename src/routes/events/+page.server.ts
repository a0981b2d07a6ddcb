import { getApp } from '#lib/server/app.ts';
import { listEvents } from '#lib/server/events/list-events.ts';
import { presentTimes, viewerZone } from '#lib/server/events/viewer-zone.ts';
import { loadOrError } from '#lib/server/http/edge.ts';
import type { PageServerLoad } from './$types';

// Public: the training catalogue is open to visitors; it lists public sessions and seat counts only.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url, cookies }) => {
	const vz = viewerZone(locals, cookies, url);
	const zone = vz.zone;
	const params = Object.fromEntries(url.searchParams);
	delete params.tz;
	const result = await loadOrError(() => listEvents(getApp().database.db, locals.actor, params, { locale: locals.locale, timeZone: zone }));
	return {
		zone,
		zoneChosen: vz.chosen,
		// Partner members may ask for a clinic for their organisation.
		canRequestClinic: locals.actor.kind === 'user' && locals.actor.memberships.size > 0,
		// Each entry as the page shows it: its times are already worked out, so the instants and the
		// organiser's zone stay here (SvelteKit serializes a page's data even when it sends no script).
		result: { ...result, items: result.items.map(({ startsAt, endsAt, timeZone, ...shown }) => ({ ...shown, times: presentTimes({ startsAt, endsAt, timeZone }, vz, locals.locale) })) }
	};
};
