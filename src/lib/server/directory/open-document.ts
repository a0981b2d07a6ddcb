import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import type { FileStore } from '../uploads/file-store.ts';
import { isUuid } from './find-organisation.ts';
import { getAgreement } from './get-agreement.ts';
import { agreementDocuments } from './schema.ts';

/** A document is readable by whoever may read its agreement. */
export async function openDocument(db: Db, actor: Actor, documentId: string, files: FileStore) {
	if (!isUuid(documentId)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [doc] = await db.select().from(agreementDocuments).where(eq(agreementDocuments.id, documentId)).limit(1);
	if (!doc) throw new DomainError('NOT_FOUND', m.e_not_found());
	await getAgreement(db, actor, doc.agreementId);
	const stored = await files.open(doc.storageKey);
	if (!stored) throw new DomainError('NOT_FOUND', m.e_not_found());
	return { doc, stored };
}
