import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { listRegister } from '#lib/server/grants/list-register.ts';
import { toThreeSixtyGiving } from '#lib/server/grants/three-sixty-giving.ts';
import { api } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

// The same anonymised register as the public open data, for API clients, one page at a time.
export const GET: RequestHandler = api(async ({ url }) => {
	const page = Math.max(1, Math.min(10000, Number(url.searchParams.get('page')) || 1));
	const entries = await listRegister(getApp().database.db, 'en', { limit: 500, offset: (page - 1) * 500 });
	return json({ ...toThreeSixtyGiving(entries), page });
});
