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

/** Whole working days from `from`'s local day (exclusive) to `to`'s local day (inclusive). */
export function workingDaysBetween(from: Date, to: Date, timeZone: string): number {
	let a = DateTime.fromJSDate(from, { zone: timeZone }).startOf('day');
	const b = DateTime.fromJSDate(to, { zone: timeZone }).startOf('day');
	const sign = b < a ? -1 : 1;
	let n = 0;
	let guard = 0;
	while (!a.hasSame(b, 'day') && guard++ < 5000) {
		a = a.plus({ days: sign });
		if (a.weekday <= 5) n += sign;
	}
	return n;
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
