import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { grantCallVersions, type CallSnapshot, type grantCalls } from './schema.ts';

// A call's published versions. The call row holds the newest; each published version is also kept
// whole, so an application started on it keeps its screener, forms and rubrics (and its reviews
// their rubric) whatever is edited afterwards.

type CallRow = typeof grantCalls.$inferSelect;

/** What a version keeps of a call row. */
export function snapshotOf(call: CallRow): CallSnapshot {
	return {
		title: call.title,
		summary: call.summary,
		rolling: call.rolling,
		opensAt: call.opensAt?.toISOString() ?? null,
		closesAt: call.closesAt?.toISOString() ?? null,
		timeZone: call.timeZone,
		currency: call.currency,
		budget: call.budget,
		maxAward: call.maxAward,
		languages: call.languages,
		whoMayApply: call.whoMayApply,
		screener: call.screener,
		stages: call.stages,
		reportMonths: call.reportMonths
	};
}

/** JSON with keys in one order: stored JSON comes back with its keys reordered. */
export function canonical(v: unknown): string {
	if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
	if (v && typeof v === 'object' && !(v instanceof Date))
		return `{${Object.keys(v)
			.filter((k) => (v as Record<string, unknown>)[k] !== undefined)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
			.join(',')}}`;
	return JSON.stringify(v);
}

/** Whether two snapshots describe the same call. */
export const sameSnapshot = (a: CallSnapshot, b: CallSnapshot) => canonical(a) === canonical(b);

/** Keeps the call as it is now as its published version; a version already kept stays as it was. */
export async function keepVersion(tx: DbOrTx, actor: Actor | null, call: CallRow) {
	await tx
		.insert(grantCallVersions)
		.values({ callId: call.id, number: call.publishedVersion, definition: snapshotOf(call), createdBy: actor?.kind === 'user' ? actor.userId : null })
		.onConflictDoNothing();
}

/**
 * The call as an application sees it: the screener and stages of the version it was started on.
 * Applications on the newest version read the call row itself, with no extra query.
 */
export async function pinnedCall(db: DbOrTx, call: CallRow, callVersion: number): Promise<CallRow> {
	if (callVersion === call.publishedVersion) return call;
	const [v] = await db
		.select({ definition: grantCallVersions.definition })
		.from(grantCallVersions)
		.where(and(eq(grantCallVersions.callId, call.id), eq(grantCallVersions.number, callVersion)))
		.limit(1);
	// Every version an application can name was kept when it was published.
	return v ? { ...call, screener: v.definition.screener, stages: v.definition.stages } : call;
}
