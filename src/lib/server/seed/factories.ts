import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import type { MembershipRole, Role } from '../../roles.ts';
import type { DbOrTx } from '../db/types.ts';
import { memberships, organisations } from '../directory/schema.ts';
import { newReference } from '../directory/partner-label.ts';
import { accounts, users } from '../identity/schema.ts';
import { passwordProblem } from '../identity/password-policy.ts';

// Factories shared by the tests and the demo seed. Each writes rows directly: they set up a
// world to test the use cases against, they are not themselves use cases.

let n = 0;
const next = () => ++n;

export type UserTraits = {
	role?: Role;
	email?: string;
	name?: string;
	password?: string;
	locale?: string;
	timeZone?: string;
	verified?: boolean;
};

export async function makeUser(db: DbOrTx, t: UserTraits = {}) {
	const i = next();
	const [user] = await db
		.insert(users)
		.values({
			id: randomUUID(),
			name: t.name ?? `Person ${i}`,
			email: (t.email ?? `person${i}-${randomUUID().slice(0, 8)}@example.org`).toLowerCase(),
			emailVerified: t.verified ?? true,
			role: t.role ?? 'member',
			locale: t.locale ?? 'en',
			timeZone: t.timeZone ?? 'UTC'
		})
		.returning();
	if (t.password) {
		// Accounts made by tools (the demo, set-up scripts) follow the same password rule as sign-up.
		const problem = passwordProblem(t.password);
		if (problem) throw new Error(`makeUser: password refused (${problem})`);
		await db.insert(accounts).values({
			id: randomUUID(),
			accountId: user.id,
			providerId: 'credential',
			userId: user.id,
			password: await hashPassword(t.password)
		});
	}
	return user;
}

export type OrganisationTraits = Partial<typeof organisations.$inferInsert> & {
	members?: { userId: string; role: MembershipRole }[];
};

export async function makeOrganisation(db: DbOrTx, t: OrganisationTraits = {}) {
	const i = next();
	const { members = [], ...values } = t;
	const [org] = await db
		.insert(organisations)
		.values({
			name: `Partner ${i}`,
			kind: 'civil_society',
			country: 'KE',
			region: 'africa',
			languages: ['en'],
			description: '',
			reference: newReference(),
			...values
		})
		.returning();
	if (members.length)
		await db.insert(memberships).values(members.map((mb) => ({ organisationId: org.id, userId: mb.userId, role: mb.role })));
	return org;
}
