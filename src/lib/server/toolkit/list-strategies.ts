import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { findVisibleOrganisation } from '../directory/find-organisation.ts';
import { organisations } from '../directory/schema.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { canSeeStrategy } from './policies.ts';
import { strategies } from './schema.ts';
import { visibleStrategies } from './scope.ts';

const COLUMNS = { id: strategies.id, title: strategies.title, language: strategies.language, organisationId: strategies.organisationId, updatedAt: strategies.updatedAt };

/** One organisation's strategies, for its members and staff. */
export async function listStrategies(db: DbOrTx, actor: Actor, organisationId: string) {
	const org = await findVisibleOrganisation(db, actor, organisationId);
	ensure(canSeeStrategy(actor, { organisationId: org.id, sensitive: org.sensitive }));
	return db.select(COLUMNS).from(strategies).where(and(eq(strategies.organisationId, org.id), visibleStrategies(actor))).orderBy(desc(strategies.updatedAt));
}

/** Every strategy the actor may see, grouped by organisation name (the toolkit's start page). */
export async function listMyStrategies(db: DbOrTx, actor: Actor) {
	return db
		.select({ ...COLUMNS, organisationName: organisations.name })
		.from(strategies)
		.innerJoin(organisations, eq(organisations.id, strategies.organisationId))
		.where(visibleStrategies(actor))
		.orderBy(asc(organisations.name), desc(strategies.updatedAt))
		.limit(500);
}

/** The organisations the actor may start a strategy for: the ones they belong to. */
export async function organisationsForNewStrategy(db: DbOrTx, actor: Actor) {
	const ids = isUser(actor) ? [...actor.memberships.keys()] : [];
	if (!ids.length) return [];
	return db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids)).orderBy(asc(organisations.name));
}
