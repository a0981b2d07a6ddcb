import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { limitPerPerson } from '../identity/limit-person.ts';
import type { FileStore } from '../uploads/file-store.ts';
import { detectType } from '../uploads/storage.ts';
import { allFields, type FileAnswer } from './definition.ts';
import { findApplication } from './find-application.ts';
import { canActForApplicant } from './policies.ts';
import { EDITABLE } from './save-answers.ts';
import { grantApplications } from './schema.ts';

/**
 * Attaches a file as the answer to a file field of the current stage's form. Size (the field's
 * limit and the hub's) and type are checked before anything is stored.
 */
export async function attachAnswerFile(
	db: Db,
	actor: Actor,
	applicationId: string,
	fieldId: string,
	file: { name: string; bytes: Uint8Array },
	opts: { files: FileStore; maxBytes: number }
) {
	const { application: app, call } = await findApplication(db, actor, applicationId);
	ensure(canActForApplicant(actor, app.organisationId));
	if (!(EDITABLE as readonly string[]).includes(app.status)) throw new DomainError('INVALID_TRANSITION', m.grant_e_not_editable());
	const field = allFields(call.stages[app.stageIndex]?.form).find((f) => f.id === fieldId && f.type === 'file');
	if (!field) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { [fieldId]: [m.v_invalid()] });
	const max = Math.min(field.maxBytes ?? opts.maxBytes, opts.maxBytes);
	const tooLarge = m.v_file_too_large({ max: String(Math.max(1, Math.round(max / 1048576))) });
	if (file.bytes.length > max) throw new DomainError('PAYLOAD_TOO_LARGE', tooLarge, { [fieldId]: [tooLarge] });
	const type = await detectType(file.bytes, file.name);
	if (!type) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', m.v_file_type(), { [fieldId]: [m.v_file_type()] });
	await limitPerPerson(db, actor, 'uploads');
	const key = await opts.files.put(file.bytes);
	const answer: FileAnswer = { key, name: file.name.replace(/[\\/\0\r\n]/g, '_').slice(0, 200) || 'file', size: file.bytes.length, type };
	try {
		return await db.transaction(async (tx) => {
			const [after] = await tx
				.update(grantApplications)
				.set({ answers: { ...app.answers, [fieldId]: answer } })
				.where(and(eq(grantApplications.id, app.id), eq(grantApplications.status, app.status)))
				.returning();
			if (!after) throw new DomainError('CONFLICT', m.grant_e_changed_meanwhile());
			await recordActivity(tx, actor, { subjectType: 'application', subjectId: app.id, organisationId: app.organisationId, action: 'document_added', changes: { [fieldId]: { from: null, to: answer.name } } });
			return answer;
		});
	} catch (err) {
		await opts.files.remove(key);
		throw err;
	}
}

/** A file answer's bytes, for someone who may see the application's answers. */
export async function openAnswerFile(db: Db, actor: Actor, applicationId: string, fieldId: string, files: FileStore, seeAnswers: boolean) {
	const { application: app } = await findApplication(db, actor, applicationId);
	const f = app.answers[fieldId] as FileAnswer | undefined;
	if (!seeAnswers || !f || typeof f !== 'object' || typeof f.key !== 'string') throw new DomainError('NOT_FOUND', m.e_not_found());
	const stored = await files.open(f.key);
	if (!stored) throw new DomainError('NOT_FOUND', m.e_not_found());
	return { file: f, stored };
}
