import type { BetterAuthPlugin } from 'better-auth';
import { config, type Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { createAuth, type Auth } from './identity/auth.ts';
import { configureMail } from './mail/mailer.ts';
import { configureLimits } from './identity/rate-limit.ts';
import { seedDemoIfEmpty } from './seed/seed-demo.ts';
import { configureEventLinks } from './events/tokens.ts';
import { registerEventJobs } from './events/reminders.ts';
import { setJobQueue, type JobQueue } from './jobs/queue.ts';
import { createJobQueue } from './jobs/start.ts';
import { setGrantBaseUrl } from './grants/mail.ts';
import { registerGrantJobs } from './grants/jobs.ts';
import { registerPrivacyJobs } from './privacy/jobs.ts';
import { registerNotificationJobs } from './notifications/jobs.ts';
import { setNotificationBaseUrl } from './notifications/content.ts';
import type { FileStore } from './uploads/file-store.ts';
import { openFileStore } from './uploads/open-store.ts';

type App = { config: Config; database: Database; auth: Auth; baseURL: string; files: FileStore; jobs?: JobQueue };
let app: App | undefined;

/**
 * Starts the hub once per process: configuration, database (migrated), mail, auth. On an empty
 * embedded database the demo data is loaded so that a fresh clone shows a working directory.
 */
export async function startApp(plugins: BetterAuthPlugin[] = []): Promise<App> {
	if (app) return app;
	const cfg = config();
	const database = openDatabase(cfg);
	await database.migrate();
	configureMail({ smtpUrl: cfg.smtpUrl, from: cfg.mailFrom });
	configureLimits(cfg.signInAttemptsPerMinute);
	const baseURL = cfg.origin ?? `http://localhost:${cfg.port}`;
	setGrantBaseUrl(baseURL);
	setNotificationBaseUrl(baseURL);
	const auth = createAuth({ db: database.db, secret: cfg.authSecret, baseURL, plugins });
	configureEventLinks({ baseURL, secret: cfg.authSecret });
	if (database.kind === 'pglite' && cfg.seedDemo === 'auto') await seedDemoIfEmpty(database.db);
	// Capabilities register their jobs here, before the queue starts.
	const jobs = createJobQueue(database, cfg.databaseUrl);
	if (jobs) {
		registerEventJobs(jobs, database.db);
		registerGrantJobs(jobs, database.db);
		registerPrivacyJobs(jobs, database.db);
		registerNotificationJobs(jobs, database.db);
		await jobs.start();
		setJobQueue(jobs);
	}
	app = { config: cfg, database, auth, baseURL, files: openFileStore(database.db, cfg.storageUrl), jobs };
	return app;
}

export function getApp(): App {
	if (!app) throw new Error('Support Hub has not started');
	return app;
}

export async function stopApp() {
	const a = app;
	app = undefined;
	setJobQueue(undefined);
	await a?.jobs?.stop();
	await a?.database.close();
}
