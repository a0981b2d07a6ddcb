import { describe, expect, it } from 'vitest';
import { dayBounds, durationMinutes, localToUtc, offsetMinutes, showTime, utcToLocalInput, zoneCity } from './time.ts';
import { DateTime } from 'luxon';

const utc = (iso: string) => new Date(iso);

describe('organiser wall-clock time → UTC', () => {
	it('10:30 in New York in winter is 15:30 UTC', () => {
		expect(localToUtc('2026-01-15T10:30', 'America/New_York')).toEqual({ ok: true, utc: utc('2026-01-15T15:30:00.000Z') });
	});
	it('10:30 in New York in summer is 14:30 UTC (the community call of the product brief)', () => {
		expect(localToUtc('2026-06-15T10:30', 'America/New_York')).toEqual({ ok: true, utc: utc('2026-06-15T14:30:00.000Z') });
	});
	it('a time in the US spring-forward gap does not exist and is refused', () => {
		expect(localToUtc('2026-03-08T02:30', 'America/New_York')).toEqual({ ok: false, reason: 'nonexistent' });
	});
	it('a time in the EU spring-forward gap does not exist and is refused', () => {
		expect(localToUtc('2026-03-29T02:15', 'Europe/Paris')).toEqual({ ok: false, reason: 'nonexistent' });
		expect(localToUtc('2026-03-29T01:30', 'Europe/London')).toEqual({ ok: false, reason: 'nonexistent' });
	});
	it('the minute just before and just after the gap exist', () => {
		expect(localToUtc('2026-03-08T01:59', 'America/New_York')).toEqual({ ok: true, utc: utc('2026-03-08T06:59:00.000Z') });
		expect(localToUtc('2026-03-08T03:00', 'America/New_York')).toEqual({ ok: true, utc: utc('2026-03-08T07:00:00.000Z') });
	});
	it('an ambiguous autumn time takes the earlier instant (still summer time)', () => {
		expect(localToUtc('2026-11-01T01:30', 'America/New_York')).toEqual({ ok: true, utc: utc('2026-11-01T05:30:00.000Z') });
		expect(localToUtc('2026-10-25T02:30', 'Europe/Paris')).toEqual({ ok: true, utc: utc('2026-10-25T00:30:00.000Z') });
	});
	it('zones without daylight saving are a fixed offset all year', () => {
		expect(localToUtc('2026-03-08T02:30', 'Africa/Nairobi')).toEqual({ ok: true, utc: utc('2026-03-07T23:30:00.000Z') });
		expect(localToUtc('2026-07-01T09:00', 'Asia/Kolkata')).toEqual({ ok: true, utc: utc('2026-07-01T03:30:00.000Z') });
	});
	it('southern-hemisphere clocks change the other way round', () => {
		// Sydney leaves summer time on the first Sunday of April: 02:30 happens twice, the earlier is taken.
		expect(localToUtc('2026-01-10T18:00', 'Australia/Sydney')).toEqual({ ok: true, utc: utc('2026-01-10T07:00:00.000Z') });
		expect(localToUtc('2026-07-10T18:00', 'Australia/Sydney')).toEqual({ ok: true, utc: utc('2026-07-10T08:00:00.000Z') });
		expect(localToUtc('2026-10-04T02:30', 'Australia/Sydney')).toEqual({ ok: false, reason: 'nonexistent' });
	});
	it('malformed input is invalid, not a guess', () => {
		expect(localToUtc('2026-13-01T10:00', 'Europe/Paris')).toEqual({ ok: false, reason: 'invalid' });
		expect(localToUtc('tomorrow', 'Europe/Paris')).toEqual({ ok: false, reason: 'invalid' });
	});
	it('round-trips to the value of a datetime-local field', () => {
		expect(utcToLocalInput(utc('2026-06-15T14:30:00Z'), 'America/New_York')).toBe('2026-06-15T10:30');
	});
});

