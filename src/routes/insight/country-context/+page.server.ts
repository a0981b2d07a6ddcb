import { getApp } from '#lib/server/app.ts';
import { deleteCountryImport } from '#lib/server/country-context/delete-country-import.ts';
import { importCountryDataset } from '#lib/server/country-context/import-country-dataset.ts';
import { listCountryImports } from '#lib/server/country-context/list-country-imports.ts';
import { readDatasetForm } from '#lib/server/country-context/read-dataset-form.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import type { Actions, PageServerLoad } from './$types';

// Plain forms and a table: no client script.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	return loadOrError(() => listCountryImports(getApp().database.db, actor));
};

export const actions: Actions = {
	import: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const { values, file } = await readDatasetForm(await request.formData());
		return act(async () => {
			const row = await importCountryDataset(getApp().database.db, actor, values, file);
			return { imported: { count: row.rowCount, file: row.fileName } };
		}, values);
	},
	delete: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const id = String((await request.formData()).get('id') ?? '');
		return act(async () => ({ deleted: (await deleteCountryImport(getApp().database.db, actor, id)).fileName }), { id });
	}
};
