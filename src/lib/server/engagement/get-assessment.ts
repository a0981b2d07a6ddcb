import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { countryEvidence } from '../country-context/country-evidence.ts';
import { criteriaSetById } from './criteria-set.ts';
import { findVisibleRequest } from './find-request.ts';
import { loadAssessments } from './load-assessments.ts';

/**
 * The actor's own assessment of a request, with the criteria version it is made against and the
 * country's latest imported context (evidence shown beside criteria, never a score).
 */
export async function getMyAssessment(db: DbOrTx, actor: Actor, requestId: string) {
	const { request } = await findVisibleRequest(db, actor, requestId);
	const mine = isUser(actor) ? (await loadAssessments(db, request.id)).find((a) => a.assessorId === actor.userId) : undefined;
	if (!mine) throw new DomainError('FORBIDDEN', m.eng_e_not_assigned());
	const set = await criteriaSetById(db, mine.criteriaSetId);
	return { request, set, assessment: mine, evidence: await countryEvidence(db, request.country) };
}
