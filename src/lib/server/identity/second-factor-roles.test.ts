import { describe, expect, it } from 'vitest';
import { mayGoWithoutSecondFactor } from '../http/second-factor-gate.ts';
import { DEFAULT_SECOND_FACTOR_ROLES, parseSecondFactorRoles } from './second-factor-roles.ts';

describe('which roles need a second factor', () => {
	it('admins and programme officers by default; any list of roles, or none', () => {
		expect(DEFAULT_SECOND_FACTOR_ROLES).toEqual(['admin', 'programme_officer']);
		expect(parseSecondFactorRoles(undefined)).toEqual(['admin', 'programme_officer']);
		expect(parseSecondFactorRoles('admin, finance ,reviewer')).toEqual(['admin', 'finance', 'reviewer']);
		expect(parseSecondFactorRoles('none')).toEqual([]);
		expect(parseSecondFactorRoles('')).toEqual([]);
		expect(parseSecondFactorRoles('admin,emperor')).toMatch(/unknown roles: emperor/);
	});

	it('until it is set up, only the set-up page, signing out and the language stay open', () => {
		for (const open of ['/settings/security', '/settings/security/__data.json', '/sign-out', '/language', '/api/auth/verify-email'])
			expect(mayGoWithoutSecondFactor(open), open).toBe(true);
		for (const closed of ['/', '/directory', '/admin/users', '/admin/users/__data.json', '/settings/tokens', '/api/v1/organisations', '/settings/security-other'])
			expect(mayGoWithoutSecondFactor(closed), closed).toBe(false);
	});
});
