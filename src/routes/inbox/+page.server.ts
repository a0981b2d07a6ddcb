import { getApp } from '#lib/server/app.ts';
import { listContactMessages } from '#lib/server/contact/list-contact-messages.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import type { PageServerLoad } from './$types';

// A read page: links only, no script.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	return loadOrError(() => listContactMessages(getApp().database.db, actor));
};
