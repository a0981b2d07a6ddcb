import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api } from '#lib/server/http/edge.ts';
import { getIndicator } from '#lib/server/insight/get-indicator.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }, actor) => json(await getIndicator(getApp().database.db, actor, params.id)));
