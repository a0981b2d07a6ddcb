import { desc, eq, inArray } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { DomainError } from '../errors.ts';
import { RESOURCE_COLUMNS } from './list-resources.ts';
import { resources } from './schema.ts';

export async function getResource(db: DbOrTx, id: string) {
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [row] = await db
		.select({ ...RESOURCE_COLUMNS, body: resources.body, contentType: resources.contentType, sizeBytes: resources.sizeBytes, createdAt: resources.createdAt })
		.from(resources)
		.where(eq(resources.id, id));
	if (!row) throw new DomainError('NOT_FOUND', m.e_not_found());
	return row;
}
export type ResourceView = Awaited<ReturnType<typeof getResource>>;

/** Titles of library items, for the FAQ's links to evidence. */
export async function resourceTitles(db: DbOrTx, ids: string[]) {
	const valid = ids.filter(isUuid);
	if (!valid.length) return [];
	return db.select({ id: resources.id, title: resources.title, type: resources.type }).from(resources).where(inArray(resources.id, valid));
}

/** Evidence and case studies staff may link from a FAQ entry (newest first). */
export async function evidenceChoices(db: DbOrTx, limit = 300) {
	return db
		.select({ id: resources.id, title: resources.title, type: resources.type })
		.from(resources)
		.where(inArray(resources.type, ['evidence', 'case_study', 'brief']))
		.orderBy(desc(resources.createdAt))
		.limit(limit);
}
