import { sql } from 'drizzle-orm';
import type { PrivacyContributor } from '../privacy/contributor.ts';
import { scheduledJobs } from './schema.ts';

/**
 * Jobs waiting to run (a reminder, a mail) may carry the address in their payload; they are
 * dropped, since there is no one left to remind. Jobs keyed only by record ids are not touched.
 */
export const jobsPrivacy: PrivacyContributor = {
	key: 'scheduledJobs',
	async exportData() {
		return undefined;
	},
	async erase(tx, s) {
		await tx
			.delete(scheduledJobs)
			.where(sql`strpos(lower(${scheduledJobs.payload}::text), ${s.email.toLowerCase()}) > 0 OR strpos(${scheduledJobs.payload}::text, ${s.userId}) > 0`);
	}
};
