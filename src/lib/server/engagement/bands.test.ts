import { describe, expect, it } from 'vitest';
import { bandFor, validBands } from './bands.ts';

const bands = [
	{ code: 'invest', min: 70 },
	{ code: 'discuss', min: 45 },
	{ code: 'decline', min: 0 }
];

describe('bands', () => {
	it('a score at a threshold falls in the higher band', () => {
		expect(bandFor(70, bands)?.code).toBe('invest');
		expect(bandFor(69.99, bands)?.code).toBe('discuss');
		expect(bandFor(45, bands)?.code).toBe('discuss');
		expect(bandFor(10, bands)?.code).toBe('decline');
	});
	it('thresholds are configurable', () => {
		expect(bandFor(60, [{ code: 'invest', min: 55 }, { code: 'decline', min: 0 }])?.code).toBe('invest');
	});
	it('no score means no band', () => {
		expect(bandFor(null, bands)).toBeNull();
	});
	it('bands must descend strictly and end at 0', () => {
		expect(validBands(bands)).toBe(true);
		expect(validBands([{ min: 40 }, { min: 60 }, { min: 0 }])).toBe(false);
		expect(validBands([{ min: 70 }, { min: 30 }])).toBe(false);
		expect(validBands([])).toBe(false);
		expect(validBands([{ min: 50 }, { min: 50 }, { min: 0 }])).toBe(false);
	});
});
