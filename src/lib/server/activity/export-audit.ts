import { personName } from '../../people.ts';
import { stringify } from 'csv-stringify/sync';
import { desc, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { outsideText } from '../directory/partner-label.ts';
import { organisations } from '../directory/schema.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { neutraliseCell } from '../exports/spreadsheet-cells.ts';
import { parseInput } from '../validate.ts';
import { auditQuery } from '../../validation/audit.ts';
import { auditColumns, auditFilter, canReadAudit } from './list-audit.ts';
import { recordExport } from './record-export.ts';
import { activityEvents } from './schema.ts';

/** At most this many events go into one file. */
export const AUDIT_EXPORT_LIMIT = 50000;

/**
 * The filtered audit trail as CSV. Every cell that a spreadsheet would run as a formula is
 * neutralised (names and reasons are typed by people). The export is itself logged.
 */
export async function exportAudit(db: Db, actor: Actor, raw: Record<string, unknown>) {
	ensure(canReadAudit(actor));
	const q = parseInput(auditQuery, { ...raw, page: 1, pageSize: 1 });
	const rows = await db
		.select(auditColumns)
		.from(activityEvents)
		.leftJoin(users, eq(users.id, activityEvents.actorId))
		.where(auditFilter(q))
		.orderBy(desc(activityEvents.createdAt), desc(activityEvents.id))
		.limit(AUDIT_EXPORT_LIMIT);
	// The file leaves the hub: a sensitive partner's name, recorded in the changes (an application's
	// title, a renamed partner), is replaced by its neutral reference, as in every export.
	const sensitive = await db.select({ name: organisations.name, reference: organisations.reference, sensitive: organisations.sensitive }).from(organisations).where(eq(organisations.sensitive, true));
	const locale = isUser(actor) ? actor.locale : 'en';
	const neutral = (changes: unknown) => sensitive.reduce((t, o) => outsideText(o, t, locale), JSON.stringify(changes));
	const header = [m.audit_when(), m.audit_who(), m.field_email(), m.audit_what(), m.audit_subject_type(), m.audit_subject(), m.audit_changes()];
	const data = rows.map((r) =>
		[r.createdAt.toISOString(), personName(r.actorName, ''), r.actorEmail ?? '', r.action, r.subjectType, r.subjectId, r.changes ? neutral(r.changes) : ''].map(neutraliseCell)
	);
	const { page: _page, pageSize: _size, ...filters } = q;
	await recordExport(db, actor, 'audit', { format: 'csv', rows: rows.length, filters });
	const stamp = new Date().toISOString().slice(0, 10);
	return { body: stringify([header, ...data], { bom: true }), contentType: 'text/csv; charset=utf-8', filename: `audit-${stamp}.csv` };
}
