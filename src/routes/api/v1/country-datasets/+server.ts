import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { importCountryDataset } from '#lib/server/country-context/import-country-dataset.ts';
import { listCountryImports } from '#lib/server/country-context/list-country-imports.ts';
import { readDatasetUpload } from '#lib/server/country-context/read-dataset-form.ts';
import { api } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async (_event, actor) => {
	const { imports, canImport } = await listCountryImports(getApp().database.db, actor);
	return json({ items: imports, canImport });
});

/** A dataset file with its source, date and licence, sent as multipart/form-data like the page's form. */
export const POST: RequestHandler = api(async ({ request }, actor) => {
	const { values, file } = await readDatasetUpload(request);
	return json(await importCountryDataset(getApp().database.db, actor, values, file), { status: 201 });
});
