import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { recordActivity } from './record-activity.ts';

/**
 * Logs that a file left the hub: which export, in what format, how many rows and with which
 * filters, so the audit trail answers "who took what out, and when". Never the file's content.
 */
export async function recordExport(
	db: DbOrTx,
	actor: Actor,
	what: string,
	details: { format: string; rows?: number; filters?: Record<string, unknown>; organisationId?: string | null; subjectId?: string }
): Promise<void> {
	const filters = Object.fromEntries(Object.entries(details.filters ?? {}).filter(([, v]) => v !== '' && v !== undefined && v !== null));
	await recordActivity(db, actor, {
		subjectType: 'export',
		subjectId: details.subjectId ?? what,
		organisationId: details.organisationId ?? null,
		action: 'exported',
		changes: { export: { from: null, to: what }, format: { from: null, to: details.format }, ...(details.rows !== undefined ? { rows: { from: null, to: details.rows } } : {}), ...(Object.keys(filters).length ? { filters: { from: null, to: filters } } : {}) }
	});
}
