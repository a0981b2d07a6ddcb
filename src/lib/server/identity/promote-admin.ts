import { eq } from 'drizzle-orm';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { ANONYMOUS } from './actor.ts';
import { users } from './schema.ts';

/**
 * Makes an existing account an admin (and marks its address verified). Only the server's operator
 * can do this, from the command line: it is how a new hub gets its first admin.
 */
export async function promoteToAdmin(db: Db, email: string): Promise<'promoted' | 'already' | 'not_found'> {
	return db.transaction(async (tx) => {
		const [user] = await tx.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
		if (!user) return 'not_found';
		if (user.role === 'admin') return 'already';
		await tx.update(users).set({ role: 'admin', emailVerified: true }).where(eq(users.id, user.id));
		await recordActivity(tx, ANONYMOUS, {
			subjectType: 'user',
			subjectId: user.id,
			action: 'role_changed',
			changes: { role: { from: user.role, to: 'admin' } }
		});
		return 'promoted';
	});
}
