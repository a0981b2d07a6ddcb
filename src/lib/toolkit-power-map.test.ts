import { describe, expect, it } from 'vitest';
import { cleanTies, fromGridPoint, moveByKey, place, quadrantOf, suggestFlags } from './toolkit-power-map.ts';

describe('power-map placement', () => {
	it('a powerful supporter is a key ally, a powerful opponent or neutral must be persuaded', () => {
		expect(quadrantOf(2, 5)).toBe('key_allies');
		expect(quadrantOf(1, 4)).toBe('key_allies');
		expect(quadrantOf(-2, 5)).toBe('persuade');
		expect(quadrantOf(0, 4)).toBe('persuade');
	});
	it('power 3 or less is low: supporters are mobilised, the others monitored', () => {
		expect(quadrantOf(2, 3)).toBe('mobilise');
		expect(quadrantOf(0, 3)).toBe('monitor');
		expect(quadrantOf(-1, 1)).toBe('monitor');
	});
	it('out-of-range and fractional values are clamped and rounded before placing', () => {
		expect(place(7, 9)).toEqual({ position: 2, power: 5, column: 4, row: 0, quadrant: 'key_allies' });
		expect(place(-9, -3)).toEqual({ position: -2, power: 1, column: 0, row: 4, quadrant: 'monitor' });
		expect(place(0.6, 3.4)).toMatchObject({ position: 1, power: 3 });
		expect(place(Number.NaN, Number.NaN)).toMatchObject({ position: 0, power: 3 });
	});
	it('a point dropped on the grid maps to the cell under it, edges included', () => {
		expect(fromGridPoint(0, 0)).toEqual({ position: -2, power: 5 });
		expect(fromGridPoint(1, 1)).toEqual({ position: 2, power: 1 });
		expect(fromGridPoint(0.5, 0.5)).toEqual({ position: 0, power: 3 });
		expect(fromGridPoint(-4, 3)).toEqual({ position: -2, power: 1 });
	});
	it('arrow keys move one cell and stop at the edges', () => {
		expect(moveByKey(0, 3, 'ArrowRight')).toEqual({ position: 1, power: 3 });
		expect(moveByKey(0, 3, 'ArrowUp')).toEqual({ position: 0, power: 4 });
		expect(moveByKey(2, 5, 'ArrowRight')).toEqual({ position: 2, power: 5 });
		expect(moveByKey(-2, 1, 'ArrowDown')).toEqual({ position: -2, power: 1 });
		expect(moveByKey(1, 2, 'Enter')).toEqual({ position: 1, power: 2 });
	});
	it('a powerful non-supporter is suggested as a target, supporters as allies', () => {
		expect(suggestFlags(-1, 5)).toEqual({ target: true, ally: false });
		expect(suggestFlags(2, 2)).toEqual({ target: false, ally: true });
		expect(suggestFlags(-2, 1)).toEqual({ target: false, ally: false });
	});
	it('ties to itself, to unknown stakeholders and duplicates are dropped', () => {
		expect(cleanTies('a', ['a', 'b', 'b', 'z'], new Set(['a', 'b', 'c']))).toEqual(['b']);
	});
});
