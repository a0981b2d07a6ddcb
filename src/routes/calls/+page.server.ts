// Public: visitors browse the open calls before they have an account.
import { getApp } from '#lib/server/app.ts';
import { listOpenCalls } from '#lib/server/grants/list-open-calls.ts';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async () => {
	const rows = await listOpenCalls(getApp().database.db);
	return {
		calls: rows.map((r) => ({
			slug: r.call.slug,
			title: r.call.title,
			summary: r.call.summary,
			programme: r.programme.name,
			rolling: r.call.rolling,
			closesAt: r.call.closesAt,
			currency: r.call.currency,
			maxAward: r.call.maxAward
		}))
	};
};
