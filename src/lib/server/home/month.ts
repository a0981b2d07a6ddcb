import { DateTime } from 'luxon';

/**
 * The person's own month, as the `date` values the hub stores (due dates, planned payments):
 * "this month" starts at midnight on the 1st where they are, not in UTC.
 */
export function monthOf(now: Date, timeZone: string): { today: string; start: string; next: string } {
	const local = DateTime.fromJSDate(now, { zone: timeZone });
	const day = local.isValid ? local : DateTime.fromJSDate(now, { zone: 'UTC' });
	return {
		today: day.toISODate()!,
		start: day.startOf('month').toISODate()!,
		next: day.startOf('month').plus({ months: 1 }).toISODate()!
	};
}
