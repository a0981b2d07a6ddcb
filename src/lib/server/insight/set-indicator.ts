import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { indicatorInput } from '../../validation/insight.ts';
import { findSubject } from './find-subject.ts';
import { listImpactAreas } from './list-impact-areas.ts';
import { canSetIndicators } from './policies.ts';
import { outcomeIndicators } from './schema.ts';

/** Staff add an outcome indicator to an invested request, an awarded grant or a strategy. */
export async function setIndicator(db: Db, actor: Actor, subjectType: string, subjectId: string, raw: unknown) {
	const input = parseInput(indicatorInput, raw);
	return db.transaction(async (tx) => {
		const subject = await findSubject(tx, actor, subjectType, subjectId);
		ensure(canSetIndicators(actor));
		if (!subject.open) throw new DomainError('CONFLICT', m.insight_e_subject_closed());
		const areas = await listImpactAreas(tx);
		if (!areas.some((a) => a.code === input.impactArea))
			throw new DomainError('INVALID_INPUT', m.insight_e_unknown_area(), { impactArea: [m.insight_e_unknown_area()] });
		const [row] = await tx
			.insert(outcomeIndicators)
			.values({ ...input, subjectType: subject.type, subjectId: subject.id, organisationId: subject.organisationId, createdBy: actor.kind === 'user' ? actor.userId : null })
			.returning();
		await recordActivity(tx, actor, {
			subjectType: 'outcome_indicator',
			subjectId: row.id,
			organisationId: subject.organisationId,
			action: 'created',
			changes: { measure: { from: null, to: row.measure }, target: { from: null, to: row.target } }
		});
		return row;
	});
}
