import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { users } from '../identity/schema.ts';
import type { CallDefinition } from '../../validation/grants.ts';
import { findCall } from './find-application.ts';
import { grantProgrammes } from './schema.ts';

// How a checked definition is stored (one programme row, one call row) and read back for editing.

/** A definition as the shared schema returns it, defaults filled in. */
export type CheckedCall = Omit<CallDefinition, 'whoMayApply' | 'decisionTargetDays' | 'reportMonths' | 'scheduled'> & {
	scheduled: boolean;
	whoMayApply: string[];
	decisionTargetDays: number | null;
	reportMonths: number[];
};

/** Creates or updates the programme the definition names (by its address) and returns its id. */
export async function storeProgramme(tx: DbOrTx, d: CheckedCall) {
	const lead = d.programme.leadEmail
		? (await tx.select({ id: users.id }).from(users).where(eq(users.email, d.programme.leadEmail.toLowerCase())).limit(1))[0]
		: undefined;
	const programme = { slug: d.programme.slug, name: d.programme.name, description: d.programme.description, leadUserId: lead?.id ?? null };
	const [p] = await tx.insert(grantProgrammes).values(programme).onConflictDoUpdate({ target: grantProgrammes.slug, set: programme }).returning();
	return p.id;
}

/** The call's columns from a checked definition. */
export function callColumns(d: CheckedCall, programmeId: string) {
	return {
		programmeId,
		slug: d.slug,
		title: d.title,
		summary: d.summary,
		rolling: d.rolling,
		opensAt: !d.rolling && d.opensAt ? new Date(d.opensAt) : null,
		closesAt: !d.rolling && d.closesAt ? new Date(d.closesAt) : null,
		timeZone: d.timeZone,
		scheduled: !d.rolling && !!d.scheduled,
		currency: d.currency,
		budget: d.budget,
		maxAward: d.maxAward,
		languages: d.languages,
		whoMayApply: d.whoMayApply,
		screener: d.screener,
		stages: d.stages,
		decisionTargetDays: d.decisionTargetDays,
		reportMonths: d.reportMonths
	};
}

/** A stored call as the definition it was built from, for the builder, the preview and the API. */
export async function loadCallDefinition(db: DbOrTx, id: string) {
	const call = await findCall(db, id);
	const [p] = await db
		.select({ programme: grantProgrammes, leadEmail: users.email })
		.from(grantProgrammes)
		.leftJoin(users, eq(users.id, grantProgrammes.leadUserId))
		.where(eq(grantProgrammes.id, call.programmeId))
		.limit(1);
	const definition: CallDefinition = {
		programme: { slug: p.programme.slug, name: p.programme.name, description: p.programme.description, leadEmail: p.leadEmail ?? undefined },
		slug: call.slug,
		title: call.title,
		summary: call.summary,
		rolling: call.rolling,
		opensAt: call.opensAt?.toISOString(),
		closesAt: call.closesAt?.toISOString(),
		timeZone: call.timeZone,
		scheduled: call.scheduled,
		currency: call.currency,
		budget: call.budget,
		maxAward: call.maxAward,
		languages: call.languages as CallDefinition['languages'],
		whoMayApply: call.whoMayApply as CallDefinition['whoMayApply'],
		screener: call.screener,
		// Stored stages were checked by the same schema on the way in.
		stages: call.stages as CallDefinition['stages'],
		decisionTargetDays: call.decisionTargetDays,
		reportMonths: call.reportMonths
	};
	return { call, definition };
}
