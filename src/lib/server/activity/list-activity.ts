import { and, desc, eq, inArray, not, or, sql } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { users } from '../identity/schema.ts';
import { canSeeActivity } from '../directory/policies.ts';
import { organisations } from '../directory/schema.ts';
import { identityEntitled } from '../directory/scope.ts';
import { activityEvents } from './schema.ts';

export type ActivityRow = {
	id: string;
	action: string;
	subjectType: string;
	subjectId: string;
	actorName: string | null;
	changes: Record<string, { from: unknown; to: unknown }> | null;
	createdAt: Date;
};

const DIRECTORY_SUBJECTS = ['organisation', 'person', 'agreement', 'membership', 'invitation'];

/** Staff read the history of one record, or of everything that touched one organisation. */
export async function listActivity(
	db: Db,
	actor: Actor,
	filter: { organisationId?: string; subjectType?: string; subjectId?: string },
	limit = 50
): Promise<ActivityRow[]> {
	if (!canSeeActivity(actor).allowed) throw new DomainError('FORBIDDEN', m.e_forbidden());
	const conditions = [];
	if (filter.organisationId) conditions.push(eq(activityEvents.organisationId, filter.organisationId));
	if (filter.subjectType && filter.subjectId)
		conditions.push(
			and(eq(activityEvents.subjectType, filter.subjectType), eq(activityEvents.subjectId, filter.subjectId))
		);
	if (!conditions.length) throw new DomainError('INVALID_INPUT', m.e_invalid_input());
	// The directory's own records (the profile, its people, members, agreements) carry the
	// partner's identity in their changes: staff not entitled to a sensitive partner's identity
	// do not read them. Other records' history (a request's, an application's) stays theirs to read.
	const hiddenIdentity = sql`coalesce(${inArray(activityEvents.subjectType, DIRECTORY_SUBJECTS)} AND ${activityEvents.organisationId} IN (SELECT ${organisations.id} FROM ${organisations} WHERE NOT ${identityEntitled(actor, organisations.id, organisations.sensitive)}), false)`;
	return db
		.select({
			id: activityEvents.id,
			action: activityEvents.action,
			subjectType: activityEvents.subjectType,
			subjectId: activityEvents.subjectId,
			actorName: users.name,
			changes: activityEvents.changes,
			createdAt: activityEvents.createdAt
		})
		.from(activityEvents)
		.leftJoin(users, eq(users.id, activityEvents.actorId))
		.where(and(or(...conditions), not(hiddenIdentity)))
		.orderBy(desc(activityEvents.createdAt))
		.limit(limit);
}
