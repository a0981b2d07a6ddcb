import { describe, expect, it } from 'vitest';
import { canMove, decideApproval, decideRegistration, promotions, seatsLeft, type SeatState } from './registration-rules.ts';

const now = new Date('2026-05-01T12:00:00Z');
const base: SeatState = {
	status: 'published',
	startsAt: new Date('2026-05-10T14:30:00Z'),
	registrationOpensAt: null,
	registrationClosesAt: null,
	capacity: 20,
	confirmedCount: 0,
	waitlistEnabled: true,
	approvalRequired: false
};
const ev = (p: Partial<SeatState>) => ({ ...base, ...p });

describe('registration rules', () => {
	it('a free seat on an open event is confirmed', () => {
		expect(decideRegistration(base, now)).toEqual({ ok: true, status: 'confirmed' });
	});
	it('the last seat is still confirmed, the next person waits', () => {
		expect(decideRegistration(ev({ confirmedCount: 19 }), now)).toEqual({ ok: true, status: 'confirmed' });
		expect(decideRegistration(ev({ confirmedCount: 20 }), now)).toEqual({ ok: true, status: 'waitlisted' });
	});
	it('a full event without a waitlist refuses', () => {
		expect(decideRegistration(ev({ confirmedCount: 20, waitlistEnabled: false }), now)).toEqual({ ok: false, reason: 'full' });
	});
	it('an event without a capacity never fills', () => {
		expect(decideRegistration(ev({ capacity: null, confirmedCount: 5000 }), now)).toEqual({ ok: true, status: 'confirmed' });
		expect(seatsLeft({ capacity: null, confirmedCount: 3 })).toBeNull();
	});
	it('an approval-only event takes a request that holds no seat', () => {
		expect(decideRegistration(ev({ approvalRequired: true }), now)).toEqual({ ok: true, status: 'pending' });
	});
	it('before the window opens, after it closes and once the event has started, registration is refused', () => {
		expect(decideRegistration(ev({ registrationOpensAt: new Date('2026-05-02T00:00:00Z') }), now)).toEqual({ ok: false, reason: 'not_yet_open' });
		expect(decideRegistration(ev({ registrationClosesAt: new Date('2026-05-01T12:00:00Z') }), now)).toEqual({ ok: false, reason: 'closed' });
		expect(decideRegistration(ev({ startsAt: new Date('2026-04-30T10:00:00Z') }), now)).toEqual({ ok: false, reason: 'past' });
	});
	it('drafts and cancelled events take no registrations', () => {
		expect(decideRegistration(ev({ status: 'draft' }), now)).toEqual({ ok: false, reason: 'not_open' });
		expect(decideRegistration(ev({ status: 'cancelled' }), now)).toEqual({ ok: false, reason: 'not_open' });
	});
	it('approving a request confirms while seats remain, then waitlists, then refuses without a waitlist', () => {
		expect(decideApproval(ev({ confirmedCount: 3 }))).toEqual({ ok: true, status: 'confirmed' });
		expect(decideApproval(ev({ confirmedCount: 20 }))).toEqual({ ok: true, status: 'waitlisted' });
		expect(decideApproval(ev({ confirmedCount: 20, waitlistEnabled: false }))).toEqual({ ok: false, reason: 'full' });
	});
	it('freed seats promote at most as many people as are waiting', () => {
		expect(promotions({ capacity: 20, confirmedCount: 19 }, 5)).toBe(1);
		expect(promotions({ capacity: 20, confirmedCount: 15 }, 2)).toBe(2);
		expect(promotions({ capacity: 20, confirmedCount: 20 }, 5)).toBe(0);
	});
	it('a cancelled or declined registration cannot come back; a waitlisted one moves up only by the system', () => {
		expect(canMove('cancelled', 'confirmed', 'staff')).toBe(false);
		expect(canMove('declined', 'confirmed', 'staff')).toBe(false);
		expect(canMove('waitlisted', 'confirmed', 'person')).toBe(false);
		expect(canMove('waitlisted', 'confirmed', 'system')).toBe(true);
		expect(canMove('pending', 'confirmed', 'staff')).toBe(true);
		expect(canMove('confirmed', 'cancelled', 'person')).toBe(true);
	});
});
