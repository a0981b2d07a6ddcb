import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { organisations } from '../directory/schema.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { pinnedCall } from './call-versions.ts';
import { grantApplications, grantCalls } from './schema.ts';
import { visibleApplications } from './scope.ts';

/**
 * The application with its call and organisation, if the actor may see it; otherwise NOT_FOUND.
 * The call carries the screener and stages of the version the application was started on.
 */
export async function findApplication(db: DbOrTx, actor: Actor, id: string) {
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [row] = await db
		.select({ application: grantApplications, call: grantCalls, org: organisations })
		.from(grantApplications)
		.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
		.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
		.where(and(eq(grantApplications.id, id), visibleApplications(actor)))
		.limit(1);
	if (!row) throw new DomainError('NOT_FOUND', m.e_not_found());
	return { ...row, call: await pinnedCall(db, row.call, row.application.callVersion) };
}
export type ApplicationRow = Awaited<ReturnType<typeof findApplication>>;

export async function findCall(db: DbOrTx, id: string) {
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [call] = await db.select().from(grantCalls).where(eq(grantCalls.id, id)).limit(1);
	if (!call) throw new DomainError('NOT_FOUND', m.e_not_found());
	return call;
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whether a call accepts new applications now. */
export function isCallOpen(call: { rolling: boolean; opensAt: Date | null; closesAt: Date | null; status?: string }, now = new Date()): boolean {
	// A draft is still being built, a closed or archived call takes nothing new, whatever its dates.
	if (call.status !== undefined && call.status !== 'open') return false;
	if (call.rolling) return true;
	return !!call.opensAt && !!call.closesAt && call.opensAt <= now && now < call.closesAt;
}
