import { randomUUID } from 'node:crypto';
import { eq, ilike, or, sql } from 'drizzle-orm';
import type { PrivacyContributor } from '../privacy/contributor.ts';
import { erasedAddress, ERASED_NAME } from '../privacy/contributor.ts';
import { accounts, apiTokens, passkeys, pendingActions, rateLimits, sessions, twoFactors, users, verifications } from './schema.ts';

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (c) => '\\' + c);

/** The account itself: kept as an empty shell so decisions and reviews still point somewhere. */
export const identityPrivacy: PrivacyContributor = {
	key: 'account',
	async exportData(tx, s) {
		const [u] = await tx
			.select({ name: users.name, email: users.email, role: users.role, locale: users.locale, timeZone: users.timeZone, emailVerified: users.emailVerified, twoFactorEnabled: users.twoFactorEnabled, createdAt: users.createdAt })
			.from(users)
			.where(eq(users.id, s.userId));
		const sessionRows = await tx
			.select({ userAgent: sessions.userAgent, ipAddress: sessions.ipAddress, createdAt: sessions.createdAt, lastSeenAt: sessions.updatedAt })
			.from(sessions)
			.where(eq(sessions.userId, s.userId));
		const tokens = await tx
			.select({ name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
			.from(apiTokens)
			.where(eq(apiTokens.userId, s.userId));
		const keys = await tx
			.select({ name: passkeys.name, createdAt: passkeys.createdAt, backedUp: passkeys.backedUp })
			.from(passkeys)
			.where(eq(passkeys.userId, s.userId));
		return { ...u, sessions: sessionRows, apiTokens: tokens, passkeys: keys };
	},
	async erase(tx, s) {
		// Forms held for a confirmation (they may hold a new address) go with the sessions.
		await tx.delete(pendingActions).where(eq(pendingActions.userId, s.userId));
		await tx.delete(sessions).where(eq(sessions.userId, s.userId));
		await tx.delete(accounts).where(eq(accounts.userId, s.userId));
		await tx.delete(twoFactors).where(eq(twoFactors.userId, s.userId));
		await tx.delete(passkeys).where(eq(passkeys.userId, s.userId));
		await tx.delete(apiTokens).where(eq(apiTokens.userId, s.userId));
		// Pending e-mail verifications and reset links name the person by id or address.
		await tx.delete(verifications).where(or(eq(verifications.value, s.userId), ilike(verifications.identifier, `%${escapeLike(s.email)}%`), ilike(verifications.value, `%${escapeLike(s.email)}%`)));
		// Rate-limit counters are keyed by address (`signin:email:…`).
		await tx.delete(rateLimits).where(ilike(rateLimits.key, `%${escapeLike(s.email)}%`));
		await tx
			.update(users)
			.set({
				name: ERASED_NAME,
				email: erasedAddress(randomUUID()),
				emailVerified: false,
				image: null,
				role: 'member',
				twoFactorEnabled: false,
				erasedAt: sql`now()`
			})
			.where(eq(users.id, s.userId));
	}
};