describe('a start time shown to a viewer in another zone', () => {
	it('New York 10:30 is 15:30 in London in the ordinary winter weeks', () => {
		const t = showTime(utc('2026-02-10T15:30:00Z'), 'America/New_York', 'Europe/London', 'en-GB');
		expect([t.organiserTime, t.organiserCity, t.viewerTime]).toEqual(['10:30', 'New York', '15:30']);
	});
	it('in the weeks after the US has moved its clocks and Europe has not, the gap is four hours, not five', () => {
		// 2026: US on 8 March, EU on 29 March.
		const t = showTime(utc('2026-03-16T14:30:00Z'), 'America/New_York', 'Europe/London', 'en-GB');
		expect([t.organiserTime, t.viewerTime]).toEqual(['10:30', '14:30']);
		expect(offsetMinutes(utc('2026-03-16T14:30:00Z'), 'America/New_York') - offsetMinutes(utc('2026-03-16T14:30:00Z'), 'Europe/London')).toBe(-240);
	});
	it('in the autumn week when Europe has moved back and the US not yet, the gap is four hours again', () => {
		// 2026: EU on 25 October, US on 1 November.
		const t = showTime(utc('2026-10-27T14:30:00Z'), 'America/New_York', 'Europe/Paris', 'en-GB');
		expect([t.organiserTime, t.viewerTime]).toEqual(['10:30', '15:30']);
		const summer = showTime(utc('2026-09-15T14:30:00Z'), 'America/New_York', 'Europe/Paris', 'en-GB');
		expect(summer.viewerTime).toBe('16:30');
	});
	it('the same session on both sides of the US spring change keeps 10:30 for the organiser', () => {
		const before = showTime(utc('2026-03-05T15:30:00Z'), 'America/New_York', 'UTC', 'en-GB');
		const after = showTime(utc('2026-03-12T14:30:00Z'), 'America/New_York', 'UTC', 'en-GB');
		expect([before.organiserTime, before.viewerTime]).toEqual(['10:30', '15:30']);
		expect([after.organiserTime, after.viewerTime]).toEqual(['10:30', '14:30']);
	});
	it('a viewer on the organiser’s clock sees one time only', () => {
		const t = showTime(utc('2026-06-15T14:30:00Z'), 'America/New_York', 'America/Toronto', 'en');
		expect(t.viewerTime).toBeNull();
		expect(t.dayShift).toBe(0);
	});
	it('a viewer whose date has already turned sees the date and the day shift', () => {
		const t = showTime(utc('2026-06-15T22:00:00Z'), 'America/Mexico_City', 'Asia/Tokyo', 'en-GB');
		expect(t.dayShift).toBe(1);
		expect(t.viewerDate).toContain('16 June 2026');
		const back = showTime(utc('2026-06-16T02:00:00Z'), 'Europe/Paris', 'America/Los_Angeles', 'en-GB');
		expect(back.dayShift).toBe(-1);
	});
	it('times are written in the reader’s language', () => {
		const t = showTime(utc('2026-06-15T14:30:00Z'), 'America/New_York', 'Europe/Madrid', 'es');
		expect(t.organiserDate).toBe('15 de junio de 2026');
		expect(t.viewerTime).toBe('16:30');
	});
});

describe('small time helpers', () => {
	it('a session across the autumn change lasts its real length', () => {
		expect(durationMinutes(utc('2026-11-01T05:00:00Z'), utc('2026-11-01T07:00:00Z'))).toBe(120);
	});
	it('a zone’s readable place', () => {
		expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
		expect(zoneCity('UTC')).toBe('UTC');
	});
	it('a day in a zone is 23 hours long on the spring change', () => {
		const b = dayBounds('2026-03-29', 'Europe/Paris')!;
		expect((b.to.getTime() - b.from.getTime()) / 3_600_000).toBe(23);
		expect(dayBounds('not-a-date', 'UTC')).toBeNull();
	});
});

describe('showTime reads as luxon did', () => {
	// The luxon version it replaced (slower: a catalogue page shows forty times), kept as the reference.
	function luxonShowTime(instant: Date, organiserZone: string, viewerZone: string, locale: string) {
		const org = DateTime.fromJSDate(instant, { zone: organiserZone }).setLocale(locale);
		const viewer = DateTime.fromJSDate(instant, { zone: viewerZone }).setLocale(locale);
		const same = org.offset === viewer.offset;
		const dayShift = Math.round(DateTime.fromISO(viewer.toISODate()!).diff(DateTime.fromISO(org.toISODate()!), 'days').days);
		return {
			organiserTime: org.toLocaleString(DateTime.TIME_SIMPLE),
			organiserDate: org.toLocaleString(DateTime.DATE_FULL),
			organiserCity: zoneCity(organiserZone),
			viewerTime: same ? null : viewer.toLocaleString(DateTime.TIME_SIMPLE),
			viewerDate: same || dayShift === 0 ? null : viewer.toLocaleString(DateTime.DATE_FULL),
			dayShift: same ? 0 : dayShift,
			iso: instant.toISOString()
		};
	}

	it('for every pair of zones, language and instant tried, across clock changes and date lines', () => {
		const zones = ['UTC', 'GMT', 'Etc/UTC', 'America/New_York', 'Europe/London', 'Europe/Paris', 'America/Bogota', 'Africa/Nairobi', 'Asia/Manila', 'Asia/Kolkata', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Australia/Lord_Howe', 'America/St_Johns'];
		const locales = ['en', 'es', 'fr', 'en-GB'];
		let seed = 7;
		const next = () => (seed = (seed * 48_271) % 2_147_483_647);
		for (let i = 0; i < 1_000; i++) {
			// Instants from 2020 to 2030, with seconds and milliseconds.
			const instant = new Date(Date.UTC(2020, 0, 1) + (next() % 3_650) * 86_400_000 + (next() % 86_400_000));
			const [a, b] = [zones[next() % zones.length], zones[next() % zones.length]];
			const locale = locales[next() % locales.length];
			expect(showTime(instant, a, b, locale), `${instant.toISOString()} ${a} ${b} ${locale}`).toEqual(luxonShowTime(instant, a, b, locale));
		}
	});
});
