import { parseSecondFactorRoles } from './identity/second-factor-roles.ts';
import type { Role } from '../roles.ts';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Configuration read from the environment once, at start, with messages a person can act on. */
const envSchema = z.object({
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	ORIGIN: z
		.url({ protocol: /^https?$/, error: 'ORIGIN must be a full http(s) URL such as https://hub.example.org' })
		.transform((v) => v.replace(/\/$/, ''))
		.optional(),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
		.optional(),
	DATA_DIR: z.string().min(1).default('./data'),
	STORAGE_URL: z
		.string()
		.regex(/^s3(\+https?)?:\/\/[^/]+/, 'STORAGE_URL must look like s3://bucket or s3+https://KEY:SECRET@host/bucket')
		.optional(),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
		.optional(),
	MAIL_FROM: z.string().min(3).default('Support Hub <no-reply@support-hub.local>'),
	AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
	UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
	SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
	SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(5),
	API_REQUESTS_PER_MINUTE: z.coerce
		.number({ error: 'API_REQUESTS_PER_MINUTE must be a number of requests, such as 600' })
		.int('API_REQUESTS_PER_MINUTE must be a whole number')
		.min(1, 'API_REQUESTS_PER_MINUTE must be at least 1')
		.max(1_000_000, 'API_REQUESTS_PER_MINUTE must be at most 1000000')
		.default(600),
	STAFF_TWO_FACTOR_ROLES: z
		.string()
		.optional()
		.superRefine((v, ctx) => {
			const r = parseSecondFactorRoles(v);
			if (typeof r === 'string') ctx.addIssue({ code: 'custom', message: r });
		}),
	DB_CONNECT_TIMEOUT_MS: z.coerce
		.number({ error: 'DB_CONNECT_TIMEOUT_MS must be a number of milliseconds, such as 5000' })
		.int('DB_CONNECT_TIMEOUT_MS must be a whole number of milliseconds')
		.min(100, 'DB_CONNECT_TIMEOUT_MS must be at least 100 (milliseconds)')
		.max(120_000, 'DB_CONNECT_TIMEOUT_MS must be at most 120000 (two minutes)')
		.default(5_000),
	DB_STATEMENT_TIMEOUT_MS: z.coerce
		.number({ error: 'DB_STATEMENT_TIMEOUT_MS must be a number of milliseconds, such as 30000' })
		.int('DB_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds')
		.min(100, 'DB_STATEMENT_TIMEOUT_MS must be at least 100 (milliseconds)')
		.max(3_600_000, 'DB_STATEMENT_TIMEOUT_MS must be at most 3600000 (one hour)')
		.default(30_000),
	DB_POOL_SIZE: z.coerce
		.number({ error: 'DB_POOL_SIZE must be a number of connections, such as 10' })
		.int('DB_POOL_SIZE must be a whole number')
		.min(1, 'DB_POOL_SIZE must be at least 1')
		.max(500, 'DB_POOL_SIZE must be at most 500')
		.default(10),
	LOG_FORMAT: z.enum(['json', 'text', 'off'], { error: 'LOG_FORMAT must be json, text or off' }).default('json'),
	METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional()
});

export type Config = {
	port: number;
	origin: string | undefined;
	databaseUrl: string | undefined;
	dataDir: string;
	/** An S3-compatible object store for uploaded files; unset keeps them in the database. */
	storageUrl: string | undefined;
	smtpUrl: string | undefined;
	mailFrom: string;
	authSecret: string;
	uploadMaxBytes: number;
	seedDemo: 'auto' | 'never';
	signInAttemptsPerMinute: number;
	/** Requests one personal API token may make a minute. */
	apiRequestsPerMinute: number;
	/** Roles that must have a second factor before using the hub (`STAFF_TWO_FACTOR_ROLES`). */
	secondFactorRoles: Role[];
	/** How long to wait for a PostgreSQL connection (or a free one in the pool) before answering 503. */
	dbConnectTimeoutMs: number;
	/** The longest a statement may run (server side), and a little more for an answer to arrive (client side). */
	dbStatementTimeoutMs: number;
	dbPoolSize: number;
	/** One line per request: JSON (default), a short text line, or none (errors are always logged). */
	logFormat: 'json' | 'text' | 'off';
	/** Bearer token for GET /metrics; without it the endpoint does not exist. */
	metricsToken: string | undefined;
};

export class ConfigError extends Error {
	/** Printed by the start scripts as it is, without a stack trace. */
	get exitMessage() {
		return this.message;
	}
}

function blankToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
	const out: Record<string, string | undefined> = {};
	for (const [k, v] of Object.entries(env)) out[k] = v === '' ? undefined : v;
	return out;
}

/** The auth secret is kept in the data directory when not given, so sessions survive restarts. */
function authSecretFor(dataDir: string, given: string | undefined): string {
	if (given) return given;
	const file = join(dataDir, 'auth-secret');
	if (existsSync(file)) return readFileSync(file, 'utf8').trim();
	mkdirSync(dataDir, { recursive: true });
	const secret = randomBytes(32).toString('base64url');
	writeFileSync(file, secret + '\n', { mode: 0o600 });
	return secret;
}

export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const parsed = envSchema.safeParse(blankToUndefined(env));
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new ConfigError(`Support Hub cannot start, the configuration is invalid:\n${lines.join('\n')}`);
	}
	const e = parsed.data;
	const dataDir = resolve(e.DATA_DIR);
	return {
		port: e.PORT,
		origin: e.ORIGIN,
		databaseUrl: e.DATABASE_URL,
		dataDir,
		storageUrl: e.STORAGE_URL,
		smtpUrl: e.SMTP_URL,
		mailFrom: e.MAIL_FROM,
		authSecret: authSecretFor(dataDir, e.AUTH_SECRET),
		uploadMaxBytes: e.UPLOAD_MAX_BYTES,
		seedDemo: e.SEED_DEMO,
		signInAttemptsPerMinute: e.SIGN_IN_ATTEMPTS_PER_MINUTE,
		apiRequestsPerMinute: e.API_REQUESTS_PER_MINUTE,
		secondFactorRoles: parseSecondFactorRoles(e.STAFF_TWO_FACTOR_ROLES) as Role[],
		dbConnectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
		dbStatementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
		dbPoolSize: e.DB_POOL_SIZE,
		logFormat: e.LOG_FORMAT,
		metricsToken: e.METRICS_TOKEN
	};
}

let current: Config | undefined;
export function config(): Config {
	current ??= parseConfig();
	return current;
}
