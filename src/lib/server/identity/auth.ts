import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { twoFactor } from 'better-auth/plugins';
import { APIError } from 'better-auth/api';
import { passkey } from '@better-auth/passkey';
import { enforceHubRules } from './auth-rules.ts';
import { PASSWORD_MIN } from './password-policy.ts';
import type { Db } from '../db/types.ts';
import { CLIENT_ADDRESS_HEADER } from './client-address.ts';
import { queueMail } from '../mail/mailer.ts';
import { remindExistingAccount } from './remind-existing-account.ts';
import { resetPasswordMail, verifyEmailMail } from '../mail/templates.ts';
import { hitRateLimit, LIMITS } from './rate-limit.ts';
import { accounts, passkeys, sessions, twoFactors, users, verifications } from './schema.ts';
import { owedMail, scopedDb } from './auth-transaction.ts';

export type AuthOptions = {
	db: Db;
	secret: string;
	baseURL: string;
	/** Adds the SvelteKit cookie bridge in the running app; tests leave it out. */
	plugins?: BetterAuthPlugin[];
};

export { PASSWORD_MIN };
export const RESET_TOKEN_SECONDS = 30 * 60;

/**
 * better-auth owns credentials, sessions (in the database, so any instance can serve any
 * request), e-mail verification, password reset and TOTP. The hub owns roles and organisations.
 */
export function createAuth({ db: hubDb, secret, baseURL, plugins = [] }: AuthOptions) {
	// Inside `inAuthTransaction` (sign-up, password reset) the library's writes and the mail they
	// owe share one transaction; elsewhere this is the database itself (decision 044).
	const db = scopedDb(hubDb);
	const auth = betterAuth({
		appName: 'Support Hub',
		secret,
		baseURL,
		trustedOrigins: [baseURL],
		database: drizzleAdapter(db, {
			provider: 'pg',
			schema: {
				user: users,
				session: sessions,
				account: accounts,
				verification: verifications,
				twoFactor: twoFactors,
				passkey: passkeys
			}
		}),
		// The library's own endpoints judge passwords and profile fields by the hub's rules.
		hooks: { before: enforceHubRules },
		user: {
			additionalFields: {
				role: { type: 'string', input: false, defaultValue: 'member' },
				locale: { type: 'string', input: true, defaultValue: 'en' },
				timeZone: { type: 'string', input: true, defaultValue: 'UTC' }
			}
		},
		session: {
			expiresIn: 60 * 60 * 24 * 7,
			updateAge: 60 * 60 * 24,
			// No signed copy of the session in a cookie: every request reads the session row, so signing
			// out, a password reset, a role change or an erasure refuses the very next request on every
			// instance (decision 037, which replaces 016).
			cookieCache: { enabled: false },
			// When the person last confirmed who they are in this session (the confirm page writes it).
			additionalFields: {
				provenAt: { type: 'date', required: false, input: false },
				// When a passkey proved who the person is in this session: a second factor (decision 050).
				passkeyAt: { type: 'date', required: false, input: false }
			}
		},
		emailAndPassword: {
			enabled: true,
			requireEmailVerification: true,
			minPasswordLength: PASSWORD_MIN,
			maxPasswordLength: 128,
			resetPasswordTokenExpiresIn: RESET_TOKEN_SECONDS,
			revokeSessionsOnPasswordReset: true,
			// Signing up again answers exactly like a new sign-up; the owner of the address is told by mail.
			onExistingUserSignUp: async ({ user }) => {
				await owedMail(() =>
					remindExistingAccount(db, baseURL, user.email, (email) => auth.api.sendVerificationEmail({ body: { email, callbackURL: '/directory' } }))
				);
			},
			sendResetPassword: async ({ user, url }) => {
				const locale = (user as { locale?: string }).locale ?? 'en';
				await owedMail(() => queueMail(db, { kind: 'password_reset', to: user.email, locale, ...resetPasswordMail(locale, user.name, url) }));
			}
		},
		emailVerification: {
			sendOnSignUp: true,
			autoSignInAfterVerification: true,
			expiresIn: 60 * 60 * 24,
			sendVerificationEmail: async ({ user, url }) => {
				const locale = (user as { locale?: string }).locale ?? 'en';
				await owedMail(() => queueMail(db, { kind: 'verify_email', to: user.email, locale, ...verifyEmailMail(locale, user.name, url) }));
			}
		},
		rateLimit: {
			enabled: true,
			window: 60,
			max: 100,
			customRules: {
				'/sign-in/email': { window: 60, max: LIMITS.signIn.max },
				'/sign-up/email': { window: 600, max: LIMITS.signUp.max },
				'/request-password-reset': { window: 900, max: LIMITS.reset.max },
				'/two-factor/verify-totp': { window: 60, max: LIMITS.twoFactor.max }
			},
			// Counters live in the shared table so limits hold across instances.
			customStorage: {
				consume: async (key, rule) => {
					const r = await hitRateLimit(db, `auth:${key}`, rule.max, rule.window);
					return { allowed: r.allowed, retryAfter: r.allowed ? null : r.retryAfter };
				}
			}
		},
		advanced: {
			cookiePrefix: 'sh',
			// Its limits count per the address the hub vouches for, never a client's X-Forwarded-For.
			ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
			useSecureCookies: baseURL.startsWith('https://'),
			database: { generateId: () => crypto.randomUUID() }
		},
		// The extra plugins add no endpoints, so the API type is the two-factor and passkey plugins'.
		plugins: [twoFactor({ issuer: 'Support Hub' }), hubPasskeys(baseURL), ...plugins] as [ReturnType<typeof twoFactor>, ReturnType<typeof passkey>]
	});
	return auth;
}
export type Auth = ReturnType<typeof createAuth>;

/**
 * Passkeys through the auth library's own plugin (decision 050). The relying party is the hub's
 * `ORIGIN`; the authenticator must verify the person (PIN, fingerprint, face) on every use, so a
 * passkey alone is two factors: something held and something known or been.
 */
function hubPasskeys(baseURL: string) {
	const origin = new URL(baseURL);
	const notVerified = () => new APIError('UNAUTHORIZED', { code: 'PASSKEY_USER_NOT_VERIFIED', message: 'the authenticator did not verify the person' });
	return passkey({
		rpID: origin.hostname,
		rpName: 'Support Hub',
		origin: origin.origin,
		authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
		registration: {
			afterVerification: async ({ verification }) => {
				if (!verification.registrationInfo?.userVerified) throw notVerified();
			}
		},
		authentication: {
			afterVerification: async ({ verification }) => {
				if (!verification.authenticationInfo.userVerified) throw notVerified();
			}
		}
	});
}
