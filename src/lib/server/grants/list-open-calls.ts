import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { isCallOpen } from './find-application.ts';
import { grantCalls, grantProgrammes } from './schema.ts';

/** Calls open for applications now, for everyone including visitors. */
export async function listOpenCalls(db: DbOrTx, now = new Date()) {
	const rows = await db
		.select({ call: grantCalls, programme: { name: grantProgrammes.name, slug: grantProgrammes.slug } })
		.from(grantCalls)
		.innerJoin(grantProgrammes, eq(grantProgrammes.id, grantCalls.programmeId))
		.orderBy(asc(grantCalls.closesAt), asc(grantCalls.slug));
	return rows.filter((r) => isCallOpen(r.call, now));
}

/**
 * The open calls by id and title only, as lists offer them to filter by: a call's whole row holds
 * its screener and forms, which such a list would read and parse on every request for nothing.
 */
export async function listOpenCallTitles(db: DbOrTx, now = new Date()) {
	const rows = await db
		.select({ id: grantCalls.id, title: grantCalls.title, rolling: grantCalls.rolling, opensAt: grantCalls.opensAt, closesAt: grantCalls.closesAt, status: grantCalls.status })
		.from(grantCalls)
		.orderBy(asc(grantCalls.closesAt), asc(grantCalls.slug));
	return rows.filter((r) => isCallOpen(r, now)).map((r) => ({ id: r.id, title: r.title }));
}

/** One call by its address, open or not (a closed call says so). */
export async function getPublicCall(db: DbOrTx, slug: string) {
	const [row] = await db
		.select({ call: grantCalls, programme: { name: grantProgrammes.name } })
		.from(grantCalls)
		.innerJoin(grantProgrammes, eq(grantProgrammes.id, grantCalls.programmeId))
		.where(eq(grantCalls.slug, slug))
		.limit(1);
	return row ?? null;
}
