import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { ROLES, type Role } from '../../roles.ts';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from './actor.ts';
import { ensure } from './ensure.ts';
import { ensureFreshProof } from './fresh-proof.ts';
import { canGrantRole } from './policies.ts';
import { users } from './schema.ts';

export async function grantRole(db: Db, actor: Actor, userId: string, role: string) {
	if (!(ROLES as readonly string[]).includes(role))
		throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { role: [m.v_invalid_choice()] });
	ensure(canGrantRole(actor, userId, role as Role));
	// A role opens or closes whole parts of the hub: the admin proves who they are first.
	ensureFreshProof(actor);
	return db.transaction(async (tx) => {
		const [before] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).limit(1);
		if (!before) throw new DomainError('NOT_FOUND', m.e_not_found());
		if (before.role === role) return;
		await tx.update(users).set({ role }).where(eq(users.id, userId));
		await recordActivity(tx, actor, {
			subjectType: 'user',
			subjectId: userId,
			action: 'role_changed',
			changes: { role: { from: before.role, to: role } }
		});
	});
}
