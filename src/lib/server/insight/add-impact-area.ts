import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { BUILT_IN_IMPACT_AREAS } from '../../insight/codes.ts';
import { impactAreaInput } from '../../validation/insight.ts';
import { canSetIndicators } from './policies.ts';
import { impactAreas } from './schema.ts';

/** A code made from the name, so reports group by something stable and readable. */
export const areaCode = (name: string) =>
	'x_' +
	name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_|_$/g, '')
		.slice(0, 50);

/** Staff add an impact area of their own beside the built-in ones. */
export async function addImpactArea(db: Db, actor: Actor, raw: unknown) {
	ensure(canSetIndicators(actor));
	const input = parseInput(impactAreaInput, raw);
	const code = areaCode(input.name);
	if (code === 'x_' || (BUILT_IN_IMPACT_AREAS as readonly string[]).includes(code))
		throw new DomainError('INVALID_INPUT', m.insight_e_area_name(), { name: [m.insight_e_area_name()] });
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(impactAreas)
			.values({ code, name: input.name, createdBy: actor.kind === 'user' ? actor.userId : null })
			.onConflictDoNothing()
			.returning();
		if (!row) throw new DomainError('CONFLICT', m.insight_e_area_exists(), { name: [m.insight_e_area_exists()] });
		await recordActivity(tx, actor, { subjectType: 'impact_area', subjectId: code, action: 'created', changes: { name: { from: null, to: input.name } } });
		return row;
	});
}
