// `npm run make-admin -- person@example.org`: gives an existing account the admin role.
// Run it while the server is stopped when the hub uses embedded PGlite.
import { parseConfig } from '#lib/server/config.ts';
import { openDatabase } from '#lib/server/db/client.ts';
import { orExit } from '#lib/server/ops/or-exit.ts';
import { promoteToAdmin } from '#lib/server/identity/promote-admin.ts';

const email = process.argv[2];
if (!email) {
	console.error('Usage: npm run make-admin -- person@example.org');
	process.exit(2);
}
const database = orExit(() => openDatabase(parseConfig()));
await database.migrate();
const result = await promoteToAdmin(database.db, email);
await database.close();
const messages = {
	promoted: `${email} is now an admin.`,
	already: `${email} is already an admin.`,
	not_found: `No account uses ${email}. Sign up first, then run this again.`
};
console.log(messages[result]);
process.exit(result === 'not_found' ? 1 : 0);
