import { m } from '#lib/paraglide/messages.js';
import { LOCALES } from '../../roles.ts';
import { isTimeZone } from '../i18n.ts';
import { z } from '../../validation/zod.ts';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from './password-policy.ts';

const password = z
	.string()
	.min(PASSWORD_MIN, { error: () => m.v_password_length() })
	.max(PASSWORD_MAX, { error: () => m.v_password_length() })
	.superRefine((value, ctx) => {
		const problem = passwordProblem(value);
		if (problem === 'blank') ctx.addIssue({ code: 'custom', message: m.hardening_password_blank() });
		if (problem === 'common') ctx.addIssue({ code: 'custom', message: m.hardening_password_common() });
	});

export const signUpInput = z.object({
	name: z.string().trim().min(1).max(200),
	email: z.email().max(320),
	password,
	locale: z.enum(LOCALES).default('en'),
	timeZone: z.string().refine(isTimeZone, { error: () => m.v_invalid_time_zone() }).default('UTC')
});
export const signInInput = z.object({ email: z.email().max(320), password: z.string().min(1).max(128) });
export const emailInput = z.object({ email: z.email().max(320) });
export const resetInput = z.object({ token: z.string().min(1).max(500), password });
export const codeInput = z.object({ code: z.string().trim().regex(/^\d{6}$/, { error: () => m.auth_invalid_code() }) });
export const passwordInput = z.object({ password: z.string().min(1).max(128) });
export const changePasswordInput = z.object({ currentPassword: z.string().min(1).max(128), newPassword: password });
