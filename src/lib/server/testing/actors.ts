import type { MembershipRole, Role } from '../../roles.ts';
import type { Db } from '../db/types.ts';
import { memberships as membershipsTable } from '../directory/schema.ts';
import type { Actor } from '../identity/actor.ts';
import { loadActor } from '../identity/load-actor.ts';
import { makeUser } from '../seed/factories.ts';

/** A signed-in actor with the given role and memberships, backed by a real user row, who has just signed in. */
export async function actorFor(db: Db, role: Role, memberships: [string, MembershipRole][] = []): Promise<Actor> {
	const user = await makeUser(db, { role });
	if (memberships.length)
		await db.insert(membershipsTable).values(memberships.map(([organisationId, r]) => ({ organisationId, userId: user.id, role: r })));
	const actor = await loadActor(db, user.id, 'session');
	return actor.kind === 'user' ? { ...actor, provenAt: new Date() } : actor;
}

/** Runs `fn` and returns the domain error code it threw, or 'OK'. */
export async function outcome(fn: () => Promise<unknown>): Promise<string> {
	try {
		await fn();
		return 'OK';
	} catch (e) {
		const code = (e as { code?: string }).code;
		if (!code) throw e;
		return code;
	}
}
