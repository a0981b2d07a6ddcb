import { eq } from 'drizzle-orm';
import type { PrivacyContributor } from '../privacy/contributor.ts';
import { contactMessages } from './schema.ts';

/** Messages sent from the person's address: exported with their answers, deleted on erasure. */
export const contactPrivacy: PrivacyContributor = {
	key: 'contactMessages',
	async exportData(tx, s) {
		return tx
			.select({ topic: contactMessages.topic, name: contactMessages.name, message: contactMessages.message, answer: contactMessages.answer, status: contactMessages.status, createdAt: contactMessages.createdAt })
			.from(contactMessages)
			.where(eq(contactMessages.email, s.email.toLowerCase()));
	},
	async erase(tx, s) {
		await tx.delete(contactMessages).where(eq(contactMessages.email, s.email.toLowerCase()));
	}
};
