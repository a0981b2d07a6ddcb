import { describe, expect, it } from 'vitest';
import { cronMatches, parseCron } from './cron.ts';

const at = (iso: string) => new Date(iso);

describe('cron expressions', () => {
	it('every minute matches any minute', () => {
		expect(cronMatches(parseCron('* * * * *'), at('2026-05-01T12:34:00Z'))).toBe(true);
	});
	it('a daily time matches only that minute', () => {
		const c = parseCron('30 6 * * *');
		expect(cronMatches(c, at('2026-05-01T06:30:10Z'))).toBe(true);
		expect(cronMatches(c, at('2026-05-01T06:31:00Z'))).toBe(false);
	});
	it('steps and ranges', () => {
		const c = parseCron('*/15 9-17 * * 1-5');
		expect(cronMatches(c, at('2026-05-04T09:45:00Z'))).toBe(true); // a Monday
		expect(cronMatches(c, at('2026-05-03T09:45:00Z'))).toBe(false); // a Sunday
		expect(cronMatches(c, at('2026-05-04T18:00:00Z'))).toBe(false);
	});
	it('Sunday can be written 0 or 7', () => {
		expect(cronMatches(parseCron('0 0 * * 7'), at('2026-05-03T00:00:00Z'))).toBe(true);
	});
	it('with both day fields restricted, either matches', () => {
		const c = parseCron('0 8 1 * 1');
		expect(cronMatches(c, at('2026-05-01T08:00:00Z'))).toBe(true); // the 1st, a Friday
		expect(cronMatches(c, at('2026-05-04T08:00:00Z'))).toBe(true); // a Monday
		expect(cronMatches(c, at('2026-05-05T08:00:00Z'))).toBe(false);
	});
	it('malformed expressions are refused', () => {
		expect(() => parseCron('* * *')).toThrow();
		expect(() => parseCron('61 * * * *')).toThrow();
		expect(() => parseCron('a * * * *')).toThrow();
	});
});
