import { getApp } from '#lib/server/app.ts';
import { importCountryDataset } from '#lib/server/country-context/import-country-dataset.ts';
import { listCountryImports } from '#lib/server/country-context/list-country-imports.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import type { Actions, PageServerLoad } from './$types';

// Plain forms and a table: no client script.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	return loadOrError(() => listCountryImports(getApp().database.db, actor));
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const data = await request.formData();
		const file = data.get('file');
		const values = { kind: String(data.get('kind') ?? ''), source: String(data.get('source') ?? ''), sourceDate: String(data.get('sourceDate') ?? ''), licence: String(data.get('licence') ?? '') };
		return act(async () => {
			const upload = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
			const row = await importCountryDataset(getApp().database.db, actor, values, upload);
			return { imported: { count: row.rowCount, file: row.fileName } };
		}, values);
	}
};
