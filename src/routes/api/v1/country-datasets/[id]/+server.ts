import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { deleteCountryImport } from '#lib/server/country-context/delete-country-import.ts';
import { api } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const DELETE: RequestHandler = api(async ({ params }, actor) => json(await deleteCountryImport(getApp().database.db, actor, params.id)));
