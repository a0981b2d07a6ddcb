import { count, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { canImportCountryData } from './policies.ts';
import { assessmentCountryEvidence, countryDatasetImports } from './schema.ts';

/**
 * Deletes an import and its rows, for a file brought in by mistake. An import that an assessment
 * recorded as the evidence it saw is refused (409): deleting it would leave that judgement
 * pointing at nothing. A corrected file with a newer source date takes its place instead.
 */
export async function deleteCountryImport(db: Db, actor: Actor, id: string) {
	ensure(canImportCountryData(actor));
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	return db.transaction(async (tx) => {
		// Locked first, so that an assessment saved meanwhile either lands before (and is counted) or waits.
		const [row] = await tx.select().from(countryDatasetImports).where(eq(countryDatasetImports.id, id)).for('update');
		if (!row) throw new DomainError('NOT_FOUND', m.e_not_found());
		const [{ n }] = await tx.select({ n: count() }).from(assessmentCountryEvidence).where(eq(assessmentCountryEvidence.importId, id));
		if (n > 0) throw new DomainError('CONFLICT', m.cc_e_in_use({ count: String(n), file: row.fileName }));
		await tx.delete(countryDatasetImports).where(eq(countryDatasetImports.id, id));
		await recordActivity(tx, actor, { subjectType: 'country_dataset', subjectId: id, action: 'deleted', changes: { file: { from: row.fileName, to: null } } });
		return { id, fileName: row.fileName };
	});
}
