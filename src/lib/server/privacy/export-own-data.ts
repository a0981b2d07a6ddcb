import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { ensureFreshProof } from '../identity/fresh-proof.ts';
import { findSubject } from './erase-person.ts';
import { canExportOwnData } from './policies.ts';
import { PRIVACY_CONTRIBUTORS } from './registry.ts';

export const EXPORT_FORMAT = 'support-hub.personal-data.v1';

/**
 * Everything the hub holds about the person asking, one section per capability, read in one
 * transaction so the sections agree with each other. The export itself is logged (without data).
 */
export async function exportOwnData(db: Db, actor: Actor): Promise<Record<string, unknown>> {
	ensure(canExportOwnData(actor));
	// Everything about a person in one file: an open session left on a shared computer is not enough.
	ensureFreshProof(actor);
	if (actor.kind !== 'user') throw new Error('unreachable');
	return db.transaction(async (tx) => {
		const subject = await findSubject(tx, actor.userId);
		const out: Record<string, unknown> = { format: EXPORT_FORMAT, exportedAt: new Date().toISOString(), userId: subject.userId };
		for (const c of PRIVACY_CONTRIBUTORS) {
			const data = await c.exportData(tx, subject);
			if (data !== undefined) out[c.key] = data;
		}
		await recordActivity(tx, actor, { subjectType: 'user', subjectId: actor.userId, action: 'person.exported' });
		return out;
	});
}
