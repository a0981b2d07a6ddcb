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

// The staff list shows a clock on every row: the calendar day of an instant in a zone is read
// with one formatter per zone (making one costs far more than using it), and remembered, since
// the rows of a page share "now" and many share a deadline (the end of the same working day).
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const daysSeen = new Map<string, number>();
/** Days since 1970-01-01 of the calendar day that `d` falls on in `timeZone`. */
export function localDay(d: Date, timeZone: string): number {
	const key = `${timeZone} ${d.getTime()}`;
	const seen = daysSeen.get(key);
	if (seen !== undefined) return seen;
	let format = dayFormats.get(timeZone);
	if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })));
	let year = 0, month = 0, day = 0;
	for (const p of format.formatToParts(d)) {
		if (p.type === 'year') year = Number(p.value);
		else if (p.type === 'month') month = Number(p.value);
		else if (p.type === 'day') day = Number(p.value);
	}
	const days = Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
	if (daysSeen.size >= 10_000) daysSeen.clear();
	daysSeen.set(key, days);
	return days;
}

/**
 * Whole working days from `from`'s local day (exclusive) to `to`'s local day (inclusive),
 * negative when `to` is earlier. Counted by whole weeks, so a clock years overdue costs no more
 * than one due tomorrow.
 */
export function workingDaysBetween(from: Date, to: Date, timeZone: string): number {
	const a = localDay(from, timeZone);
	const b = localDay(to, timeZone);
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
