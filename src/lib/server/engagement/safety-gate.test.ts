import { describe, expect, it } from 'vitest';
import { gateRequirement } from './safety-gate.ts';

const approved = { approvedAt: new Date('2026-11-01'), approvedBy: 'u-approver' };
const blocked = { gate: 'blocked' as const, gateOverriddenAt: null };

describe('the safety gate rule', () => {
	it('asks nothing of a request whose gate is clear, unknown or not yet judged', () => {
		for (const gate of ['clear', 'unknown', null] as const) {
			expect(gateRequirement({ gate, gateOverriddenAt: null }, null, 'u-decider')).toMatchObject({ triggered: false, missing: [] });
		}
	});
	it('a triggered gate needs a plan and its approval', () => {
		expect(gateRequirement(blocked, null, 'u-decider')).toMatchObject({ triggered: true, plan: 'none', missing: ['plan', 'approval'] });
		expect(gateRequirement(blocked, { approvedAt: null, approvedBy: null }, 'u-decider')).toMatchObject({ plan: 'awaiting_approval', missing: ['approval'] });
		expect(gateRequirement(blocked, approved, 'u-decider')).toMatchObject({ plan: 'approved', missing: [] });
	});
	it('the approver cannot also be the one deciding', () => {
		expect(gateRequirement(blocked, approved, 'u-approver').missing).toEqual(['other_decider']);
		// Without a decider in view (a page for someone else) the approved plan is enough.
		expect(gateRequirement(blocked, approved).missing).toEqual([]);
	});
	it('a recorded override lifts the requirement', () => {
		expect(gateRequirement({ gate: 'blocked', gateOverriddenAt: new Date() }, null, 'u-decider')).toMatchObject({ overridden: true, missing: [] });
	});
});
