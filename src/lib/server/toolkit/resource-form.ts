import { CONTENT_LANGUAGES } from '../../toolkit-codes.ts';
import type { ResourceFiles } from './save-resource.ts';

/**
 * A posted library form: topics are checkboxes, countries a comma-separated list, and one set of
 * fields per language (`versions.es.title`, …, `file.es`), each file optional.
 */
export async function readResourceForm(request: Request) {
	const data = await request.formData();
	const text = (k: string) => String(data.get(k) ?? '');
	const files: ResourceFiles = {};
	const versions: Record<string, { title: string; summary: string; body: string; url: string }> = {};
	for (const l of CONTENT_LANGUAGES) {
		const field = (f: string) => text(`versions.${l}.${f}`);
		versions[l] = { title: field('title'), summary: field('summary'), body: field('body'), url: field('url') };
		const upload = data.get(`file.${l}`);
		if (upload instanceof File && upload.size > 0) files[l] = { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) };
	}
	const values = {
		type: text('type'),
		topics: data.getAll('topics').map(String),
		countries: text('countries').split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean),
		versions
	};
	return { values, files };
}
