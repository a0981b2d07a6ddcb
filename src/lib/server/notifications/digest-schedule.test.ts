import { describe, expect, it } from 'vitest';
import { digestDay, dueDigests } from './digest-schedule.ts';

describe('daily digest at 08:00 in each person’s zone', () => {
	it('is not due before 08:00 local and is due from 08:00 on that local day', () => {
		expect(digestDay(new Date('2026-06-15T11:59:00Z'), 'America/New_York')).toBeNull(); // 07:59 EDT
		expect(digestDay(new Date('2026-06-15T12:00:00Z'), 'America/New_York')).toBe('2026-06-15');
	});
	it('a half-hour zone reaches 08:00 on a half hour (Kolkata 08:30 at 03:00 UTC)', () => {
		expect(digestDay(new Date('2026-06-15T02:00:00Z'), 'Asia/Kolkata')).toBeNull(); // 07:30 IST
		expect(digestDay(new Date('2026-06-15T03:00:00Z'), 'Asia/Kolkata')).toBe('2026-06-15');
	});
	it('the local date can differ from the UTC date', () => {
		expect(digestDay(new Date('2026-06-15T22:00:00Z'), 'Pacific/Auckland')).toBe('2026-06-16'); // 10:00 NZST next day
	});
	it('groups waiting notices by person and keeps only those whose morning has come', () => {
		const now = new Date('2026-06-15T07:30:00Z'); // 08:30 London, 03:30 New York, 13:00 Kolkata
		const due = dueDigests(now, [
			{ userId: 'london', timeZone: 'Europe/London', id: 1 },
			{ userId: 'ny', timeZone: 'America/New_York', id: 2 },
			{ userId: 'london', timeZone: 'Europe/London', id: 3 },
			{ userId: 'kolkata', timeZone: 'Asia/Kolkata', id: 4 }
		]);
		expect(due.map((d) => [d.userId, d.localDate, d.items.map((i) => i.id)])).toEqual([
			['london', '2026-06-15', [1, 3]],
			['kolkata', '2026-06-15', [4]]
		]);
	});
	it('an unknown zone is read as UTC rather than failing the whole run', () => {
		expect(digestDay(new Date('2026-06-15T08:00:00Z'), 'Mars/Olympus')).toBe('2026-06-15');
	});
});
