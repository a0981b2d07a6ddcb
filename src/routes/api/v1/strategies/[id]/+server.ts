import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api } from '#lib/server/http/edge.ts';
import { getStrategy } from '#lib/server/toolkit/get-strategy.ts';
import { strategyJson } from '#lib/server/toolkit/serialize.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }, actor) => json(strategyJson(await getStrategy(getApp().database.db, actor, params.id))));
