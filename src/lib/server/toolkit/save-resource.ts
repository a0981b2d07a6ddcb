import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { diff, recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { limitPerPerson } from '../identity/limit-person.ts';
import type { FileStore } from '../uploads/file-store.ts';
import { detectType } from '../uploads/storage.ts';
import { parseInput } from '../validate.ts';
import { RESOURCE_MAX_BYTES } from '../../toolkit-codes.ts';
import { resourceInput } from '../../validation/toolkit.ts';
import { canManageLibrary } from './policies.ts';
import { resources } from './schema.ts';

export type ResourceFile = { name: string; bytes: Uint8Array };
export type Storage = { files: FileStore; maxBytes?: number };

/** A file is checked by its size and by its bytes (not its name) before anything is stored. */
async function acceptFile(file: ResourceFile, storage: Storage) {
	const max = Math.min(storage.maxBytes ?? RESOURCE_MAX_BYTES, RESOURCE_MAX_BYTES);
	if (file.bytes.byteLength > max) throw new DomainError('PAYLOAD_TOO_LARGE', m.v_file_too_large({ max: String(Math.round(max / 1048576)) }), { file: [m.v_file_too_large({ max: String(Math.round(max / 1048576)) })] });
	const contentType = await detectType(file.bytes, file.name);
	if (!contentType) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', m.v_file_type(), { file: [m.v_file_type()] });
	const filename = file.name.replace(/[\\/\0]/g, '_').slice(0, 200) || 'file';
	return { filename, contentType, sizeBytes: file.bytes.byteLength, storageKey: await storage.files.put(file.bytes) };
}

/** Staff add an item to the library, with a link, a file, or only its text. */
export async function createResource(db: Db, actor: Actor, raw: unknown, file: ResourceFile | null = null, storage?: Storage) {
	ensure(canManageLibrary(actor));
	const input = parseInput(resourceInput, raw);
	if (file && storage) await limitPerPerson(db, actor, 'uploads');
	const stored = file && storage ? await acceptFile(file, storage) : null;
	try {
		return await db.transaction(async (tx) => {
			const [row] = await tx
				.insert(resources)
				.values({ ...input, url: input.url || null, ...(stored ?? {}), createdBy: actor.kind === 'user' ? actor.userId : null })
				.returning();
			await recordActivity(tx, actor, { subjectType: 'resource', subjectId: row.id, action: 'created', changes: { title: { from: null, to: row.title } } });
			return row;
		});
	} catch (e) {
		if (stored && storage) await storage.files.remove(stored.storageKey);
		throw e;
	}
}

/** Staff edit an item; a new file replaces the old one. */
export async function updateResource(db: Db, actor: Actor, id: string, raw: unknown, file: ResourceFile | null = null, storage?: Storage) {
	ensure(canManageLibrary(actor));
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const input = parseInput(resourceInput, raw);
	// An item that is not there is refused before a file is stored for it.
	const [exists] = await db.select({ id: resources.id }).from(resources).where(eq(resources.id, id));
	if (!exists) throw new DomainError('NOT_FOUND', m.e_not_found());
	if (file && storage) await limitPerPerson(db, actor, 'uploads');
	const stored = file && storage ? await acceptFile(file, storage) : null;
	let result;
	try {
		result = await db.transaction(async (tx) => {
			const [before] = await tx.select().from(resources).where(eq(resources.id, id));
			if (!before) throw new DomainError('NOT_FOUND', m.e_not_found());
			const values = { ...input, url: input.url || null, ...(stored ?? {}) };
			const [after] = await tx.update(resources).set(values).where(eq(resources.id, id)).returning();
			const { search: _s, storageKey: _k, ...plain } = before;
			await recordActivity(tx, actor, { subjectType: 'resource', subjectId: id, action: 'updated', changes: diff(plain, { ...input, url: input.url || null }) });
			return { after, oldKey: stored ? before.storageKey : null };
		});
	} catch (e) {
		// Deleted meanwhile, or the update failed: the new file is not kept for nothing.
		if (stored && storage) await storage.files.remove(stored.storageKey);
		throw e;
	}
	if (result.oldKey && storage) await storage.files.remove(result.oldKey);
	return result.after;
}

export async function deleteResource(db: Db, actor: Actor, id: string, storage?: Storage) {
	ensure(canManageLibrary(actor));
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const key = await db.transaction(async (tx) => {
		const [gone] = await tx.delete(resources).where(eq(resources.id, id)).returning();
		if (!gone) throw new DomainError('NOT_FOUND', m.e_not_found());
		await recordActivity(tx, actor, { subjectType: 'resource', subjectId: id, action: 'deleted', changes: { title: { from: gone.title, to: null } } });
		return gone.storageKey;
	});
	if (key && storage) await storage.files.remove(key);
	return { removed: true };
}
