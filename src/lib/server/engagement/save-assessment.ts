import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import { countryEvidence, evidenceImportIds, recordEvidenceSeen } from '../country-context/country-evidence.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { assessmentInput } from '../../validation/engagement.ts';
import { criteriaSetById } from './criteria-set.ts';
import { findVisibleRequest } from './find-request.ts';
import { refreshResult } from './refresh-result.ts';
import { engagementAssessments, engagementScores } from './schema.ts';

/**
 * Saves the actor's own assessment of a request, as a draft or submitted. Only an assigned
 * assessor may; a submitted assessment is final. Submitting needs an answer (a level or
 * "unknown") on every criterion of the assessment's version.
 */
export async function saveAssessment(db: Db, actor: Actor, requestId: string, raw: unknown) {
	const input = parseInput(assessmentInput, raw);
	return db.transaction(async (tx) => {
		const { request } = await findVisibleRequest(tx, actor, requestId, { lock: true });
		const [mine] = isUser(actor)
			? await tx
					.select()
					.from(engagementAssessments)
					.where(and(eq(engagementAssessments.requestId, request.id), eq(engagementAssessments.assessorId, actor.userId)))
					.limit(1)
			: [];
		if (!mine) throw new DomainError('FORBIDDEN', m.eng_e_not_assigned());
		if (mine.submittedAt) throw new DomainError('CONFLICT', m.eng_e_already_submitted());
		if (request.status !== 'in_assessment') throw new DomainError('INVALID_TRANSITION', m.eng_e_transition());
		const set = await criteriaSetById(tx, mine.criteriaSetId);
		const keys = new Set(set.criteria.map((c) => c.key));
		const fields: Record<string, string[]> = {};
		for (const k of Object.keys(input.scores)) if (!keys.has(k)) fields[`scores.${k}.level`] = [m.v_invalid_choice()];
		if (input.submit)
			for (const c of set.criteria) if (input.scores[c.key]?.level === undefined) fields[`scores.${c.key}.level`] = [m.eng_v_level_required()];
		if (Object.keys(fields).length) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), fields);

		await tx.delete(engagementScores).where(eq(engagementScores.assessmentId, mine.id));
		const rows = Object.entries(input.scores)
			.filter(([, s]) => s.level !== undefined || s.note)
			.map(([criterion, s]) => ({ assessmentId: mine.id, criterion, level: s.level ?? null, answered: s.level !== undefined, confidence: s.confidence, note: s.note }));
		if (rows.length) await tx.insert(engagementScores).values(rows);
		await tx
			.update(engagementAssessments)
			.set({ submittedAt: input.submit ? new Date() : null, updatedAt: new Date() })
			.where(eq(engagementAssessments.id, mine.id));
		// The assessment keeps which country imports it was saved beside.
		await recordEvidenceSeen(tx, mine.id, evidenceImportIds(await countryEvidence(tx, request.country)));
		await recordActivity(tx, actor, {
			subjectType: 'assessment',
			subjectId: mine.id,
			organisationId: request.organisationId,
			action: input.submit ? 'submitted' : 'updated'
		});
		if (input.submit) await refreshResult(tx, request.id, request.criteriaSetId ?? mine.criteriaSetId);
		return { id: mine.id, submitted: input.submit };
	});
}
