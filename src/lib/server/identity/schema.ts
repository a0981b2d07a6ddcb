import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from '../db/columns.ts';

// better-auth reads these tables through its Drizzle adapter; the property names are its field names.
export const users = pgTable('users', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	email: text('email').notNull().unique(),
	emailVerified: boolean('email_verified').notNull().default(false),
	image: text('image'),
	role: text('role').notNull().default('member'),
	locale: text('locale').notNull().default('en'),
	timeZone: text('time_zone').notNull().default('UTC'),
	twoFactorEnabled: boolean('two_factor_enabled').notNull().default(false),
	/** Set when the person was erased: the row stays, emptied, so kept records still point somewhere. */
	erasedAt: timestamp('erased_at', { withTimezone: true }),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		token: text('token').notNull().unique(),
		ipAddress: text('ip_address'),
		userAgent: text('user_agent'),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** When the person last proved who they are again in this session (password or code); sign-in counts too, via createdAt. */
		provenAt: timestamp('proven_at', { withTimezone: true }),
		/** When a passkey last proved who the person is in this session (signing in with it, or confirming): a second factor. */
		passkeyAt: timestamp('passkey_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

export const accounts = pgTable(
	'accounts',
	{
		id: text('id').primaryKey(),
		accountId: text('account_id').notNull(),
		providerId: text('provider_id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		accessToken: text('access_token'),
		refreshToken: text('refresh_token'),
		idToken: text('id_token'),
		accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
		refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
		scope: text('scope'),
		password: text('password'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('accounts_user_idx').on(t.userId)]
);

export const verifications = pgTable(
	'verifications',
	{
		id: text('id').primaryKey(),
		identifier: text('identifier').notNull(),
		value: text('value').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('verifications_identifier_idx').on(t.identifier)]
);

export const twoFactors = pgTable(
	'two_factors',
	{
		id: text('id').primaryKey(),
		secret: text('secret').notNull(),
		backupCodes: text('backup_codes').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		verified: boolean('verified').notNull().default(true),
		failedVerificationCount: integer('failed_verification_count').notNull().default(0),
		lockedUntil: timestamp('locked_until', { withTimezone: true }),
		/** The TOTP time step of the last code accepted, so no code (or step) is accepted twice. */
		lastTotpStep: bigint('last_totp_step', { mode: 'number' })
	},
	(t) => [index('two_factors_user_idx').on(t.userId), index('two_factors_secret_idx').on(t.secret)]
);

/** Passkeys (WebAuthn credentials), written by the auth library's passkey plugin; the property names are its field names. */
export const passkeys = pgTable(
	'passkeys',
	{
		id: text('id').primaryKey(),
		name: text('name'),
		publicKey: text('public_key').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		credentialID: text('credential_id').notNull().unique(),
		// A signature counter is an unsigned 32-bit number.
		counter: bigint('counter', { mode: 'number' }).notNull(),
		deviceType: text('device_type').notNull(),
		backedUp: boolean('backed_up').notNull(),
		transports: text('transports'),
		aaguid: text('aaguid'),
		createdAt: createdAt()
	},
	(t) => [index('passkeys_user_idx').on(t.userId)]
);

/** Fixed-window counters shared by every instance, so limits hold behind a load balancer. */
export const rateLimits = pgTable('rate_limits', {
	key: text('key').primaryKey(),
	count: integer('count').notNull(),
	windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull()
});

/** Personal API tokens; only a hash is stored, the token is shown once. */
export const apiTokens = pgTable(
	'api_tokens',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		prefix: text('prefix').notNull(),
		createdAt: createdAt(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		expiresAt: timestamp('expires_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('api_tokens_user_idx').on(t.userId)]
);

/**
 * A form sent without a fresh proof of identity, held while its sender confirms who they are
 * (decision 059). It belongs to one session, runs once, and is gone after ten minutes; it never
 * holds a password, a code or any other secret. Once used, it keeps the values only so the form
 * can be shown filled in again (with `message` when running it was refused), once.
 */
export const pendingActions = pgTable(
	'pending_actions',
	{
		id: text('id').primaryKey(),
		sessionId: text('session_id')
			.notNull()
			.references(() => sessions.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Which form it was (a name the confirm step knows how to finish or to give back). */
		action: text('action').notNull(),
		/** The page the form was on: where the person returns. */
		returnTo: text('return_to').notNull(),
		values: jsonb('values').$type<Record<string, string>>().notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		message: text('message'),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('pending_actions_session_idx').on(t.sessionId), index('pending_actions_expires_idx').on(t.expiresAt)]
);
