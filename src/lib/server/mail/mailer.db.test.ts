import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { configureMail, sendMail } from './mailer.ts';
import { outboxMessages } from './schema.ts';

let database: Database;
let server: SMTPServer;
let port = 0;
const received: { to: string; subject: string; text: string; language: string | undefined }[] = [];

beforeAll(async () => {
	database = await freshDatabase();
	server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c) => chunks.push(c));
			stream.on('end', async () => {
				const mail = await PostalMime.parse(Buffer.concat(chunks));
				received.push({
					to: session.envelope.rcptTo[0].address,
					subject: mail.subject ?? '',
					text: mail.text ?? '',
					language: mail.headers.find((h) => h.key === 'content-language')?.value
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server.server.address() as { port: number }).port;
});
afterAll(async () => {
	configureMail({});
	await new Promise<void>((resolve) => server.close(() => resolve()));
	await database.close();
});

describe('outgoing mail', () => {
	it('without SMTP a message is kept in the outbox, not sent', async () => {
		configureMail({});
		await sendMail(database.db, { kind: 'test', to: 'a@example.org', locale: 'en', subject: 'Hello', text: 'Body' });
		const [row] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'a@example.org'));
		expect(row.status).toBe('stored');
		expect(received).toHaveLength(0);
	});

	it('with SMTP it reaches a real SMTP peer, in the recipient’s language, and is marked sent', async () => {
		configureMail({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Support Hub <hub@example.org>' });
		await sendMail(database.db, { kind: 'test', to: 'b@example.org', locale: 'fr', subject: 'Bonjour', text: 'Lien : https://hub.test/x?token=abc' });
		expect(received).toEqual([{ to: 'b@example.org', subject: 'Bonjour', text: expect.stringContaining('https://hub.test/x?token=abc'), language: 'fr' }]);
		const [row] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'b@example.org'));
		expect(row.status).toBe('sent');
	});

	it('a delivery failure is recorded on the message instead of failing the action that sent it', async () => {
		configureMail({ smtpUrl: 'smtp://127.0.0.1:1' });
		await sendMail(database.db, { kind: 'test', to: 'c@example.org', locale: 'en', subject: 'S', text: 'T' });
		const [row] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'c@example.org'));
		expect(row.status).toBe('failed');
		expect(row.error).toBeTruthy();
	});
});
