import type { BetterAuthPlugin } from 'better-auth';
import { config, type Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { createAuth, type Auth } from './identity/auth.ts';
import { configureMail } from './mail/mailer.ts';
import { OutboxWorker } from './mail/deliver-outbox.ts';
import { registerMailJobs } from './mail/jobs.ts';
import { configureLimits } from './identity/rate-limit.ts';
import { databaseUnavailableReason } from './db/unavailable.ts';
import { seedDemoIfEmpty } from './seed/seed-demo.ts';
import { enrolDemoSecondFactors } from './seed/demo-second-factor.ts';
import { configureSecondFactorRoles } from './identity/second-factor-roles.ts';
import { configureEventLinks } from './events/tokens.ts';
import { planMissingReminders, registerEventJobs } from './events/reminders.ts';
import { setJobQueue, type JobQueue } from './jobs/queue.ts';
import { createJobQueue } from './jobs/start.ts';
import { setGrantBaseUrl } from './grants/mail.ts';
import { registerGrantJobs } from './grants/jobs.ts';
import { registerInsightJobs } from './insight/jobs.ts';
import { DatabaseHealth } from './ops/database-health.ts';
import { registerPrivacyJobs } from './privacy/jobs.ts';
import { registerNotificationJobs } from './notifications/jobs.ts';
import { setNotificationBaseUrl } from './notifications/content.ts';
import type { FileStore } from './uploads/file-store.ts';
import { openFileStore } from './uploads/open-store.ts';
import { setMetricsSources } from './ops/metrics.ts';

type App = { config: Config; database: Database; health: DatabaseHealth; auth: Auth; baseURL: string; files: FileStore; jobs?: JobQueue; mailWorker?: OutboxWorker };
let app: App | undefined;

/**
 * Starts the hub once per process: configuration, database (migrated), mail, auth. On an empty
 * embedded database the demo data is loaded so that a fresh clone shows a working directory.
 */
export async function startApp(plugins: BetterAuthPlugin[] = []): Promise<App> {
	if (app) return app;
	const cfg = config();
	const database = openDatabase(cfg);
	const health = new DatabaseHealth(database);
	await migrateWhenReachable(database);
	configureMail({ smtpUrl: cfg.smtpUrl, from: cfg.mailFrom });
	configureLimits(cfg.signInAttemptsPerMinute, cfg.apiRequestsPerMinute);
	configureSecondFactorRoles(cfg.secondFactorRoles);
	const baseURL = cfg.origin ?? `http://localhost:${cfg.port}`;
	setGrantBaseUrl(baseURL);
	setNotificationBaseUrl(baseURL);
	const auth = createAuth({ db: database.db, secret: cfg.authSecret, baseURL, plugins });
	configureEventLinks({ baseURL, secret: cfg.authSecret });
	if (database.kind === 'pglite' && cfg.seedDemo === 'auto' && (await seedDemoIfEmpty(database.db))) await enrolDemoSecondFactors(database.db, auth);
	const files = openFileStore(database.db, cfg.storageUrl);
	// Capabilities register their jobs here, before the queue starts.
	const jobs = createJobQueue(database, cfg, health);
	if (jobs) {
		registerEventJobs(jobs, database.db);
		registerGrantJobs(jobs, database.db);
		registerInsightJobs(jobs, database.db);
		registerPrivacyJobs(jobs, database.db, files);
		registerNotificationJobs(jobs, database.db);
		if (cfg.smtpUrl) registerMailJobs(jobs, database.db);
		await jobs.start();
		setJobQueue(jobs);
		// Reminders a restored (or otherwise emptied) queue lacks are planned again from the events.
		// Not worth failing the start for: the next start plans them.
		await planMissingReminders(jobs, database.db).catch((e) => {
			health.note(e);
			console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'could not plan event reminders', error: (e as Error).message.split('\nparams:')[0] }));
		});
	}
	// Mail owed is written to the outbox; with a mail server, this process's worker sends it.
	const mailWorker = jobs && cfg.smtpUrl ? new OutboxWorker(database.db, { isUp: () => health.current.up, onError: (e) => health.note(e) }) : undefined;
	mailWorker?.start();
	app = { config: cfg, database, health, auth, baseURL, files, jobs, mailWorker };
	setMetricsSources({ database, health, jobEngine: jobs?.engine });
	return app;
}

/**
 * An instance that starts while PostgreSQL is away waits for it (saying so once in a while)
 * rather than exiting: during an outage every instance would otherwise crash-loop.
 */
async function migrateWhenReachable(database: Database) {
	for (let attempt = 1; ; attempt++) {
		try {
			return await database.migrate();
		} catch (e) {
			const reason = databaseUnavailableReason(e);
			if (!reason || database.kind !== 'postgres') throw e;
			const waitMs = Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 5));
			console.log(JSON.stringify({ time: new Date().toISOString(), level: 'warn', msg: 'waiting for the database before start', reason, attempt, retryInMs: waitMs }));
			await new Promise((r) => setTimeout(r, waitMs));
		}
	}
}

export function getApp(): App {
	if (!app) throw new Error('Support Hub has not started');
	return app;
}

export async function stopApp() {
	const a = app;
	app = undefined;
	setJobQueue(undefined);
	setMetricsSources(undefined);
	a?.health.stop();
	await a?.mailWorker?.stop();
	await a?.jobs?.stop();
	await a?.database.close();
}
