// Public: the "Partners and impact" figures as JSON, with the same suppression as the page.
import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { getPublicPicture } from '#lib/server/insight/public-picture.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) =>
	json(await getPublicPicture(getApp().database.db, locals.locale), { headers: { 'cache-control': 'public, max-age=300' } });
