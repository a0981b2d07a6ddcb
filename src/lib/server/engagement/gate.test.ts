import { describe, expect, it } from 'vitest';
import { gateState } from './gate.ts';

const criteria = [{ key: 'security', polarity: 'positive' as const }, { key: 'goal', polarity: 'positive' as const }];
const gate = { criterion: 'security', atOrBelow: 1 };

describe('physical-security gate', () => {
	it('blocks at or below the configured level, whatever else', () => {
		expect(gateState(gate, criteria, [1])).toBe('blocked');
		expect(gateState(gate, criteria, [0])).toBe('blocked');
	});
	it('is clear above the configured level', () => {
		expect(gateState(gate, criteria, [2, 4])).toBe('clear');
	});
	it('one cautious assessor is enough to block', () => {
		expect(gateState(gate, criteria, [4, 4, 1])).toBe('blocked');
	});
	it('is unknown when no assessor could answer', () => {
		expect(gateState(gate, criteria, [null, null])).toBe('unknown');
		expect(gateState(gate, criteria, [null, 3])).toBe('clear');
	});
	it('follows the polarity of the gated criterion', () => {
		expect(gateState(gate, [{ key: 'security', polarity: 'negative' }], [4])).toBe('blocked');
		expect(gateState(gate, [{ key: 'security', polarity: 'negative' }], [0])).toBe('clear');
	});
	it('a set without a gate never blocks', () => {
		expect(gateState(null, criteria, [0])).toBe('clear');
	});
});
