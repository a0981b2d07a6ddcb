import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';

/** Document types partners and staff exchange; anything else is refused. */
export const ALLOWED_TYPES: Record<string, string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	odt: 'application/vnd.oasis.opendocument.text',
	png: 'image/png',
	jpg: 'image/jpeg',
	txt: 'text/plain',
	csv: 'text/csv'
};

/**
 * The type is decided from the bytes, not the name a browser sends: a renamed executable is
 * refused. Plain text has no signature, so it is accepted only as valid UTF-8 without NUL bytes.
 */
export async function detectType(bytes: Uint8Array, filename: string): Promise<string | null> {
	const sniffed = await fileTypeFromBuffer(bytes);
	const ext = filename.toLowerCase().split('.').pop() ?? '';
	if (sniffed) {
		const found = Object.entries(ALLOWED_TYPES).find(([e, mime]) => mime === sniffed.mime || e === sniffed.ext);
		return found ? found[1] : null;
	}
	if (ext === 'txt' || ext === 'csv') {
		if (bytes.includes(0)) return null;
		try {
			new TextDecoder('utf-8', { fatal: true }).decode(bytes);
			return ALLOWED_TYPES[ext];
		} catch {
			return null;
		}
	}
	return null;
}

/** Where files were kept before they moved into the file store (`npm run storage:migrate`). */
export function uploadsDir(dataDir: string) {
	return join(dataDir, 'uploads');
}

