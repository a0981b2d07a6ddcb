import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import { createStrategy } from '#lib/server/toolkit/create-strategy.ts';
import { listMyStrategies, listStrategies } from '#lib/server/toolkit/list-strategies.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ url }, actor) => {
	const db = getApp().database.db;
	const organisationId = url.searchParams.get('organisationId');
	return json({ items: organisationId ? await listStrategies(db, actor, organisationId) : await listMyStrategies(db, actor) });
});

export const POST: RequestHandler = api(async ({ request }, actor) => {
	const { organisationId, ...input } = await readJson(request);
	const s = await createStrategy(getApp().database.db, actor, String(organisationId ?? ''), input);
	return json({ id: s.id, organisationId: s.organisationId, title: s.title, language: s.language }, { status: 201 });
});
