import type { DbOrTx } from '../db/types.ts';
import { notify } from './notify.ts';
import { callLeadOrOfficers, memberIds, officerIds } from './recipients.ts';
import { planNotice, type Audience, type Happening } from './routing.ts';

async function resolve(tx: DbOrTx, a: Audience): Promise<string[]> {
	if ('users' in a) return a.users;
	if ('officers' in a) return officerIds(tx);
	if ('callLead' in a) return callLeadOrOfficers(tx, a.callLead);
	return memberIds(tx, a.members);
}

/**
 * The one call capabilities make: tells the right people that something happened, inside the
 * caller's transaction, so the notice exists exactly when the change does.
 */
export async function announce(tx: DbOrTx, happening: Happening | null, actorId?: string | null): Promise<number> {
	if (!happening) return 0;
	const plan = planNotice(happening);
	const recipients = await resolve(tx, plan.audience);
	return notify(tx, { ...plan, recipients, actorId });
}
