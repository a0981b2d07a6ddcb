import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { DomainError } from '../errors.ts';
import type { FileStore } from '../uploads/file-store.ts';
import { resources } from './schema.ts';

/** The file attached to a library item, for download. */
export async function openResourceFile(db: DbOrTx, files: FileStore, id: string) {
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [row] = await db.select().from(resources).where(eq(resources.id, id));
	if (!row?.storageKey) throw new DomainError('NOT_FOUND', m.e_not_found());
	const stored = await files.open(row.storageKey);
	if (!stored) throw new DomainError('NOT_FOUND', m.e_not_found());
	return { filename: row.filename ?? 'file', contentType: row.contentType ?? 'application/octet-stream', stored };
}
