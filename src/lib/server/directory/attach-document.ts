import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { limitPerPerson } from '../identity/limit-person.ts';
import type { FileStore } from '../uploads/file-store.ts';
import { detectType } from '../uploads/storage.ts';
import { getAgreement } from './get-agreement.ts';
import { canManageAgreements } from './policies.ts';
import { agreementDocuments } from './schema.ts';

export type UploadedFile = { name: string; bytes: Uint8Array };

/** Size and type are checked before anything is stored; a failed insert removes the stored file. */
export async function attachDocument(
	db: Db,
	actor: Actor,
	agreementId: string,
	file: UploadedFile | null,
	opts: { files: FileStore; maxBytes: number }
) {
	ensure(canManageAgreements(actor));
	const { agreement } = await getAgreement(db, actor, agreementId);
	if (!file || file.bytes.length === 0)
		throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { file: [m.v_file_required()] });
	if (file.bytes.length > opts.maxBytes)
		throw new DomainError('PAYLOAD_TOO_LARGE', m.v_file_too_large({ max: String(Math.round(opts.maxBytes / 1048576)) }), {
			file: [m.v_file_too_large({ max: String(Math.round(opts.maxBytes / 1048576)) })]
		});
	const contentType = await detectType(file.bytes, file.name);
	if (!contentType)
		throw new DomainError('UNSUPPORTED_MEDIA_TYPE', m.v_file_type(), { file: [m.v_file_type()] });
	const filename = file.name.replace(/[\\/\0\r\n]/g, '_').slice(0, 200) || 'document';
	await limitPerPerson(db, actor, 'uploads');
	const key = await opts.files.put(file.bytes);
	try {
		return await db.transaction(async (tx) => {
			const [doc] = await tx
				.insert(agreementDocuments)
				.values({
					agreementId: agreement.id,
					filename,
					contentType,
					sizeBytes: file.bytes.length,
					storageKey: key,
					uploadedBy: actor.kind === 'user' ? actor.userId : null
				})
				.returning();
			await recordActivity(tx, actor, {
				subjectType: 'agreement',
				subjectId: agreement.id,
				organisationId: agreement.organisationId,
				action: 'document_added',
				changes: { document: { from: null, to: filename } }
			});
			return doc;
		});
	} catch (err) {
		await opts.files.remove(key);
		throw err;
	}
}
