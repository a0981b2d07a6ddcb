// `npm run seed`: loads the demo data into the configured database (PostgreSQL or embedded).
import { parseConfig } from '#lib/server/config.ts';
import { openDatabase } from '#lib/server/db/client.ts';
import { orExit } from '#lib/server/ops/or-exit.ts';
import { seedDemoIfEmpty } from '#lib/server/seed/seed-demo.ts';
import { enrolDemoSecondFactors } from '#lib/server/seed/demo-second-factor.ts';
import { createAuth } from '#lib/server/identity/auth.ts';
import { configureSecondFactorRoles } from '#lib/server/identity/second-factor-roles.ts';

const cfg = orExit(() => parseConfig());
const database = orExit(() => openDatabase(cfg));
await database.migrate();
const seeded = await seedDemoIfEmpty(database.db);
if (seeded) {
	// The demo's staff whose role needs a second factor get the documented one (README).
	configureSecondFactorRoles(cfg.secondFactorRoles);
	const auth = createAuth({ db: database.db, secret: cfg.authSecret, baseURL: cfg.origin ?? `http://localhost:${cfg.port}` });
	await enrolDemoSecondFactors(database.db, auth);
}
console.log(seeded ? `Demo data loaded into ${database.kind}.` : 'The database already has accounts; demo data was not loaded.');
await database.close();
