import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor } from '../identity/actor.ts';
import { canManageEvents, canRegister, canSeeAttendees, canSeeEvent } from './policies.ts';

const user = (role: string, orgs: string[] = []): Actor => ({ kind: 'user', userId: 'u', name: 'U', email: 'u@example.org', role: role as never, locale: 'en', timeZone: 'UTC', memberships: new Map(orgs.map((o) => [o, 'member'] as const)), via: 'session' });
const open = { status: 'published', organisationId: null };
const draft = { status: 'draft', organisationId: null };
const clinic = { status: 'published', organisationId: 'org-1' };

describe('event policies', () => {
	it('anyone sees a published open event; drafts only staff', () => {
		expect(canSeeEvent(ANONYMOUS, open).allowed).toBe(true);
		expect(canSeeEvent(ANONYMOUS, draft).allowed).toBe(false);
		expect(canSeeEvent(user('member'), draft).allowed).toBe(false);
		expect(canSeeEvent(user('reviewer'), draft).allowed).toBe(true);
	});
	it('a clinic is seen and joined only by its organisation’s members and staff', () => {
		expect(canSeeEvent(ANONYMOUS, clinic).allowed).toBe(false);
		expect(canSeeEvent(user('member', ['org-2']), clinic).allowed).toBe(false);
		expect(canSeeEvent(user('member', ['org-1']), clinic).allowed).toBe(true);
		expect(canRegister(ANONYMOUS, clinic).allowed).toBe(false);
		expect(canRegister(user('member', ['org-1']), clinic).allowed).toBe(true);
		expect(canRegister(ANONYMOUS, open).allowed).toBe(true);
	});
	it('only programme staff manage events; any staff see attendee lists', () => {
		expect(canManageEvents(user('programme_officer')).allowed).toBe(true);
		expect(canManageEvents(user('admin')).allowed).toBe(true);
		expect(canManageEvents(user('reviewer')).allowed).toBe(false);
		expect(canManageEvents(user('member')).allowed).toBe(false);
		expect(canSeeAttendees(user('finance')).allowed).toBe(true);
		expect(canSeeAttendees(user('external_reviewer')).allowed).toBe(false);
		expect(canSeeAttendees(ANONYMOUS).allowed).toBe(false);
	});
});
