import { COMMON_PASSWORDS } from './common-passwords.ts';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const COMMON = new Set(COMMON_PASSWORDS.split('\n').filter(Boolean));

export type PasswordProblem = 'length' | 'blank' | 'common';

/**
 * The one rule for every password the hub accepts (sign-up, reset, the auth library's endpoints,
 * accounts made by tools): long enough to resist guessing, not just spaces, and not one that
 * attackers try first. "Common" also covers a listed password with digits or signs stuck on the
 * end (`password1234`) and a short chunk repeated to reach the length (`aaaaaaaaaaaa`, `abcabcabcabc`).
 */
export function passwordProblem(password: string): PasswordProblem | null {
	if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) return 'length';
	if (!password.trim()) return 'blank';
	const lower = password.toLowerCase();
	const base = lower.replace(/[\d\W_]+$/, '');
	if (COMMON.has(lower) || (base.length >= 4 && COMMON.has(base))) return 'common';
	if (/^(.{1,4})\1+$/s.test(lower)) return 'common';
	return null;
}
