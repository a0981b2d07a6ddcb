import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { CountryDatasetKind } from '../../country-context/codes.ts';
import { assessmentCountryEvidence, countryDatasetImports, countryPublications, countryRatings } from './schema.ts';

export type EvidenceSource = { importId: string; source: string; sourceDate: string; licence: string };
export type CountryEvidence = {
	civic_space: (EvidenceSource & { rating: number; band: string }) | null;
	open_contracting: (EvidenceSource & { publications: { title: string; frequency: string; lastRetrieved: string; coverageFrom: string | null; coverageTo: string | null }[] }) | null;
};

const source = {
	importId: countryDatasetImports.id,
	source: countryDatasetImports.source,
	sourceDate: countryDatasetImports.sourceDate,
	licence: countryDatasetImports.licence
};
/** The latest import is the one with the newest source date; on a tie, the one brought in last. */
const latestFirst = [desc(countryDatasetImports.sourceDate), desc(countryDatasetImports.createdAt)];

/**
 * A country's latest imported evidence of each kind: the newest import that has a row for the
 * country. Evidence, not a score: callers show it beside the assessor's own judgement.
 */
export async function countryEvidence(db: DbOrTx, country: string): Promise<CountryEvidence> {
	const [rating] = await db
		.select({ ...source, rating: countryRatings.rating, band: countryRatings.band })
		.from(countryRatings)
		.innerJoin(countryDatasetImports, eq(countryDatasetImports.id, countryRatings.importId))
		.where(eq(countryRatings.country, country))
		.orderBy(...latestFirst)
		.limit(1);
	const [latest] = await db
		.select(source)
		.from(countryPublications)
		.innerJoin(countryDatasetImports, eq(countryDatasetImports.id, countryPublications.importId))
		.where(eq(countryPublications.country, country))
		.orderBy(...latestFirst)
		.limit(1);
	const publications = latest
		? await db
				.select({ title: countryPublications.title, frequency: countryPublications.frequency, lastRetrieved: countryPublications.lastRetrieved, coverageFrom: countryPublications.coverageFrom, coverageTo: countryPublications.coverageTo })
				.from(countryPublications)
				.where(and(eq(countryPublications.importId, latest.importId), eq(countryPublications.country, country)))
				.orderBy(countryPublications.title)
		: [];
	return { civic_space: rating ?? null, open_contracting: latest ? { ...latest, publications } : null };
}

export const evidenceImportIds = (e: CountryEvidence) => [e.civic_space?.importId, e.open_contracting?.importId].filter((id): id is string => !!id);

/** Notes which imports an assessment was shown, so its judgement can later be read against them. */
export async function recordEvidenceSeen(db: DbOrTx, assessmentId: string, importIds: string[]): Promise<void> {
	if (!importIds.length) return;
	await db
		.insert(assessmentCountryEvidence)
		.values(importIds.map((importId) => ({ assessmentId, importId })))
		.onConflictDoNothing();
}

/** The imports an assessment saw, oldest first. */
export async function evidenceSeenBy(db: DbOrTx, assessmentId: string) {
	const rows = await db
		.select({ importId: assessmentCountryEvidence.importId, kind: countryDatasetImports.kind, source: countryDatasetImports.source, sourceDate: countryDatasetImports.sourceDate })
		.from(assessmentCountryEvidence)
		.innerJoin(countryDatasetImports, eq(countryDatasetImports.id, assessmentCountryEvidence.importId))
		.where(eq(assessmentCountryEvidence.assessmentId, assessmentId))
		.orderBy(assessmentCountryEvidence.createdAt);
	return rows as { importId: string; kind: CountryDatasetKind; source: string; sourceDate: string }[];
}
