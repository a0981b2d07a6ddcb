import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { presentTimes, viewerZone } from './viewer-zone.ts';

function jar(init: Record<string, string> = {}) {
	const store = { ...init };
	return { store, cookies: { get: (k: string) => store[k], set: (k: string, v: string) => void (store[k] = v) } as unknown as Cookies };
}
const guest = { timeZone: 'UTC', actor: { kind: 'anonymous' } };
const member = { timeZone: 'Asia/Calcutta', actor: { kind: 'user' } };
const url = (q = '') => new URL(`http://x/events${q}`);

describe('viewer zone', () => {
	it('a guest without a choice sees UTC, not "their" time', () => {
		expect(viewerZone(guest, jar().cookies, url())).toEqual({ zone: 'UTC', chosen: false });
	});
	it('a zone guessed by the browser is used but not called theirs', () => {
		expect(viewerZone(guest, jar({ event_tz_guess: 'Europe/Paris' }).cookies, url())).toEqual({ zone: 'Europe/Paris', chosen: false });
	});
	it('a remembered choice and an account setting are theirs', () => {
		expect(viewerZone(guest, jar({ event_tz: 'Europe/Paris', event_tz_guess: 'Asia/Tokyo' }).cookies, url())).toEqual({ zone: 'Europe/Paris', chosen: true });
		expect(viewerZone(member, jar().cookies, url())).toEqual({ zone: 'Asia/Kolkata', chosen: true });
	});
	it('accepts a retired name on input and keeps the current one', () => {
		const { store, cookies } = jar();
		expect(viewerZone(guest, cookies, url('?tz=Asia/Calcutta'))).toEqual({ zone: 'Asia/Kolkata', chosen: true });
		expect(store.event_tz).toBe('Asia/Kolkata');
	});
	it('ignores a forged or unknown guess', () => {
		expect(viewerZone(guest, jar({ event_tz_guess: 'Mars/Olympus' }).cookies, url())).toEqual({ zone: 'UTC', chosen: false });
	});
	it('times carry whether the viewer chose the zone', () => {
		const e = { startsAt: new Date('2026-07-01T14:00:00Z'), endsAt: new Date('2026-07-01T15:00:00Z'), timeZone: 'America/New_York' };
		const t = presentTimes(e, { zone: 'UTC', chosen: false }, 'en');
		expect(t.start.viewerChosen).toBe(false);
		expect(t.start.viewerCity).toBe('UTC');
		expect(t.start.viewerTime).not.toBeNull();
	});
});
