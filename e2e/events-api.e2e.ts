// The events API with a personal token: staff create an event, the token's owner registers,
// fetches their calendar file and cancels; bad input and refusals are 4xx JSON, never a 500.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { baseURL, DEMO_PASSWORD, demo, en, useHub, signIn, uniqueWord, visit } from './helpers.ts';

const hubs = useHub();
let token = '';
const call = (path: string, init: RequestInit = {}) =>
	fetch(baseURL + path, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });

describe('events API', () => {
	it('a programme officer makes a token', async () => {
		const page = await hubs.current.newPage();
		await signIn(page, demo('officer'), DEMO_PASSWORD);
		await visit(page, '/settings/tokens');
		await page.getByLabel(en.token_name).fill('events script');
		await page.getByRole('button', { name: en.token_create }).click();
		token = (await page.getByTestId('new-token').textContent())?.trim() ?? '';
		expect(token).toMatch(/^shk_/);
	});

	it('creates an event, registers, reads the calendar file, lists attendees and cancels', async () => {
		const list = await (await call('/api/v1/events?format=open_webinar')).json();
		const formatId = (await (await call(`/api/v1/events/${list.items[0].id}`)).json()).formatId;
		const title = `API session ${uniqueWord('')}`;
		const bad = await call('/api/v1/events', { method: 'POST', body: JSON.stringify({ title, formatId, languages: ['en'], startsLocal: '2031-03-09T02:30', endsLocal: '2031-03-09T04:00', timeZone: 'America/New_York' }) });
		expect(bad.status).toBe(400);
		expect((await bad.json()).error.fields.startsLocal).toBeTruthy();
		const created = await call('/api/v1/events', { method: 'POST', body: JSON.stringify({ title, formatId, languages: ['en'], startsLocal: '2031-03-09T10:30', endsLocal: '2031-03-09T11:30', timeZone: 'America/New_York', capacity: 10, status: 'published', meetingUrl: 'https://meet.example.org/api-room' }) });
		expect(created.status).toBe(201);
		const event = await created.json();
		expect(event.startsAt).toBe('2031-03-09T14:30:00.000Z');
		expect(event.meetingUrl).toBeUndefined();

		const reg = await call(`/api/v1/events/${event.id}/registrations`, { method: 'POST', body: JSON.stringify({ consent: true }) });
		expect(reg.status).toBe(201);
		const registration = await reg.json();
		expect(registration.status).toBe('confirmed');
		const again = await call(`/api/v1/events/${event.id}/registrations`, { method: 'POST', body: JSON.stringify({ consent: true }) });
		expect(again.status, 'the place the caller already has, unchanged').toBe(200);
		expect((await again.json()).id).toBe(registration.id);

		const ics = await call(`/api/v1/events/${event.id}/calendar.ics`);
		const vevent = new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent('vevent')!;
		expect(String(vevent.getFirstPropertyValue('location'))).toBe('https://meet.example.org/api-room');

		const attendees = await (await call(`/api/v1/events/${event.id}/registrations`)).json();
		expect(attendees.items).toHaveLength(1);
		const cancelled = await call(`/api/v1/registrations/${registration.id}`, { method: 'DELETE' });
		expect((await cancelled.json()).status).toBe('cancelled');
		const feed = await (await call('/api/v1/events/calendar.ics')).text();
		expect(feed).toContain(title);
		expect(feed).not.toContain('api-room');
	});
});
