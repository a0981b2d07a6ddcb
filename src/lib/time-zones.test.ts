import { describe, expect, it } from 'vitest';
import { currentZoneName, viewerZoneLabel, zoneChoices } from './time-zones.ts';

describe('current zone names', () => {
	it('maps retired names to the ones IANA uses now', () => {
		expect(currentZoneName('Asia/Calcutta')).toBe('Asia/Kolkata');
		expect(currentZoneName('Europe/Kiev')).toBe('Europe/Kyiv');
		expect(currentZoneName('America/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
		expect(currentZoneName('Pacific/Truk')).toBe('Pacific/Chuuk');
	});
	it('leaves current names alone', () => {
		expect(currentZoneName('Asia/Kolkata')).toBe('Asia/Kolkata');
		expect(currentZoneName('Europe/Paris')).toBe('Europe/Paris');
	});
	it('offers current names only, once each, UTC first', () => {
		const list = zoneChoices(['Europe/Paris', 'Asia/Calcutta', 'Asia/Kolkata', 'UTC']).map((z) => z.value);
		expect(list).toEqual(['UTC', 'Asia/Kolkata', 'Europe/Paris']);
	});
	it('offers Kolkata from the runtime list', () => {
		const list = zoneChoices(Intl.supportedValuesOf('timeZone')).map((z) => z.value);
		expect(list).toContain('Asia/Kolkata');
		expect(list).not.toContain('Asia/Calcutta');
	});
});

describe('viewer zone label', () => {
	it('calls only a chosen zone "your time"', () => {
		expect(viewerZoneLabel(true)).toBe('yours');
		expect(viewerZoneLabel(false)).toBe('named');
	});
});
