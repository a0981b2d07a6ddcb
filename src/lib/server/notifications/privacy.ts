import { eq } from 'drizzle-orm';
import type { PrivacyContributor } from '../privacy/contributor.ts';
import { notificationDigests, notificationPreferences, notifications } from './schema.ts';

/** Notices are only for the person they were made for, so erasure deletes them with the choices. */
export const notificationsPrivacy: PrivacyContributor = {
	key: 'notifications',
	async exportData(tx, s) {
		const notices = await tx
			.select({ category: notifications.category, subjectKind: notifications.subjectKind, subjectId: notifications.subjectId, href: notifications.href, createdAt: notifications.createdAt, readAt: notifications.readAt })
			.from(notifications)
			.where(eq(notifications.userId, s.userId));
		const preferences = await tx
			.select({ category: notificationPreferences.category, mode: notificationPreferences.mode })
			.from(notificationPreferences)
			.where(eq(notificationPreferences.userId, s.userId));
		return { notices, preferences };
	},
	async erase(tx, s) {
		await tx.delete(notifications).where(eq(notifications.userId, s.userId));
		await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, s.userId));
		await tx.delete(notificationDigests).where(eq(notificationDigests.userId, s.userId));
	}
};
