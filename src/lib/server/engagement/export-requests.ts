import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { and, desc, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { decisionLabel, gateLabel, requestKindLabel, requestStatusLabel } from '../../engagement-labels.ts';
import { pick } from '../../engagement-codes.ts';
import type { Db } from '../db/types.ts';
import { outsideLabel, outsideText } from '../directory/partner-label.ts';
import { organisations } from '../directory/schema.ts';
import { recordExport } from '../activity/record-export.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { neutraliseRow } from '../exports/spreadsheet-cells.ts';
import { parseInput } from '../validate.ts';
import { portfolioQuery } from '../../validation/engagement.ts';
import { currentCriteriaSet } from './criteria-set.ts';
import { portfolioColumnsFor, portfolioFilter } from './list-requests.ts';
import { canSeePortfolio } from './policies.ts';
import { engagementRequests } from './schema.ts';

/** At most this many rows go into one export. */
export const EXPORT_LIMIT = 20000;

/**
 * The filtered portfolio as CSV or XLSX. A file leaves the hub, so a sensitive partner is always
 * named by its neutral reference here, even for staff who see its name in the hub.
 */
export async function exportRequests(db: Db, actor: Actor, raw: Record<string, unknown>, format: 'csv' | 'xlsx') {
	ensure(canSeePortfolio(actor));
	const q = parseInput(portfolioQuery, { ...raw, page: 1, pageSize: 1 });
	const locale = isUser(actor) ? actor.locale : 'en';
	const set = await db.transaction((tx) => currentCriteriaSet(tx, actor));
	const rows = await db
		.select(portfolioColumnsFor(actor))
		.from(engagementRequests)
		.innerJoin(organisations, eq(organisations.id, engagementRequests.organisationId))
		.where(and(portfolioFilter(actor, q)))
		.orderBy(desc(engagementRequests.updatedAt), desc(engagementRequests.id))
		.limit(EXPORT_LIMIT);
	const header = [m.eng_field_organisation(), m.eng_field_goal(), m.eng_field_kinds(), m.field_country(), m.status(), m.eng_score(), m.eng_band(), m.eng_gate(), m.eng_decision(), m.eng_submitted_on()];
	// Goals and names are typed by partners: neutralised so no cell can run as a formula.
	const data = rows.map((r) => neutraliseRow([
		outsideLabel({ name: r.organisationName, reference: r.organisationReference, sensitive: r.sensitive }, locale),
		outsideText({ name: r.organisationName, reference: r.organisationReference, sensitive: r.sensitive }, r.goal, locale),
		r.kinds.map(requestKindLabel).join(', '),
		// The file leaves the hub: a sensitive partner's country stays out of it, as its name does.
		r.sensitive ? '' : r.country,
		requestStatusLabel(r.status),
		r.score === null ? '' : Math.round(r.score * 10) / 10,
		pick(set.bands.find((b) => b.code === r.band)?.label, locale) || (r.band ?? ''),
		r.gate ? gateLabel(r.gate) : '',
		decisionLabel(r.decision),
		r.submittedAt ? r.submittedAt.toISOString().slice(0, 10) : ''
	]));
	const { page: _page, pageSize: _size, ...filters } = q;
	await recordExport(db, actor, 'requests', { format, rows: rows.length, filters });
	const stamp = new Date().toISOString().slice(0, 10);
	if (format === 'csv')
		return { body: stringify([header, ...data], { bom: true }), contentType: 'text/csv; charset=utf-8', filename: `requests-${stamp}.csv` };
	const book = new ExcelJS.Workbook();
	const sheet = book.addWorksheet(m.eng_requests());
	sheet.addRow(header).font = { bold: true };
	for (const r of data) sheet.addRow(r);
	sheet.columns.forEach((c, i) => (c.width = i === 1 ? 60 : 18));
	const buffer = await book.xlsx.writeBuffer();
	return {
		body: new Uint8Array(buffer as ArrayBuffer),
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		filename: `requests-${stamp}.xlsx`
	};
}
