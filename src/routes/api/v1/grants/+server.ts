import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { listRegister } from '#lib/server/grants/list-register.ts';
import { toThreeSixtyGiving } from '#lib/server/grants/three-sixty-giving.ts';
import { api } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';
import { pageNumber } from '#lib/server/http/input-text.ts';

// The same anonymised register as the public open data, for API clients, one page at a time.
export const GET: RequestHandler = api(async ({ url }) => {
	const page = pageNumber(url.searchParams.get('page'), 10000);
	const entries = await listRegister(getApp().database.db, 'en', { limit: 500, offset: (page - 1) * 500 });
	return json({ ...toThreeSixtyGiving(entries), page });
});
