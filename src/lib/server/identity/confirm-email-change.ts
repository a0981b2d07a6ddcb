import { and, eq, gt, ne } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { z } from '../../validation/zod.ts';
import { emailChangeIdentifier } from './request-email-change.ts';
import { users, verifications } from './schema.ts';

const isUniqueViolation = (e: unknown): boolean =>
	!!e && typeof e === 'object' && ((e as { code?: string }).code === '23505' || isUniqueViolation((e as { cause?: unknown }).cause));

export const emailChangeTokenInput = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: () => m.auth_link_expired() }) });

/**
 * Uses the link sent to the new address: the change takes effect now, once (the link is spent in
 * the same statement that reads it). Only the link's holder learns if the address was taken since.
 */
export async function confirmEmailChange(db: Db, raw: unknown): Promise<{ email: string }> {
	const expired = () => new DomainError('INVALID_INPUT', m.auth_link_expired());
	// A link cut short or typed wrong reads like an expired one: one clear message.
	const parsed = emailChangeTokenInput.safeParse(raw);
	if (!parsed.success) throw expired();
	const { token } = parsed.data;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.delete(verifications)
			.where(and(eq(verifications.identifier, emailChangeIdentifier(token)), gt(verifications.expiresAt, new Date())))
			.returning({ value: verifications.value });
		if (!row) throw expired();
		const [userId, email] = row.value.split('\n');
		if (!userId || !email) throw expired();
		const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, email), ne(users.id, userId)));
		if (taken) throw new DomainError('CONFLICT', m.email_change_taken_now());
		// Two links racing for one address: the unique address wins over the second.
		const updated = await tx
			.update(users)
			.set({ email, emailVerified: true })
			.where(eq(users.id, userId))
			.returning({ id: users.id })
			.catch((e: unknown) => {
				if (isUniqueViolation(e)) throw new DomainError('CONFLICT', m.email_change_taken_now());
				throw e;
			});
		if (!updated.length) throw expired();
		return { email };
	});
}
