import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { grantProgrammes } from '../grants/schema.ts';

/** The programmes a report can be narrowed to, by slug. */
export const listReportProgrammes = (db: DbOrTx) =>
	db.select({ slug: grantProgrammes.slug, name: grantProgrammes.name }).from(grantProgrammes).orderBy(asc(grantProgrammes.slug));
