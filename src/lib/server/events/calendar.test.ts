import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { catalogueCalendar, registrationCalendar } from './calendar.ts';

const event = {
	id: '6f1c2f7e-8d8a-4f57-9d1c-4d5c1b6a0e11',
	title: 'Community call, with a comma; and a semicolon',
	description: 'Line one\nLine two',
	startsAt: new Date('2026-06-15T14:30:00Z'),
	endsAt: new Date('2026-06-15T15:30:00Z'),
	timeZone: 'America/New_York',
	status: 'published' as const,
	updatedAt: new Date('2026-06-01T00:00:00Z'),
	sequence: 0,
	meetingUrl: 'https://meet.example.org/room-42'
};

const parse = (text: string) => new ICAL.Component(ICAL.parse(text));

describe('iCalendar files', () => {
	it('the public feed parses back with the same times and titles, and carries no meeting link', () => {
		const text = catalogueCalendar([event, { ...event, id: '7f1c2f7e-8d8a-4f57-9d1c-4d5c1b6a0e12', status: 'cancelled' }], { baseURL: 'https://hub.example.org', name: 'Support Hub events' });
		expect(text).not.toContain('room-42');
		const cal = parse(text);
		expect(cal.getFirstPropertyValue('version')).toBe('2.0');
		expect(cal.getFirstPropertyValue('prodid')).toBeTruthy();
		const vevents = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
		expect(vevents).toHaveLength(2);
		expect(vevents[0].summary).toBe(event.title);
		expect(vevents[0].startDate.toJSDate().toISOString()).toBe('2026-06-15T14:30:00.000Z');
		expect(vevents[0].endDate.toJSDate().toISOString()).toBe('2026-06-15T15:30:00.000Z');
		expect(vevents[0].uid).toBe(`${event.id}@events.support-hub`);
		expect(vevents[0].description).toBe('Line one\nLine two');
		expect(cal.getAllSubcomponents('vevent')[1].getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(cal.getAllSubcomponents('vevent')[0].getFirstPropertyValue('url')).toBe(`https://hub.example.org/events/${event.id}`);
		// RFC 5545 lines end in CRLF and are folded at 75 octets.
		expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
		expect(cal.getAllSubcomponents('vevent').every((v) => v.getFirstPropertyValue('dtstamp'))).toBe(true);
	});

	it('a confirmed person’s file has the join link; a waitlisted person’s file links to their registration only', () => {
		const labels = { joinLabel: 'Join online', manageLabel: 'Your registration' };
		const confirmed = parse(registrationCalendar(event, { id: 'r1', status: 'confirmed', manageUrl: 'https://hub.example.org/events/registrations/tok' }, labels));
		const v = confirmed.getFirstSubcomponent('vevent')!;
		expect(v.getFirstPropertyValue('location')).toBe('https://meet.example.org/room-42');
		expect(String(v.getFirstPropertyValue('description'))).toContain('Join online: https://meet.example.org/room-42');
		expect(v.getFirstPropertyValue('status')).toBe('CONFIRMED');
		const waiting = registrationCalendar(event, { id: 'r2', status: 'waitlisted', manageUrl: 'https://hub.example.org/events/registrations/tok2' }, labels);
		expect(waiting).not.toContain('room-42');
		const w = parse(waiting).getFirstSubcomponent('vevent')!;
		expect(w.getFirstPropertyValue('status')).toBe('TENTATIVE');
		expect(w.getFirstPropertyValue('url')).toBe('https://hub.example.org/events/registrations/tok2');
	});

	it('the SEQUENCE of a calendar entry is the event’s, so a later file (higher SEQUENCE) replaces the earlier one', () => {
		const labels = { joinLabel: 'Join', manageLabel: 'Yours' };
		const seqOf = (sequence: number) =>
			Number(parse(registrationCalendar({ ...event, sequence }, { id: 'r1', status: 'confirmed', manageUrl: 'https://hub.example.org/r' }, labels)).getFirstSubcomponent('vevent')!.getFirstPropertyValue('sequence'));
		expect(seqOf(0)).toBe(0);
		expect(seqOf(3)).toBe(3);
		expect(catalogueCalendar([{ ...event, sequence: 2 }], { baseURL: 'https://hub.example.org', name: 'x' })).toContain('SEQUENCE:2');
	});
});
