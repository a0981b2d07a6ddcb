import { DateTime } from 'luxon';

/**
 * Working days are Monday to Friday in the call's time zone. A submission made on a weekend, or
 * after the end of a working day, starts counting from the next working day; the deadline is
 * the end of the Nth working day (23:59:59.999 local time).
 */
export function addWorkingDays(from: Date, days: number, timeZone: string): Date {
	let d = DateTime.fromJSDate(from, { zone: timeZone }).startOf('day');
	let left = days;
	while (left > 0) {
		d = d.plus({ days: 1 });
		if (d.weekday <= 5) left -= 1;
	}
	return d.endOf('day').toJSDate();
}

/** Monday = 0 … Sunday = 6, for a day number counted from 1970-01-01 (a Thursday). */
const weekday = (day: number) => (((day + 3) % 7) + 7) % 7;
/** Working days in the half-open range of day numbers [a, b). */
function workingDaysIn(a: number, b: number): number {
	const days = b - a;
	let n = Math.floor(days / 7) * 5;
	for (let d = a + Math.floor(days / 7) * 7; d < b; d++) if (weekday(d) < 5) n++;
	return n;
}

/**
 * Whole working days from `from`'s local day (exclusive) to `to`'s local day (inclusive),
 * negative when `to` is earlier. Counted by whole weeks, so a clock years overdue costs no more
 * than one due tomorrow.
 */
export function workingDaysBetween(from: Date, to: Date, timeZone: string): number {
	const dayOf = (d: Date) => {
		const local = DateTime.fromJSDate(d, { zone: timeZone });
		return Math.round(Date.UTC(local.year, local.month - 1, local.day) / 86_400_000);
	};
	const a = dayOf(from);
	const b = dayOf(to);
	return b >= a ? workingDaysIn(a + 1, b + 1) : -workingDaysIn(b + 1, a + 1);
}

export type DecisionClock = {
	/** Working days left before the deadline (0 on its last day); negative when overdue. */
	daysLeft: number;
	overdue: boolean;
	/** Share of the target's working days already used, from 0 upwards (over 1 when overdue). */
	elapsed: number;
	/** The programme lead is alerted once 80 % of the working days have passed. */
	alert: boolean;
};

export const ALERT_AT = 0.8;

export function decisionClock(dueAt: Date, targetDays: number, now: Date, timeZone: string): DecisionClock {
	const overdue = now.getTime() > dueAt.getTime();
	const daysLeft = overdue ? -Math.max(1, workingDaysBetween(dueAt, now, timeZone)) : workingDaysBetween(now, dueAt, timeZone);
	const elapsed = Math.max(0, (targetDays - daysLeft) / targetDays);
	return { daysLeft, overdue, elapsed, alert: overdue || elapsed >= ALERT_AT };
}
