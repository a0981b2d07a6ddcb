import type { ResourceFile } from './save-resource.ts';

/** A posted library form: topics are checkboxes, countries a comma-separated list, the file optional. */
export async function readResourceForm(request: Request) {
	const data = await request.formData();
	const text = (k: string) => String(data.get(k) ?? '');
	const values = {
		type: text('type'),
		title: text('title'),
		summary: text('summary'),
		body: text('body'),
		language: text('language'),
		topics: data.getAll('topics').map(String),
		countries: text('countries').split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean),
		url: text('url')
	};
	const upload = data.get('file');
	const file: ResourceFile | null = upload instanceof File && upload.size > 0 ? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) } : null;
	return { values, file };
}
