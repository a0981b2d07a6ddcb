import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { memberships } from '../directory/schema.ts';
import { grantCalls, grantProgrammes } from '../grants/schema.ts';
import { users } from '../identity/schema.ts';
import { DIRECTORY_MANAGERS } from '../../roles.ts';

// Who a notice goes to, resolved in one query each.

/** Programme officers and admins: the people who triage requests, clinics and messages. */
export async function officerIds(tx: DbOrTx): Promise<string[]> {
	const rows = await tx.select({ id: users.id }).from(users).where(inArray(users.role, [...DIRECTORY_MANAGERS]));
	return rows.map((r) => r.id);
}

/** Everyone in a partner organisation. */
export async function memberIds(tx: DbOrTx, organisationId: string): Promise<string[]> {
	const rows = await tx.select({ id: memberships.userId }).from(memberships).where(eq(memberships.organisationId, organisationId));
	return rows.map((r) => r.id);
}

/** The lead of the call's programme; without one, the officers. */
export async function callLeadOrOfficers(tx: DbOrTx, callId: string): Promise<string[]> {
	const [row] = await tx
		.select({ lead: grantProgrammes.leadUserId })
		.from(grantCalls)
		.innerJoin(grantProgrammes, eq(grantProgrammes.id, grantCalls.programmeId))
		.where(eq(grantCalls.id, callId))
		.limit(1);
	return row?.lead ? [row.lead] : officerIds(tx);
}
