// Public: the register as 360Giving open data at a stable address; sensitive grantees anonymised.
import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { listRegister } from '#lib/server/grants/list-register.ts';
import { toThreeSixtyGiving } from '#lib/server/grants/three-sixty-giving.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () =>
	json(toThreeSixtyGiving(await listRegister(getApp().database.db, 'en', { limit: 100000 })), {
		headers: { 'cache-control': 'public, max-age=300' }
	});
