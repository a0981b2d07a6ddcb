import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { DomainError } from '../errors.ts';
import type { FileStore } from '../uploads/file-store.ts';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../toolkit-codes.ts';
import { preference, versionKey } from './resource-versions.ts';
import { resources } from './schema.ts';

/**
 * The file of one language version of a library item, for download. Without a language asked
 * for, the reader's version's file (or the first version's that has one).
 */
export async function openResourceFile(db: DbOrTx, files: FileStore, id: string, locale = 'en', asked?: string | null) {
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	if (asked && !CONTENT_LANGUAGES.includes(asked as ContentLanguage)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [row] = await db.select().from(resources).where(eq(resources.id, id));
	if (!row) throw new DomainError('NOT_FOUND', m.e_not_found());
	const value = (f: 'storageKey' | 'filename' | 'contentType', l: ContentLanguage) => row[versionKey(f, l) as keyof typeof row] as string | null;
	const language = (asked ? [asked as ContentLanguage] : preference(locale)).find((l) => value('storageKey', l));
	if (!language) throw new DomainError('NOT_FOUND', m.e_not_found());
	const stored = await files.open(value('storageKey', language)!);
	if (!stored) throw new DomainError('NOT_FOUND', m.e_not_found());
	return { filename: value('filename', language) ?? 'file', contentType: value('contentType', language) ?? 'application/octet-stream', stored, language };
}
