import { m } from '#lib/paraglide/messages.js';
import { recordExport } from '../activity/record-export.ts';
import type { Db } from '../db/types.ts';
import { streamTableFile } from '../exports/table-file.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { applicationSelection, callExportQuery } from '../../validation/grants-volume.ts';
import { selectionWhere } from './application-selection.ts';
import { applicationsTable, awardsTable, disbursementsTable, reviewsTable } from './call-export-tables.ts';
import { canExportCallTable } from './volume-policies.ts';

const TABLES = { applications: applicationsTable, reviews: reviewsTable, awards: awardsTable, disbursements: disbursementsTable };
const sheetName = (what: keyof typeof TABLES) =>
	({ applications: m.vol_export_applications, reviews: m.vol_export_reviews, awards: m.vol_export_awards, disbursements: m.vol_export_disbursements })[what]();

/**
 * A call's applications (with answers), reviews and scores, awards or disbursements as CSV or
 * XLSX: for a call and the list's filter, or for the rows ticked on the staff list. Only what the
 * actor may see is exported, and the export is in the activity log (with the rows counted as it
 * starts). Every matching row is in the file: it is written while it downloads, a batch at a time.
 */
export async function exportApplications(db: Db, actor: Actor, raw: Record<string, unknown>) {
	const q = parseInput(callExportQuery, raw);
	ensure(canExportCallTable(actor, q.what));
	const selection = parseInput(applicationSelection, { scope: 'filter', ...raw });
	const locale = isUser(actor) ? actor.locale : 'en';
	const table = await TABLES[q.what](db, selectionWhere(actor, selection), locale);
	await recordExport(db, actor, `grant_${q.what}`, {
		format: q.format,
		rows: table.count,
		filters: { call: selection.call, status: selection.status, q: selection.q, ...(selection.scope === 'selected' ? { selected: selection.id.length } : {}) }
	});
	return streamTableFile({ name: `${q.what}`, sheet: sheetName(q.what), header: table.header, batches: table.batches, format: q.format });
}
