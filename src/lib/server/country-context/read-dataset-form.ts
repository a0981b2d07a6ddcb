import { m } from '#lib/paraglide/messages.js';
import { DomainError } from '../errors.ts';
import type { DatasetFile } from './import-country-dataset.ts';

/** The import form's fields and file, as the page and the API both receive them (multipart). */
export async function readDatasetForm(data: FormData): Promise<{ values: Record<string, string>; file: DatasetFile | null }> {
	const field = (k: string) => String(data.get(k) ?? '');
	const values = { kind: field('kind'), source: field('source'), sourceDate: field('sourceDate'), licence: field('licence') };
	const file = data.get('file');
	const upload = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
	return { values, file: upload };
}

/** The same from an API request; anything but a multipart form is refused with what to send instead. */
export async function readDatasetUpload(request: Request) {
	const type = request.headers.get('content-type') ?? '';
	let data: FormData | null = null;
	if (type.startsWith('multipart/form-data')) data = await request.formData().catch(() => null);
	if (!data) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', m.cc_e_multipart());
	return readDatasetForm(data);
}
