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
import { CONTENT_LANGUAGES, RESOURCE_MAX_BYTES, type ContentLanguage } from '../../toolkit-codes.ts';
import { resourceInput, type ResourceInput } from '../../validation/toolkit.ts';
import { canManageLibrary } from './policies.ts';
import { versionKey } from './resource-versions.ts';
import { resources } from './schema.ts';

export type ResourceFile = { name: string; bytes: Uint8Array };
/** At most one file per language version. */
export type ResourceFiles = Partial<Record<ContentLanguage, ResourceFile>>;
export type Storage = { files: FileStore; maxBytes?: number };
type Stored = { filename: string; contentType: string; sizeBytes: number; storageKey: string };
type Row = typeof resources.$inferSelect;

const fileField = (l: ContentLanguage) => `file.${l}`;

/** A file is checked by its size and by its bytes (not its name) before anything is stored. */
async function checkFile(file: ResourceFile, storage: Storage, language: ContentLanguage) {
	const max = Math.min(storage.maxBytes ?? RESOURCE_MAX_BYTES, RESOURCE_MAX_BYTES);
	const tooLarge = m.v_file_too_large({ max: String(Math.round(max / 1048576)) });
	if (file.bytes.byteLength > max) throw new DomainError('PAYLOAD_TOO_LARGE', tooLarge, { [fileField(language)]: [tooLarge] });
	const contentType = await detectType(file.bytes, file.name);
	if (!contentType) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', m.v_file_type(), { [fileField(language)]: [m.v_file_type()] });
	return { filename: file.name.replace(/[\\/\0]/g, '_').slice(0, 200) || 'file', contentType };
}

/**
 * Checks every file before any is stored, then stores them; a file for a version without a title
 * is refused (it would belong to nothing).
 */
async function acceptFiles(input: ResourceInput, files: ResourceFiles, storage: Storage | undefined) {
	const given = CONTENT_LANGUAGES.filter((l) => files[l]);
	if (!given.length || !storage) return {} as Partial<Record<ContentLanguage, Stored>>;
	for (const l of given) {
		if (!input.versions[l]?.title) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { [versionKeyPath(l)]: [m.v_version_needs_title()] });
	}
	const checked = await Promise.all(given.map((l) => checkFile(files[l]!, storage, l)));
	const stored: Partial<Record<ContentLanguage, Stored>> = {};
	for (const [i, l] of given.entries()) stored[l] = { ...checked[i], sizeBytes: files[l]!.bytes.byteLength, storageKey: await storage.files.put(files[l]!.bytes) };
	return stored;
}
const versionKeyPath = (l: ContentLanguage) => `versions.${l}.title`;

/**
 * The row's version columns from the input: a titled version takes its text and link, and a new
 * file or the one it had; a version without a title is emptied, file and all.
 */
function versionValues(input: ResourceInput, stored: Partial<Record<ContentLanguage, Stored>>, before?: Row) {
	const values: Record<string, unknown> = {};
	const removedKeys: string[] = [];
	for (const l of CONTENT_LANGUAGES) {
		const v = input.versions[l];
		const key = (f: Parameters<typeof versionKey>[0]) => versionKey(f, l);
		const oldKey = (before as Record<string, unknown> | undefined)?.[key('storageKey')] as string | null | undefined;
		if (!v?.title) {
			Object.assign(values, { [key('title')]: null, [key('summary')]: '', [key('body')]: '', [key('url')]: null, [key('filename')]: null, [key('contentType')]: null, [key('sizeBytes')]: null, [key('storageKey')]: null });
			if (oldKey) removedKeys.push(oldKey);
			continue;
		}
		Object.assign(values, { [key('title')]: v.title, [key('summary')]: v.summary, [key('body')]: v.body, [key('url')]: v.url || null });
		const file = stored[l];
		if (file) {
			Object.assign(values, { [key('filename')]: file.filename, [key('contentType')]: file.contentType, [key('sizeBytes')]: file.sizeBytes, [key('storageKey')]: file.storageKey });
			if (oldKey) removedKeys.push(oldKey);
		}
	}
	return { values, removedKeys };
}

/** What the activity log records of an item: its shared fields and each version's text and file name. */
function logged(row: Record<string, unknown>) {
	const out: Record<string, unknown> = { type: row.type, topics: row.topics, countries: row.countries };
	for (const l of CONTENT_LANGUAGES) for (const f of ['title', 'summary', 'body', 'url', 'filename'] as const) out[versionKey(f, l)] = row[versionKey(f, l)];
	return out;
}

