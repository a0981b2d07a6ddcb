import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { getCriteriaSet } from '#lib/server/engagement/get-criteria-set.ts';
import { api } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

// `current` as the id gives the newest version.
export const GET: RequestHandler = api(async ({ params }, actor) => json(await getCriteriaSet(getApp().database.db, actor, params.id)));
