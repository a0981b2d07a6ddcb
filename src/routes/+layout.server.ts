import { getApp } from '#lib/server/app.ts';
import { countUnread } from '#lib/server/notifications/list-notifications.ts';
import type { LayoutServerLoad } from './$types';

// Pages are sent without the framework's client script unless they set `csr = true` because
// something on them needs it (a passkey ceremony, for instance): every form posts and every link
// navigates without it (decisions 015 and 063).
export const csr = false;

// Public: the layout shows the signed-in person's name, menu and unread count, or the sign-in links.
export const load: LayoutServerLoad = async ({ locals }) => {
	const a = locals.actor;
	return {
		viewer: a.kind === 'user' ? { name: a.name, role: a.role } : null,
		unread: a.kind === 'user' ? (locals.unread ?? (await countUnread(getApp().database.db, a))) : 0,
		locale: locals.locale,
		timeZone: locals.timeZone
	};
};
