type Timing = { startsAt: Date; endsAt: Date; status: string };

/**
 * What registrants must hear about a saved event: a cancellation, a new time, or nothing (a
 * changed description or capacity is not worth a mail). Drafts have no registrants to tell.
 */
export function registrantNotice(before: Timing, after: Timing): 'event_cancelled' | 'event_rescheduled' | null {
	if (after.status === 'cancelled' && before.status !== 'cancelled') return 'event_cancelled';
	if (after.status !== 'published') return null;
	const moved = before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime();
	return moved ? 'event_rescheduled' : null;
}
