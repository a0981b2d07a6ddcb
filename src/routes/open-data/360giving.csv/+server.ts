// Public: the register as 360Giving CSV at a stable address; sensitive grantees anonymised.
import { getApp } from '#lib/server/app.ts';
import { listRegister } from '#lib/server/grants/list-register.ts';
import { toThreeSixtyGivingCsv } from '#lib/server/grants/three-sixty-giving.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () =>
	new Response(toThreeSixtyGivingCsv(await listRegister(getApp().database.db, 'en', { limit: 100000 })), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'inline; filename="360giving.csv"',
			'cache-control': 'public, max-age=300'
		}
	});
