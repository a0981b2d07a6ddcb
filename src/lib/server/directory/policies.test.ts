import { describe, expect, it } from 'vitest';
import type { Role } from '../../roles.ts';
import type { Actor } from '../identity/actor.ts';
import { entitledToIdentity, partnerLabel, partnerIdentity } from './partner-label.ts';
import { canEditOrganisation, canManageMembers, canManageNeedToKnow, canSeeOrganisation, canSeePrivate, canSetSensitivity } from './policies.ts';

const user = (role: Role, memberships: [string, 'owner' | 'member'][] = [], needToKnow: string[] = []): Actor => ({
	kind: 'user', userId: 'u', name: 'n', email: 'e@x.org', role, locale: 'en', timeZone: 'UTC', memberships: new Map(memberships), needToKnow: new Set(needToKnow), via: 'session'
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
	it('a sensitive partner is seen by admins, officers, staff on its need-to-know list and its own members', () => {
		expect(canSeeOrganisation(user('admin'), sensitive).allowed).toBe(true);
		expect(canSeeOrganisation(user('programme_officer'), sensitive).allowed).toBe(true);
		expect(canSeeOrganisation(user('reviewer', [], ['s1']), sensitive).allowed).toBe(true);
		expect(canSeeOrganisation(user('finance', [], ['s1']), sensitive).allowed).toBe(true);
		expect(canSeeOrganisation(user('member', [['s1', 'member']]), sensitive).allowed).toBe(true);
	});
	it('staff not on the list see neither a sensitive partner nor its private data', () => {
		expect(canSeeOrganisation(user('reviewer'), sensitive).allowed).toBe(false);
		expect(canSeeOrganisation(user('finance', [], ['other']), sensitive).allowed).toBe(false);
		expect(canSeePrivate(user('reviewer'), sensitive).allowed).toBe(false);
		expect(canSeePrivate(user('reviewer', [], ['s1']), sensitive).allowed).toBe(true);
		expect(canSeeOrganisation(user('reviewer'), open).allowed).toBe(true);
	});
	it('the list entitles staff only: an outside reviewer or partner member named on it still gets the reference', () => {
		expect(entitledToIdentity(user('external_reviewer', [], ['s1']), sensitive)).toBe(false);
		expect(entitledToIdentity(user('member', [], ['s1']), sensitive)).toBe(false);
		expect(entitledToIdentity({ kind: 'anonymous' }, sensitive)).toBe(false);
		expect(entitledToIdentity({ kind: 'anonymous' }, open)).toBe(true);
	});
	it('the label is the name for the entitled and the neutral reference for everyone else, in their language', () => {
		const org = { id: 's1', name: 'Quiet Partner', reference: 'SH-ABC234', sensitive: true };
		expect(partnerLabel(user('programme_officer'), org)).toBe('Quiet Partner');
		expect(partnerLabel(user('reviewer', [], ['s1']), org)).toBe('Quiet Partner');
		expect(partnerLabel(user('reviewer'), org)).not.toContain('Quiet');
		expect(partnerLabel(user('reviewer'), org)).toContain('SH-ABC234');
		expect(partnerLabel({ ...user('finance'), locale: 'es' } as Actor, org)).toContain('SH-ABC234');
		expect(partnerIdentity(user('finance'), { ...org, region: 'africa', description: 'secret' })).toEqual({ id: 's1', name: partnerLabel(user('finance'), org), reference: 'SH-ABC234', sensitive: true, region: 'africa', masked: true });
	});
	it('only admins and programme officers keep need-to-know lists', () => {
		expect(canManageNeedToKnow(user('admin')).allowed).toBe(true);
		expect(canManageNeedToKnow(user('programme_officer')).allowed).toBe(true);
		for (const r of ['reviewer', 'finance', 'external_reviewer', 'member'] as const) expect(canManageNeedToKnow(user(r, [['s1', 'owner']])).allowed).toBe(false);
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
