import { eq, or, sql } from 'drizzle-orm';
import type { PrivacyContributor } from '../privacy/contributor.ts';
import { activityEvents } from './schema.ts';

const carriesPersonalData = (s: { userId: string; email: string; name: string }) =>
	or(
		eq(activityEvents.subjectId, s.userId),
		sql`strpos(lower(${activityEvents.changes}::text), ${s.email.toLowerCase()}) > 0`,
		sql`strpos(${activityEvents.changes}::text, ${JSON.stringify(s.name).slice(1, -1)}) > 0`
	);

/**
 * The trail of what happened stays (who did what, when, to which record, by opaque id); the
 * before/after values that held the person's name, address or other details are dropped.
 */
export const activityPrivacy: PrivacyContributor = {
	key: 'activity',
	async exportData(tx, s) {
		return tx
			.select({ action: activityEvents.action, subjectType: activityEvents.subjectType, subjectId: activityEvents.subjectId, changes: activityEvents.changes, byThem: sql<boolean>`${activityEvents.actorId} = ${s.userId}`, createdAt: activityEvents.createdAt })
			.from(activityEvents)
			.where(or(eq(activityEvents.actorId, s.userId), eq(activityEvents.subjectId, s.userId)));
	},
	async erase(tx, s) {
		await tx.update(activityEvents).set({ changes: null }).where(carriesPersonalData(s));
	}
};
