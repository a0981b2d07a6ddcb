import { desc, eq, inArray } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { DomainError } from '../errors.ts';
import { CONTENT_LANGUAGES } from '../../toolkit-codes.ts';
import { pickVersion, versionSelection, versionsOf } from './resource-versions.ts';
import { resources } from './schema.ts';

const SHOWN = ['title', 'summary', 'body', 'url', 'filename', 'contentType', 'sizeBytes'] as const;

/** A library item with every language version it has (storage keys stay on the server). */
export async function getResource(db: DbOrTx, id: string) {
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [row] = await db
		.select({ id: resources.id, type: resources.type, topics: resources.topics, countries: resources.countries, createdAt: resources.createdAt, updatedAt: resources.updatedAt, ...versionSelection(SHOWN) })
		.from(resources)
		.where(eq(resources.id, id));
	if (!row) throw new DomainError('NOT_FOUND', m.e_not_found());
	const versions = versionsOf(row, SHOWN) as Partial<Record<(typeof CONTENT_LANGUAGES)[number], ResourceVersionView>>;
	return { id: row.id, type: row.type, topics: row.topics, countries: row.countries, createdAt: row.createdAt, updatedAt: row.updatedAt, languages: CONTENT_LANGUAGES.filter((l) => versions[l]), versions };
}
export type ResourceView = Awaited<ReturnType<typeof getResource>>;
export type ResourceVersionView = { title: string; summary: string; body: string; url: string | null; filename: string | null; contentType: string | null; sizeBytes: number | null };

/** An item as a reader sees it: the version asked for, else their language, else the first there is. */
export function readResource(r: ResourceView, locale: string, asked?: string | null) {
	const shown = pickVersion(r.versions, locale, asked)!;
	// Asking for another language is a choice, not a fallback.
	return { ...r, language: shown.language, fallback: shown.fallback && shown.language !== asked, version: shown.version };
}

const TITLES = versionSelection(['title']);
const titled = (locale: string) => (row: { id: string; type: string }) => {
	const shown = pickVersion(versionsOf(row, ['title']), locale)!;
	return { id: row.id, type: row.type, title: shown.version.title, language: shown.language };
};

/** Titles of library items in the reader's language where they have one, for the FAQ's links to evidence. */
export async function resourceTitles(db: DbOrTx, ids: string[], locale = 'en') {
	const valid = ids.filter(isUuid);
	if (!valid.length) return [];
	const rows = await db.select({ id: resources.id, type: resources.type, ...TITLES }).from(resources).where(inArray(resources.id, valid));
	return rows.map(titled(locale));
}

/** Evidence and case studies staff may link from a FAQ entry (newest first). */
export async function evidenceChoices(db: DbOrTx, limit = 300, locale = 'en') {
	const rows = await db
		.select({ id: resources.id, type: resources.type, ...TITLES })
		.from(resources)
		.where(inArray(resources.type, ['evidence', 'case_study', 'brief']))
		.orderBy(desc(resources.createdAt))
		.limit(limit);
	return rows.map(titled(locale));
}
