import { describe, expect, it } from 'vitest';
import type { Role } from '../../roles.ts';
import type { Actor } from '../identity/actor.ts';
import { canEditOrganisation, canManageMembers, canSeeOrganisation, canSeePrivate, canSetSensitivity } from './policies.ts';

const user = (role: Role, memberships: [string, 'owner' | 'member'][] = []): Actor => ({
	kind: 'user', userId: 'u', name: 'n', email: 'e@x.org', role, locale: 'en', timeZone: 'UTC', memberships: new Map(memberships), via: 'session'
});
const open = { id: 'o1', sensitive: false };
const sensitive = { id: 's1', sensitive: true };

describe('directory policies', () => {
	it('visitors see no partner at all', () => {
		expect(canSeeOrganisation({ kind: 'anonymous' }, open).allowed).toBe(false);
	});
	it('a partner member sees ordinary partners but not a sensitive one they do not belong to', () => {
		expect(canSeeOrganisation(user('member'), open).allowed).toBe(true);
		expect(canSeeOrganisation(user('member'), sensitive).allowed).toBe(false);
	});
	it('a sensitive partner is seen by staff and by its own members', () => {
		expect(canSeeOrganisation(user('reviewer'), sensitive).allowed).toBe(true);
		expect(canSeeOrganisation(user('member', [['s1', 'member']]), sensitive).allowed).toBe(true);
	});
	it('an external reviewer sees only organisations they belong to', () => {
		expect(canSeeOrganisation(user('external_reviewer'), open).allowed).toBe(false);
		expect(canSeeOrganisation(user('external_reviewer', [['o1', 'member']]), open).allowed).toBe(true);
	});
	it('private data of a partner is for staff and its members only', () => {
		expect(canSeePrivate(user('member'), open).allowed).toBe(false);
		expect(canSeePrivate(user('finance'), open).allowed).toBe(true);
		expect(canSeePrivate(user('member', [['o1', 'member']]), open).allowed).toBe(true);
	});
	it('members edit their organisation; reviewers and finance only read', () => {
		expect(canEditOrganisation(user('member', [['o1', 'member']]), open).allowed).toBe(true);
		expect(canEditOrganisation(user('reviewer'), open).allowed).toBe(false);
		expect(canEditOrganisation(user('finance'), open).allowed).toBe(false);
		expect(canEditOrganisation(user('programme_officer'), open).allowed).toBe(true);
	});
	it('only owners and programme staff manage members', () => {
		expect(canManageMembers(user('member', [['o1', 'member']]), open).allowed).toBe(false);
		expect(canManageMembers(user('member', [['o1', 'owner']]), open).allowed).toBe(true);
	});
	it('only programme staff mark a partner sensitive, and a refusal says why', () => {
		const d = canSetSensitivity(user('member', [['o1', 'owner']]));
		expect(d.allowed).toBe(false);
		expect(d.allowed ? '' : d.reason).toMatch(/programme staff/);
		expect(canSetSensitivity(user('admin')).allowed).toBe(true);
	});
});
