import { sql, type SQL } from 'drizzle-orm';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../toolkit-codes.ts';
import { resources } from './schema.ts';

const SUFFIX = { en: 'En', es: 'Es', fr: 'Fr' } as const;
const FIELDS = ['title', 'summary', 'body', 'url', 'filename', 'contentType', 'sizeBytes', 'storageKey'] as const;
type Field = (typeof FIELDS)[number];
type Column<F extends Field, L extends ContentLanguage> = (typeof resources)[`${F}${(typeof SUFFIX)[L]}`];

/** The column holding one field of one language version. */
export function versionColumn<F extends Field, L extends ContentLanguage>(field: F, language: L): Column<F, L> {
	return resources[`${field}${SUFFIX[language]}`] as Column<F, L>;
}

/** Key of a field of a version in a selected row (`titleEs`). */
export const versionKey = (field: Field, language: ContentLanguage) => `${field}${SUFFIX[language]}`;

/** Selects the given fields of every version, keyed as the table names them (`titleEn`, `urlFr` …). */
export function versionSelection<F extends Field>(fields: readonly F[]) {
	const out: Record<string, (typeof resources)[keyof typeof resources]> = {};
	for (const l of CONTENT_LANGUAGES) for (const f of fields) out[versionKey(f, l)] = versionColumn(f, l);
	return out as { [K in `${F}${(typeof SUFFIX)[ContentLanguage]}`]: (typeof resources)[K] };
}

export type ResourceVersion = {
	title: string;
	summary: string;
	body: string;
	url: string | null;
	filename: string | null;
	contentType: string | null;
	sizeBytes: number | null;
	storageKey: string | null;
};

/** A row's versions by language; a version exists when it has a title. Fields not selected are left out. */
export function versionsOf<R extends object>(row: R, fields: readonly Field[] = FIELDS): Partial<Record<ContentLanguage, Partial<ResourceVersion> & { title: string }>> {
	const r = row as Record<string, unknown>;
	const out: Partial<Record<ContentLanguage, Partial<ResourceVersion> & { title: string }>> = {};
	for (const l of CONTENT_LANGUAGES) {
		const title = r[versionKey('title', l)];
		if (typeof title !== 'string' || !title) continue;
		const v: Record<string, unknown> = {};
		for (const f of fields) if (versionKey(f, l) in r) v[f] = r[versionKey(f, l)];
		out[l] = v as Partial<ResourceVersion> & { title: string };
	}
	return out;
}

/**
 * The languages to show an item in, best first: the one asked for, then the reader's, then
 * English, Spanish and French. A reader is never shown nothing while some version exists.
 */
export function preference(locale: string, asked?: string | null): ContentLanguage[] {
	const wanted = [asked, locale].filter((l): l is ContentLanguage => CONTENT_LANGUAGES.includes(l as ContentLanguage));
	return [...new Set([...wanted, ...CONTENT_LANGUAGES])];
}

/** The version a reader sees, and whether it is a fallback from their own language. */
export function pickVersion<V>(versions: Partial<Record<ContentLanguage, V>>, locale: string, asked?: string | null) {
	const language = preference(locale, asked).find((l) => versions[l]);
	if (!language) return null;
	return { language, version: versions[language]!, fallback: language !== locale };
}

/** True when the item has a version in the language (for the library's language filter). */
export const hasVersion = (language: ContentLanguage): SQL => sql`${versionColumn('title', language)} IS NOT NULL`;

/** The title in the reader's language when there is one, else the first there is (for sorting). */
export function titleFor(locale: string): SQL {
	return sql`coalesce(${sql.join(
		preference(locale).map((l) => versionColumn('title', l)),
		sql`, `
	)})`;
}
