import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { canImportCountryData, canSeeCountryData } from './policies.ts';
import { assessmentCountryEvidence, countryDatasetImports } from './schema.ts';

/**
 * Every import, newest first, with who brought it in and how many assessments recorded it as the
 * evidence they saw (those cannot be deleted). Old imports are kept, never overwritten.
 */
export async function listCountryImports(db: DbOrTx, actor: Actor) {
	ensure(canSeeCountryData(actor));
	const imports = await db
		.select({
			id: countryDatasetImports.id,
			kind: countryDatasetImports.kind,
			source: countryDatasetImports.source,
			sourceDate: countryDatasetImports.sourceDate,
			licence: countryDatasetImports.licence,
			fileName: countryDatasetImports.fileName,
			rowCount: countryDatasetImports.rowCount,
			importedBy: users.name,
			createdAt: countryDatasetImports.createdAt,
			seenBy: sql<number>`(select count(*) from ${assessmentCountryEvidence} where ${assessmentCountryEvidence.importId} = ${countryDatasetImports.id})::int`.mapWith(Number)
		})
		.from(countryDatasetImports)
		.leftJoin(users, eq(users.id, countryDatasetImports.importedBy))
		.orderBy(desc(countryDatasetImports.createdAt))
		.limit(200);
	return { imports, canImport: canImportCountryData(actor).allowed };
}
