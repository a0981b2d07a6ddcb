import type { Db } from '../db/types.ts';
import type { FileStore } from '../uploads/file-store.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { anonymiseGuestRegistrations, purgeDeclinedAnswers, purgeOutboxBodies, sweepIdleDrafts } from './apply-retention.ts';
import { readRetention } from './retention-settings.ts';
import { deleteClosedContactMessages } from '../contact/delete-closed-messages.ts';
import { dropSettledAnswerVersions } from '../grants/drop-settled-answer-versions.ts';

/** Runs every retention rule once with the rules in force; safe to run again (each rule is idempotent). */
export async function applyRetention(db: Db, now = new Date(), files?: FileStore) {
	const rules = await readRetention(db);
	return {
		guestRegistrations: await anonymiseGuestRegistrations(db, rules, now),
		outboxBodies: await purgeOutboxBodies(db, rules, now),
		drafts: await sweepIdleDrafts(db, rules, now, files),
		declinedAnswers: await purgeDeclinedAnswers(db, rules, now, files),
		contactMessages: await deleteClosedContactMessages(db, rules, now),
		answerVersions: await dropSettledAnswerVersions(db)
	};
}

/** Daily, at a quiet hour (UTC). */
export function registerPrivacyJobs(queue: Pick<JobQueue, 'every'>, db: Db, files: FileStore): void {
	queue.every('privacy-retention', '23 3 * * *', async () => {
		await applyRetention(db, new Date(), files);
	});
}
