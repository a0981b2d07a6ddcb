// A delivery worker in a process of its own, for the outbox crash test: it opens the database
// named on the command line (a PostgreSQL URL or an embedded data directory), sends what is due
// through SMTP_URL, and exits when nothing is left to send. The test kills it mid-delivery.
import { count, inArray } from 'drizzle-orm';
import { openPglite, openPostgres } from '../db/client.ts';
import { claimNext, deliverClaimed, DELIVERY_POLICY } from '../mail/deliver-outbox.ts';
import { configureMail, mailTransport } from '../mail/mailer.ts';
import { outboxMessages } from '../mail/schema.ts';

const target = process.argv[2];
const leaseMs = Number(process.env.LEASE_MS ?? DELIVERY_POLICY.leaseMs);
const database = target.startsWith('postgres') ? openPostgres(target, 2) : openPglite(target);
configureMail({ smtpUrl: process.env.SMTP_URL, from: 'Support Hub <hub@example.org>' });
const policy = { ...DELIVERY_POLICY, leaseMs };
const deadline = Date.now() + 30_000;
let sent = 0;
while (Date.now() < deadline) {
	const msg = await claimNext(database.db, new Date(), policy);
	if (!msg) {
		const [{ open }] = await database.db
			.select({ open: count() })
			.from(outboxMessages)
			.where(inArray(outboxMessages.status, ['queued', 'retrying', 'sending']));
		if (!open) break;
		await new Promise((r) => setTimeout(r, 200));
		continue;
	}
	process.stdout.write(`claimed ${msg.id}\n`);
	if ((await deliverClaimed(database.db, msg, mailTransport()!, new Date(), policy)) === 'sent') sent++;
}
process.stdout.write(`done ${sent}\n`);
await database.close();
