import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { databaseUnavailableReason } from '../db/unavailable.ts';
import { mailFrom, mailTransport, onMailQueued, type MailTransport } from './mailer.ts';
import { outboxMessages } from './schema.ts';

export type DeliveryPolicy = {
	/** Attempts before a message is given up. */
	maxAttempts: number;
	/** The wait after the first failure; doubled after each further one, up to `maxDelayMs`. */
	baseDelayMs: number;
	maxDelayMs: number;
	/** How long a claim holds; longer than the SMTP timeouts, so only a dead worker loses one. */
	leaseMs: number;
};

/** 1 min, 2, 4, … capped at 2 h; eight attempts span about four hours. */
export const DELIVERY_POLICY: DeliveryPolicy = { maxAttempts: 8, baseDelayMs: 60_000, maxDelayMs: 2 * 3_600_000, leaseMs: 120_000 };

export const retryDelayMs = (attempts: number, p: DeliveryPolicy = DELIVERY_POLICY) =>
	Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** Math.max(0, attempts - 1));

type Claimed = typeof outboxMessages.$inferSelect & { claimToken: string };

/**
 * Claims one message that is due: queued or retrying with its time come, or `sending` with a lease
 * that ran out (its worker died). `FOR UPDATE SKIP LOCKED` keeps two workers off the same row, and
 * the status moves to `sending` with a fresh lease and token in the same statement, so a worker
 * that looks after the first committed no longer sees the row as due.
 */
export async function claimNext(db: Db, now: Date, p: DeliveryPolicy = DELIVERY_POLICY): Promise<Claimed | undefined> {
	const token = randomUUID();
	const due = db
		.select({ id: outboxMessages.id })
		.from(outboxMessages)
		.where(
			or(
				and(inArray(outboxMessages.status, ['queued', 'retrying']), lte(outboxMessages.nextAttemptAt, now)),
				and(eq(outboxMessages.status, 'sending'), lte(outboxMessages.leaseUntil, now))
			)
		)
		.orderBy(asc(outboxMessages.nextAttemptAt))
		.limit(1)
		.for('update', { skipLocked: true });
	const [row] = await db
		.update(outboxMessages)
		.set({ status: 'sending', attempts: sql`${outboxMessages.attempts} + 1`, leaseUntil: new Date(now.getTime() + p.leaseMs), claimToken: token })
		.where(inArray(outboxMessages.id, due))
		.returning();
	return row as Claimed | undefined;
}

/** The Message-ID of an outbox row: the same on every attempt, so a repeat is recognisably the same mail. */
export function messageIdFor(id: string, fromAddress = mailFrom()): string {
	const domain = /@([^>\s]+)>?\s*$/.exec(fromAddress)?.[1] ?? 'support-hub.local';
	return `<${id}@${domain}>`;
}

export type DeliveryOutcome = 'sent' | 'retrying' | 'given_up' | 'lost_claim';

/** Sends one claimed message and records the outcome, if the claim is still this worker's. */
export async function deliverClaimed(db: Db, msg: Claimed, transport: MailTransport, now: Date, p: DeliveryPolicy = DELIVERY_POLICY): Promise<DeliveryOutcome> {
	const mine = and(eq(outboxMessages.id, msg.id), eq(outboxMessages.claimToken, msg.claimToken), eq(outboxMessages.status, 'sending'));
	let error: string | null = null;
	if (msg.toAddress.endsWith('@erased.invalid')) error = 'the address was erased before the message was sent';
	else
		try {
			await transport.sendMail({
				from: mailFrom(),
				to: msg.toAddress,
				subject: msg.subject,
				text: msg.textBody,
				attachments: msg.attachments ?? undefined,
				messageId: messageIdFor(msg.id),
				headers: { 'Content-Language': msg.locale }
			});
		} catch (e) {
			error = String((e as Error)?.message ?? e).slice(0, 500) || 'delivery failed';
		}
	const giveUp = error !== null && (msg.attempts >= p.maxAttempts || msg.toAddress.endsWith('@erased.invalid'));
	const set =
		error === null
			? { status: 'sent' as const, sentAt: new Date(), error: null }
			: giveUp
				? { status: 'given_up' as const, error }
				: { status: 'retrying' as const, error, nextAttemptAt: new Date(now.getTime() + retryDelayMs(msg.attempts, p)) };
	const done = await db
		.update(outboxMessages)
		.set({ ...set, leaseUntil: null, claimToken: null })
		.where(mine)
		.returning({ id: outboxMessages.id });
	return done.length ? set.status : 'lost_claim';
}

/** Delivers every message due at `now`, one claim at a time; returns the outcomes. */
export async function deliverDue(db: Db, opts: { now?: Date; transport?: MailTransport; policy?: DeliveryPolicy; limit?: number } = {}) {
	const transport = opts.transport ?? mailTransport();
	const outcomes: DeliveryOutcome[] = [];
	if (!transport) return outcomes;
	for (let i = 0; i < (opts.limit ?? 100); i++) {
		const now = opts.now ?? new Date();
		const msg = await claimNext(db, now, opts.policy);
		if (!msg) break;
		outcomes.push(await deliverClaimed(db, msg, transport, now, opts.policy));
	}
	return outcomes;
}

type WorkerOptions = { pollMs?: number; policy?: DeliveryPolicy; log?: (msg: string) => void; onError?: (e: unknown) => void; isUp?: () => boolean };

/**
 * The delivery worker of one process: it empties the outbox when woken by a message queued here,
 * and polls (every 2 s by default) for messages queued by other instances, retries that have come
 * due and leases left by a worker that died. Several instances may run one each.
 */
export class OutboxWorker {
	private timer: ReturnType<typeof setInterval> | undefined;
	private soon: ReturnType<typeof setTimeout> | undefined;
	private running: Promise<void> | undefined;
	private again = false;
	private unsubscribe: (() => void) | undefined;
	private lastLog = 0;

	private db: Db;
	private opts: WorkerOptions;
	constructor(db: Db, opts: WorkerOptions = {}) {
		this.db = db;
		this.opts = opts;
	}

	start() {
		if (this.timer) return;
		this.timer = setInterval(() => this.wake(), this.opts.pollMs ?? 2_000);
		this.timer.unref?.();
		this.unsubscribe = onMailQueued(() => {
			if (this.soon) return;
			this.soon = setTimeout(() => {
				this.soon = undefined;
				this.wake();
			}, 50);
			this.soon.unref?.();
		});
	}

	/** Runs a pass now, or one more after the pass under way. */
	wake(): Promise<void> {
		if (this.running) {
			this.again = true;
			return this.running;
		}
		this.running = (async () => {
			do {
				this.again = false;
				if (this.opts.isUp && !this.opts.isUp()) return;
				try {
					await deliverDue(this.db, { policy: this.opts.policy });
				} catch (e) {
					this.opts.onError?.(e);
					// An outage is reported by the health monitor; other errors once a minute at most.
					if (!databaseUnavailableReason(e) && Date.now() - this.lastLog > 60_000) {
						this.lastLog = Date.now();
						(this.opts.log ?? console.error)(`mail delivery: ${String((e as Error)?.message ?? e)}`);
					}
					return;
				}
			} while (this.again);
		})().finally(() => (this.running = undefined));
		return this.running;
	}

	async stop() {
		if (this.timer) clearInterval(this.timer);
		if (this.soon) clearTimeout(this.soon);
		this.timer = this.soon = undefined;
		this.unsubscribe?.();
		await this.running;
	}
}
