import { and, count, eq, isNull, ne } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db, Tx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { ensureFreshProof } from '../identity/fresh-proof.ts';
import { users } from '../identity/schema.ts';
import type { DataSubject } from './contributor.ts';
import { canErasePerson } from './policies.ts';
import { PRIVACY_CONTRIBUTORS } from './registry.ts';

/** The person as they are now; an unknown or already erased account is not found. */
export async function findSubject(tx: Tx | Db, userId: string): Promise<DataSubject & { role: string }> {
	const [u] = await tx
		.select({ userId: users.id, email: users.email, name: users.name, role: users.role })
		.from(users)
		.where(and(eq(users.id, userId), isNull(users.erasedAt)))
		.limit(1);
	if (!u) throw new DomainError('NOT_FOUND', m.e_not_found());
	return u;
}

/**
 * Erases a person in one transaction: every capability removes or anonymises what it holds, the
 * account is emptied (so sessions and tokens stop at once), and the activity log records
 * `person.erased` with the opaque id only. The hub must keep an admin, so the last one cannot go.
 *
 * An owner who is the last owner of an organisation may still be erased: for someone at risk,
 * leaving must not wait for a colleague. The organisation stays, without owner, and staff invite
 * a new one from the directory; the erasure page says so beforehand.
 */
export async function erasePerson(db: Db, actor: Actor, userId: string): Promise<void> {
	ensure(canErasePerson(actor, userId));
	ensureFreshProof(actor);
	await db.transaction(async (tx) => {
		const subject = await findSubject(tx, userId);
		if (subject.role === 'admin') {
			const [{ others }] = await tx
				.select({ others: count() })
				.from(users)
				.where(and(eq(users.role, 'admin'), ne(users.id, userId), isNull(users.erasedAt)));
			if (others === 0) throw new DomainError('CONFLICT', m.privacy_last_admin());
		}
		for (const contributor of PRIVACY_CONTRIBUTORS) await contributor.erase(tx, subject);
		await recordActivity(tx, actor, { subjectType: 'user', subjectId: userId, action: 'person.erased' });
	});
}
