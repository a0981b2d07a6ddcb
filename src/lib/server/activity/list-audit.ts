import { and, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { hasRole, type Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { allow, deny, type Decision } from '../identity/policies.ts';
import { users } from '../identity/schema.ts';
import { parseInput } from '../validate.ts';
import { auditQuery, type AuditQuery } from '../../validation/audit.ts';
import { activityEvents } from './schema.ts';

/** The whole audit trail (every capability's activity) is for admins. */
export function canReadAudit(actor: Actor): Decision {
	return hasRole(actor, 'admin') ? allow : deny('only admins read the audit log');
}

const likeTerm = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function auditFilter(q: AuditQuery): SQL | undefined {
	const where: (SQL | undefined)[] = [];
	if (q.who) where.push(or(ilike(users.name, likeTerm(q.who)), ilike(users.email, likeTerm(q.who))));
	if (q.action) where.push(eq(activityEvents.action, q.action));
	if (q.subjectType) where.push(eq(activityEvents.subjectType, q.subjectType));
	if (q.subject) where.push(eq(activityEvents.subjectId, q.subject));
	// Days are whole UTC days, the "to" day included.
	if (q.from) where.push(gte(activityEvents.createdAt, new Date(`${q.from}T00:00:00Z`)));
	if (q.to) where.push(lt(activityEvents.createdAt, new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000)));
	return where.length ? and(...where) : undefined;
}

export const auditColumns = {
	id: activityEvents.id,
	createdAt: activityEvents.createdAt,
	actorId: activityEvents.actorId,
	actorName: users.name,
	actorEmail: users.email,
	action: activityEvents.action,
	subjectType: activityEvents.subjectType,
	subjectId: activityEvents.subjectId,
	changes: activityEvents.changes
};

/**
 * One page of the audit trail, newest first, with the actions and subject kinds that occur (for
 * the filter's choices). Built on the activity log every use case already writes.
 */
export async function listAudit(db: Db, actor: Actor, raw: unknown) {
	ensure(canReadAudit(actor));
	const q = parseInput(auditQuery, raw);
	const where = auditFilter(q);
	const [items, [{ total }], actions, subjectTypes] = await Promise.all([
		db
			.select(auditColumns)
			.from(activityEvents)
			.leftJoin(users, eq(users.id, activityEvents.actorId))
			.where(where)
			.orderBy(desc(activityEvents.createdAt), desc(activityEvents.id))
			.limit(q.pageSize)
			.offset((q.page - 1) * q.pageSize),
		db.select({ total: count() }).from(activityEvents).leftJoin(users, eq(users.id, activityEvents.actorId)).where(where),
		db.selectDistinct({ v: activityEvents.action }).from(activityEvents).orderBy(sql`1`),
		db.selectDistinct({ v: activityEvents.subjectType }).from(activityEvents).orderBy(sql`1`)
	]);
	return { query: q, items, total, actions: actions.map((a) => a.v), subjectTypes: subjectTypes.map((s) => s.v) };
}
export type AuditPage = Awaited<ReturnType<typeof listAudit>>;
