import { eq } from 'drizzle-orm';
import type { Tx } from '../db/types.ts';
import { criteriaSetById } from './criteria-set.ts';
import { levelsOf, loadAssessments } from './load-assessments.ts';
import { consolidate } from './result.ts';
import { engagementRequests } from './schema.ts';

/** Recomputes the stored score, band and gate of a request from its submitted assessments. */
export async function refreshResult(tx: Tx, requestId: string, criteriaSetId: string) {
	const set = await criteriaSetById(tx, criteriaSetId);
	const submitted = (await loadAssessments(tx, requestId)).filter((a) => a.submittedAt);
	const r = consolidate(set, submitted.map(levelsOf));
	await tx
		.update(engagementRequests)
		.set({ score: r.score, band: r.band, gate: submitted.length ? r.gate : null })
		.where(eq(engagementRequests.id, requestId));
	return r;
}
