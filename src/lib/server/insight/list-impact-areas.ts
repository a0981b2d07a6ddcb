import { asc } from 'drizzle-orm';
import { BUILT_IN_IMPACT_AREAS } from '../../insight/codes.ts';
import type { DbOrTx } from '../db/types.ts';
import { impactAreas } from './schema.ts';

export type ImpactArea = { code: string; name: string | null };

/** The built-in areas first (their names are translated on the page), then those added by staff. */
export async function listImpactAreas(db: DbOrTx): Promise<ImpactArea[]> {
	const added = await db.select({ code: impactAreas.code, name: impactAreas.name }).from(impactAreas).orderBy(asc(impactAreas.name));
	return [...BUILT_IN_IMPACT_AREAS.map((code) => ({ code, name: null })), ...added];
}
