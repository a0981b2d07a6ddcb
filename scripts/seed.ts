// `npm run seed`: loads the demo data into the configured database (PostgreSQL or embedded).
import { parseConfig } from '#lib/server/config.ts';
import { openDatabase } from '#lib/server/db/client.ts';
import { orExit } from '#lib/server/ops/or-exit.ts';
import { seedDemoIfEmpty } from '#lib/server/seed/seed-demo.ts';

const cfg = orExit(() => parseConfig());
const database = orExit(() => openDatabase(cfg));
await database.migrate();
const seeded = await seedDemoIfEmpty(database.db);
console.log(seeded ? `Demo data loaded into ${database.kind}.` : 'The database already has accounts; demo data was not loaded.');
await database.close();
