import { z } from './zod.ts';

const days = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * Retention periods in days. The lower bounds keep the rules safe: a typo cannot purge this
 * week's mails or delete a draft without the full notice period.
 */
export const retentionInput = z.object({
	guestRegistrationDays: days(30, 3650),
	outboxBodyDays: days(7, 3650),
	draftIdleDays: days(90, 3650),
	draftWarningDays: days(14, 365),
	declinedAnswersDays: days(180, 3650),
	contactMessageDays: days(30, 3650)
});
export type RetentionInput = z.infer<typeof retentionInput>;
