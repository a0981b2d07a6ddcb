import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, decisionClock, localDay, workingDaysBetween } from './working-days.ts';

// 2026-11-20 is a Friday.
describe('working-day decision clock', () => {
	it('ten working days from a Monday end on the Friday of the following week', () => {
		const due = addWorkingDays(new Date('2026-11-16T14:00:00Z'), 10, 'UTC');
		expect(due.toISOString()).toBe('2026-11-30T23:59:59.999Z');
	});
	it('weekends do not count: one working day from a Friday is the Monday', () => {
		expect(addWorkingDays(new Date('2026-11-20T10:00:00Z'), 1, 'UTC').toISOString().slice(0, 10)).toBe('2026-11-23');
	});
	it('a submission on Saturday counts from Monday', () => {
		expect(addWorkingDays(new Date('2026-11-21T10:00:00Z'), 1, 'UTC').toISOString().slice(0, 10)).toBe('2026-11-23');
	});
	it('the day is the call’s local day: Friday 23:30 in New York is already Saturday in UTC', () => {
		const fridayNight = new Date('2026-11-21T04:30:00Z'); // Fri 23:30 in New York
		const ny = addWorkingDays(fridayNight, 1, 'America/New_York');
		expect(ny.toISOString()).toBe('2026-11-24T04:59:59.999Z'); // end of Mon 23 Nov in New York
		const utc = addWorkingDays(fridayNight, 1, 'UTC');
		expect(utc.toISOString()).toBe('2026-11-23T23:59:59.999Z');
	});
	it('the end of a working day in Tokyo is before the end of the same day in UTC', () => {
		expect(addWorkingDays(new Date('2026-11-16T01:00:00Z'), 1, 'Asia/Tokyo').toISOString()).toBe('2026-11-17T14:59:59.999Z');
	});
	it('counts working days between two instants, skipping weekends', () => {
		expect(workingDaysBetween(new Date('2026-11-20T10:00:00Z'), new Date('2026-11-23T10:00:00Z'), 'UTC')).toBe(1);
		expect(workingDaysBetween(new Date('2026-11-23T10:00:00Z'), new Date('2026-11-20T10:00:00Z'), 'UTC')).toBe(-1);
		expect(workingDaysBetween(new Date('2026-11-16T10:00:00Z'), new Date('2026-11-16T20:00:00Z'), 'UTC')).toBe(0);
		// 2024-01-01 (Monday) to 2026-11-20 (Friday): 1,054 days, 150 whole weeks and Tuesday to Friday.
		expect(workingDaysBetween(new Date('2024-01-01T10:00:00Z'), new Date('2026-11-20T10:00:00Z'), 'UTC')).toBe(150 * 5 + 4);
	});
	it('counting by whole weeks agrees with counting day by day', () => {
		const start = new Date('2026-01-01T12:00:00Z');
		for (let n = 0; n < 60; n++) {
			const end = new Date(start.getTime() + n * 86_400_000);
			let slow = 0;
			for (let d = 1; d <= n; d++) {
				const wd = new Date(start.getTime() + d * 86_400_000).getUTCDay();
				if (wd !== 0 && wd !== 6) slow++;
			}
			expect(workingDaysBetween(start, end, 'UTC')).toBe(slow);
		}
	});
	it('days left, overdue, and the 80 % alert', () => {
		const sub = new Date('2026-11-16T09:00:00Z');
		const due = addWorkingDays(sub, 10, 'UTC');
		const early = decisionClock(due, 10, new Date('2026-11-17T09:00:00Z'), 'UTC');
		expect(early).toMatchObject({ daysLeft: 9, overdue: false, alert: false });
		// Wednesday 25th: seven working days used, three left; Thursday 26th: eight used.
		expect(decisionClock(due, 10, new Date('2026-11-25T12:00:00Z'), 'UTC')).toMatchObject({ daysLeft: 3, alert: false });
		expect(decisionClock(due, 10, new Date('2026-11-26T12:00:00Z'), 'UTC')).toMatchObject({ daysLeft: 2, alert: true });
		const over = decisionClock(due, 10, new Date('2026-12-02T09:00:00Z'), 'UTC');
		expect(over).toMatchObject({ overdue: true, daysLeft: -2 });
	});
	it('reads the local calendar day as luxon does, around midnight and daylight-saving changes', () => {
		const zones = ['UTC', 'America/New_York', 'Europe/Paris', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Sao_Paulo', 'Australia/Lord_Howe'];
		// A step of 407 minutes (no divisor of a day) over two years lands on every time of day in every season.
		for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 407 * 60_000) {
			const d = new Date(t);
			for (const zone of zones) {
				const local = DateTime.fromJSDate(d, { zone });
				expect(localDay(d, zone), `${d.toISOString()} ${zone}`).toBe(Math.round(Date.UTC(local.year, local.month - 1, local.day) / 86_400_000));
			}
		}
	});
});
