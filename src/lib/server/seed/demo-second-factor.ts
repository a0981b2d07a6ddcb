import { symmetricEncrypt } from 'better-auth/crypto';
import { and, eq } from 'drizzle-orm';
import type { Auth } from '../identity/auth.ts';
import type { Db } from '../db/types.ts';
import { secondFactorRequiredFor } from '../identity/second-factor-roles.ts';
import { twoFactors, users } from '../identity/schema.ts';

/**
 * The demo's staff whose role needs a second factor have one already, with secrets printed in the
 * README, so that a fresh demo can be tried without scanning a code first. Keys for an
 * authenticator app (base32): admin KN2XA4DPOJ2EQ5LCIRSW232BMRWWS3SUN52HAU3FMNZGK5BQGAYQ,
 * officer KN2XA4DPOJ2EQ5LCIRSW232PMZTGSY3SKRXXI4CTMVRXEZLUGAYQ. Demo data only: never reuse them.
 */
export const DEMO_TOTP_SECRETS: Record<string, string> = {
	'admin@demo.supporthub.org': 'SupportHubDemoAdminTotpSecret001',
	'officer@demo.supporthub.org': 'SupportHubDemoOfficrTotpSecret01'
};

/** Backup codes of the demo staff (each accepted once), for a demo without an authenticator app at hand. */
export const DEMO_BACKUP_CODES = Array.from({ length: 10 }, (_, i) => `demo${i}-backup`);

export async function enrolDemoSecondFactors(db: Db, auth: Auth): Promise<void> {
	const key = (await auth.$context).secretConfig;
	for (const [email, secret] of Object.entries(DEMO_TOTP_SECRETS)) {
		const [u] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email));
		if (!u || !secondFactorRequiredFor(u.role)) continue;
		const [existing] = await db.select({ id: twoFactors.id }).from(twoFactors).where(and(eq(twoFactors.userId, u.id)));
		if (existing) continue;
		await db.insert(twoFactors).values({
			id: crypto.randomUUID(),
			userId: u.id,
			secret: await symmetricEncrypt({ key, data: secret }),
			backupCodes: await symmetricEncrypt({ key, data: JSON.stringify(DEMO_BACKUP_CODES) }),
			verified: true
		});
		await db.update(users).set({ twoFactorEnabled: true }).where(eq(users.id, u.id));
	}
}
