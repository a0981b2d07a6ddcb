// Who gets a seat. Pure: the use cases load the event (locked) and apply these rules inside
// the transaction, so the decision and the write see the same numbers.

export type SeatState = {
	status: 'draft' | 'published' | 'cancelled';
	startsAt: Date;
	registrationOpensAt: Date | null;
	registrationClosesAt: Date | null;
	capacity: number | null;
	confirmedCount: number;
	waitlistEnabled: boolean;
	approvalRequired: boolean;
};

export type RefusalReason = 'not_open' | 'not_yet_open' | 'closed' | 'past' | 'full';
export type SeatDecision =
	| { ok: true; status: 'confirmed' | 'waitlisted' | 'pending' }
	| { ok: false; reason: RefusalReason };

export const seatsLeft = (e: Pick<SeatState, 'capacity' | 'confirmedCount'>): number | null =>
	e.capacity === null ? null : Math.max(0, e.capacity - e.confirmedCount);

export const hasSeat = (e: Pick<SeatState, 'capacity' | 'confirmedCount'>) => e.capacity === null || e.confirmedCount < e.capacity;

/** Whether registration is open at `now`: published, inside the window, before the start. */
export function registrationWindow(e: SeatState, now: Date): { open: true } | { open: false; reason: Exclude<RefusalReason, 'full'> } {
	if (e.status !== 'published') return { open: false, reason: 'not_open' };
	if (e.startsAt.getTime() <= now.getTime()) return { open: false, reason: 'past' };
	if (e.registrationOpensAt && now.getTime() < e.registrationOpensAt.getTime()) return { open: false, reason: 'not_yet_open' };
	if (e.registrationClosesAt && now.getTime() >= e.registrationClosesAt.getTime()) return { open: false, reason: 'closed' };
	return { open: true };
}

/**
 * A new registration: refused outside the window; on an approval-only event it waits for staff
 * (a pending request holds no seat); otherwise a free seat is confirmed, and a full event puts the
 * person on the waitlist if the event has one, or refuses.
 */
export function decideRegistration(e: SeatState, now: Date): SeatDecision {
	const w = registrationWindow(e, now);
	if (!w.open) return { ok: false, reason: w.reason };
	if (e.approvalRequired) return { ok: true, status: 'pending' };
	if (hasSeat(e)) return { ok: true, status: 'confirmed' };
	return e.waitlistEnabled ? { ok: true, status: 'waitlisted' } : { ok: false, reason: 'full' };
}

/** Approving a pending request: a seat if there is one, else the waitlist, else refused. */
export function decideApproval(e: Pick<SeatState, 'capacity' | 'confirmedCount' | 'waitlistEnabled'>): SeatDecision {
	if (hasSeat(e)) return { ok: true, status: 'confirmed' };
	return e.waitlistEnabled ? { ok: true, status: 'waitlisted' } : { ok: false, reason: 'full' };
}

/** How many waitlisted people move up when seats free (a cancellation, or staff raising capacity). */
export function promotions(e: Pick<SeatState, 'capacity' | 'confirmedCount'>, waiting: number): number {
	if (e.capacity === null) return waiting;
	return Math.max(0, Math.min(waiting, e.capacity - e.confirmedCount));
}

/** Registration statuses a person may move between, and who moves them. */
export const REGISTRATION_TRANSITIONS: Record<string, { to: string; by: 'person' | 'staff' | 'system' }[]> = {
	pending: [
		{ to: 'confirmed', by: 'staff' },
		{ to: 'waitlisted', by: 'staff' },
		{ to: 'declined', by: 'staff' },
		{ to: 'cancelled', by: 'person' }
	],
	waitlisted: [
		{ to: 'confirmed', by: 'system' },
		{ to: 'cancelled', by: 'person' }
	],
	confirmed: [{ to: 'cancelled', by: 'person' }],
	cancelled: [],
	declined: []
};

export const canMove = (from: string, to: string, by: 'person' | 'staff' | 'system') =>
	(REGISTRATION_TRANSITIONS[from] ?? []).some((t) => t.to === to && (t.by === by || (by === 'staff' && t.by === 'person')));
