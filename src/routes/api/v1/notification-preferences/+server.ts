import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import { getPreferences, setPreferences } from '#lib/server/notifications/preferences.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async (_event, actor) => json(await getPreferences(getApp().database.db, actor)));

export const PUT: RequestHandler = api(async ({ request }, actor) => json(await setPreferences(getApp().database.db, actor, await readJson(request))));
