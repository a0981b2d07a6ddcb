import { and, asc, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { findVisibleOrganisation } from './find-organisation.ts';
import { canManageNeedToKnow } from './policies.ts';
import { needToKnow } from './schema.ts';

/** Staff roles the list can name: admins and programme officers already see every partner. */
export const NEED_TO_KNOW_ROLES = ['reviewer', 'finance'] as const;

/**
 * Who is on a partner's need-to-know list (who added them, and when), and the staff who could
 * be added. For admins and programme officers, who keep the list.
 */
export async function listNeedToKnow(db: DbOrTx, actor: Actor, organisationId: string) {
	ensure(canManageNeedToKnow(actor));
	const org = await findVisibleOrganisation(db, actor, organisationId);
	const rows = await db
		.select({ userId: needToKnow.userId, addedBy: needToKnow.addedBy, addedAt: needToKnow.createdAt, name: users.name, email: users.email, role: users.role })
		.from(needToKnow)
		.innerJoin(users, eq(users.id, needToKnow.userId))
		.where(eq(needToKnow.organisationId, org.id))
		.orderBy(asc(users.name));
	const adders = [...new Set(rows.map((r) => r.addedBy).filter((v): v is string => !!v))];
	const adderNames = adders.length
		? new Map((await db.select({ id: users.id, name: users.name, erasedAt: users.erasedAt }).from(users).where(inArray(users.id, adders))).map((u) => [u.id, u.erasedAt ? null : u.name]))
		: new Map<string, string | null>();
	const listed = rows.map((r) => r.userId);
	const candidates = await db
		.select({ userId: users.id, name: users.name, email: users.email, role: users.role })
		.from(users)
		.where(and(inArray(users.role, [...NEED_TO_KNOW_ROLES]), isNull(users.erasedAt), listed.length ? notInArray(users.id, listed) : undefined))
		.orderBy(asc(users.name));
	return {
		organisationId: org.id,
		people: rows.map(({ addedBy, ...r }) => ({ ...r, addedBy: addedBy ? { id: addedBy, name: adderNames.get(addedBy) ?? null } : null })),
		candidates
	};
}
export type NeedToKnowList = Awaited<ReturnType<typeof listNeedToKnow>>;
