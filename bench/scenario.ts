/**
 * What one capability adds to `npm run bench`: a dataset, the bare floor it is compared with,
 * the pages and API calls measured under load, and (optionally) bursts that are not steady load,
 * such as many people submitting at once. run.ts gives every scenario a fresh database on each
 * engine, starts the built app and the bare baseline against it, and measures.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '#lib/server/db/client.ts';
import { hashApiToken, TOKEN_PREFIX } from '#lib/server/identity/create-api-token.ts';
import { apiTokens, sessions, users } from '#lib/server/identity/schema.ts';
import { STAFF_ROLES, type Role } from '#lib/roles.ts';

export type Credentials = { userId: string; apiToken: string; sessionToken: string };

/** The raw driver's query function, as the baseline gets it (pg.Pool or PGlite, no Drizzle). */
export type Query = (text: string, params: unknown[], options?: { rowMode?: 'array' }) => Promise<{ rows: Record<string, unknown>[] }>;

export type TargetSpec = {
	/** Shown in the table; `baseline` is reserved for the bare floor. */
	name: string;
	paths: string[];
	/** How the request is signed in: the seeded user's session cookie, its API token, or nobody. */
	auth: 'session' | 'token' | 'none';
	method?: 'GET' | 'POST';
	/**
	 * The baseline's paths this target is compared with, when they are not the scenario's own
	 * (a page with a variant, such as the officer's home for everyone's work). Measured as a
	 * baseline of its own, named `baseline <target>`.
	 */
	baselinePaths?: string[];
};

export type BurstContext = {
	origin: string;
	credentials: Credentials;
	/** Cookie header of the seeded user's browser (session plus the cached copy). */
	cookie: string;
	database: 'pglite' | 'postgres';
};

export type Scenario = {
	/** `npm run bench -- <name>` runs only this scenario. */
	name: string;
	/** Dataset sizes, recorded in the results file. */
	dataset: Record<string, number>;
	/** Fills a freshly migrated, empty database; returns a signed-in user (see `benchUser`). */
	seed(database: Database): Promise<Credentials>;
	/** The bare floor: the same SQL the app runs for `paths`, through the raw driver, as JSON. */
	baseline: { paths: string[]; handle(query: Query, url: URL): Promise<unknown> };
	/** Measured at 10 and 50 connections, each compared with the baseline at the same count. */
	targets: TargetSpec[];
	/** One response per target is checked before loading it; return a problem, or null when fine. */
	check?(target: TargetSpec, body: string, baselineBody: unknown): string | null;
	/** Path whose client JavaScript size is reported (session cookie sent). */
	clientJsPage?: string;
	/** Pages of a person's journey whose first render on a slow connection must stay under 2 s (session cookie sent). */
	journeyPages?: () => string[];
	/** Runs after the load: returns lines to print and problems found (a problem fails the bench). */
	burst?(ctx: BurstContext): Promise<{ lines: string[]; problems: string[] }>;
};

/** A fixed-seed generator: every run, on both engines, gets the same rows. */
export function prng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export async function insertBatched<T>(rows: Iterable<T>, insert: (batch: T[]) => Promise<unknown>, size = 1_000) {
	let batch: T[] = [];
	for (const row of rows) {
		batch.push(row);
		if (batch.length === size) {
			await insert(batch);
			batch = [];
		}
	}
	if (batch.length) await insert(batch);
}

/**
 * A user with an API token and a live session, inserted directly rather than signing in: sign-in
 * is rate limited and needs a password account. The session expires well within
 * expiresIn - updateAge, so better-auth never rewrites the row during a run.
 */
export async function benchUser(database: Database, role: Role = 'programme_officer', email = 'bench-officer@example.org'): Promise<Credentials> {
	const { db } = database;
	const userId = randomUUID();
	const apiToken = TOKEN_PREFIX + randomBytes(24).toString('base64url');
	const sessionToken = randomBytes(24).toString('base64url');
	// Staff who run the hub must have a second factor (STAFF_TWO_FACTOR_ROLES): the bench user has one,
	// as a real officer would, so that pages and the API serve it instead of asking it to set one up.
	await db.insert(users).values({ id: userId, name: 'Bench Officer', email, emailVerified: true, role, twoFactorEnabled: STAFF_ROLES.includes(role) });
	await db.insert(apiTokens).values({ userId, name: 'bench', tokenHash: hashApiToken(apiToken), prefix: apiToken.slice(0, 10) });
	await db.insert(sessions).values({
		id: randomUUID(),
		token: sessionToken,
		userId,
		expiresAt: new Date(Date.now() + 5 * 86_400_000),
		userAgent: 'bench'
	});
	return { userId, apiToken, sessionToken };
}