const firstTitle = (row: Row) => row.titleEn ?? row.titleEs ?? row.titleFr;

/** Staff add an item to the library with one to three language versions, each with a link, a file, or only its text. */
export async function createResource(db: Db, actor: Actor, raw: unknown, files: ResourceFiles = {}, storage?: Storage) {
	ensure(canManageLibrary(actor));
	const input = parseInput(resourceInput, raw);
	if (storage && Object.keys(files).length) await limitPerPerson(db, actor, 'uploads');
	const stored = await acceptFiles(input, files, storage);
	try {
		return await db.transaction(async (tx) => {
			const { values } = versionValues(input, stored);
			const [row] = await tx
				.insert(resources)
				.values({ type: input.type, topics: input.topics, countries: input.countries, ...values, createdBy: actor.kind === 'user' ? actor.userId : null })
				.returning();
			await recordActivity(tx, actor, { subjectType: 'resource', subjectId: row.id, action: 'created', changes: { title: { from: null, to: firstTitle(row) } } });
			return row;
		});
	} catch (e) {
		if (storage) for (const s of Object.values(stored)) await storage.files.remove(s.storageKey);
		throw e;
	}
}

/** Staff edit an item; a new file replaces its version's old one, and a version emptied of its title is removed. */
export async function updateResource(db: Db, actor: Actor, id: string, raw: unknown, files: ResourceFiles = {}, storage?: Storage) {
	ensure(canManageLibrary(actor));
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const input = parseInput(resourceInput, raw);
	if (storage && Object.keys(files).length) await limitPerPerson(db, actor, 'uploads');
	const stored = await acceptFiles(input, files, storage);
	let result: { after: Row; removedKeys: string[] };
	try {
		result = await db.transaction(async (tx) => {
			const [before] = await tx.select().from(resources).where(eq(resources.id, id));
			if (!before) throw new DomainError('NOT_FOUND', m.e_not_found());
			const { values, removedKeys } = versionValues(input, stored, before);
			const [after] = await tx
				.update(resources)
				.set({ type: input.type, topics: input.topics, countries: input.countries, ...values })
				.where(eq(resources.id, id))
				.returning();
			await recordActivity(tx, actor, { subjectType: 'resource', subjectId: id, action: 'updated', changes: diff(logged(before), logged(after)) });
			return { after, removedKeys };
		});
	} catch (e) {
		if (storage) for (const s of Object.values(stored)) await storage.files.remove(s.storageKey);
		throw e;
	}
	if (storage) for (const key of result.removedKeys) await storage.files.remove(key);
	return result.after;
}

export async function deleteResource(db: Db, actor: Actor, id: string, storage?: Storage) {
	ensure(canManageLibrary(actor));
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const keys = await db.transaction(async (tx) => {
		const [gone] = await tx.delete(resources).where(eq(resources.id, id)).returning();
		if (!gone) throw new DomainError('NOT_FOUND', m.e_not_found());
		await recordActivity(tx, actor, { subjectType: 'resource', subjectId: id, action: 'deleted', changes: { title: { from: firstTitle(gone), to: null } } });
		return [gone.storageKeyEn, gone.storageKeyEs, gone.storageKeyFr].filter((k): k is string => Boolean(k));
	});
	if (storage) for (const key of keys) await storage.files.remove(key);
	return { removed: true };
}

/** An item as the API returns it: shared fields and each version, without storage keys or the search vector. */
export function resourceJson(row: Row) {
	const versions: Partial<Record<ContentLanguage, Record<string, unknown>>> = {};
	for (const l of CONTENT_LANGUAGES) {
		const r = row as unknown as Record<string, unknown>;
		if (!r[versionKey('title', l)]) continue;
		versions[l] = Object.fromEntries((['title', 'summary', 'body', 'url', 'filename', 'contentType', 'sizeBytes'] as const).map((f) => [f, r[versionKey(f, l)]]));
	}
	return { id: row.id, type: row.type, topics: row.topics, countries: row.countries, createdAt: row.createdAt, updatedAt: row.updatedAt, languages: CONTENT_LANGUAGES.filter((l) => versions[l]), versions };
}
