import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { findVisibleOrganisation } from '../directory/find-organisation.ts';
import { DomainError } from '../errors.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { strategyInput } from '../../validation/toolkit.ts';
import { canCreateStrategy } from './policies.ts';
import { strategies, strategyCollaborators, strategySteps } from './schema.ts';

/** Starts a strategy with its four empty steps; the person who starts it is its first editor. */
export async function createStrategy(db: Db, actor: Actor, organisationId: string, raw: unknown) {
	const input = parseInput(strategyInput, raw);
	if (!isUser(actor)) throw new DomainError('UNAUTHENTICATED', m.e_sign_in_required());
	return db.transaction(async (tx) => {
		const org = await findVisibleOrganisation(tx, actor, organisationId);
		ensure(canCreateStrategy(actor, org.id));
		const [s] = await tx.insert(strategies).values({ ...input, organisationId: org.id, createdBy: actor.userId }).returning();
		await tx.insert(strategySteps).values([1, 2, 3, 4].map((step) => ({ strategyId: s.id, step, content: {}, version: 0 })));
		await tx.insert(strategyCollaborators).values({ strategyId: s.id, userId: actor.userId, role: 'editor' });
		await recordActivity(tx, actor, { subjectType: 'strategy', subjectId: s.id, organisationId: org.id, action: 'created', changes: { title: { from: null, to: s.title } } });
		return s;
	});
}
