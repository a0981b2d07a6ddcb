import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api } from '#lib/server/http/edge.ts';
import { getSubjectOutcomes } from '#lib/server/insight/get-subject-outcomes.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }, actor) => json(await getSubjectOutcomes(getApp().database.db, actor, params.type, params.id)));
