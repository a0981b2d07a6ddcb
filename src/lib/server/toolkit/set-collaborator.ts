import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { memberships } from '../directory/schema.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { collaboratorInput } from '../../validation/toolkit.ts';
import { findVisibleStrategy } from './find-strategy.ts';
import { canManageCollaborators } from './policies.ts';
import { strategyCollaborators } from './schema.ts';

/** Makes a member of the organisation an editor or a viewer of the strategy. */
export async function setCollaborator(db: Db, actor: Actor, strategyId: string, raw: unknown) {
	const input = parseInput(collaboratorInput, raw);
	return db.transaction(async (tx) => {
		const found = await findVisibleStrategy(tx, actor, strategyId);
		ensure(canManageCollaborators(actor, found.strategy, found.role));
		const [member] = await tx
			.select({ role: memberships.role })
			.from(memberships)
			.where(and(eq(memberships.organisationId, found.strategy.organisationId), eq(memberships.userId, input.userId)));
		// Only the organisation's own members work on its strategy.
		if (!member) throw new DomainError('INVALID_INPUT', m.toolkit_e_not_a_member(), { userId: [m.toolkit_e_not_a_member()] });
		await tx
			.insert(strategyCollaborators)
			.values({ strategyId, userId: input.userId, role: input.role })
			.onConflictDoUpdate({ target: [strategyCollaborators.strategyId, strategyCollaborators.userId], set: { role: input.role } });
		await recordActivity(tx, actor, {
			subjectType: 'strategy',
			subjectId: strategyId,
			organisationId: found.strategy.organisationId,
			action: 'role_changed',
			changes: { [`collaborator.${input.userId}`]: { from: null, to: input.role } }
		});
		return { userId: input.userId, role: input.role };
	});
}
