import { describe, expect, it } from 'vitest';
import { registrantNotice } from './event-change.ts';

const at = (iso: string) => new Date(iso);
const base = { startsAt: at('2031-01-10T10:00:00Z'), endsAt: at('2031-01-10T11:00:00Z'), status: 'published' };

describe('what registrants hear about a saved event', () => {
	it('a new start or end time is a reschedule', () => {
		expect(registrantNotice(base, { ...base, startsAt: at('2031-01-10T12:00:00Z'), endsAt: at('2031-01-10T13:00:00Z') })).toBe('event_rescheduled');
		expect(registrantNotice(base, { ...base, endsAt: at('2031-01-10T11:30:00Z') })).toBe('event_rescheduled');
	});
	it('cancelling is a cancellation, once', () => {
		expect(registrantNotice(base, { ...base, status: 'cancelled' })).toBe('event_cancelled');
		expect(registrantNotice({ ...base, status: 'cancelled' }, { ...base, status: 'cancelled' })).toBeNull();
	});
	it('a save that keeps the time tells nobody', () => {
		expect(registrantNotice(base, { ...base })).toBeNull();
	});
});
