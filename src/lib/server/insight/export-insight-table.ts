import { recordExport } from '../activity/record-export.ts';
import type { Db } from '../db/types.ts';
import { tableFile } from '../exports/table-file.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { reportTables } from '../../insight/report-tables.ts';
import { insightExportQuery } from '../../validation/insight-report.ts';
import { getInsight } from './get-insight.ts';

/**
 * One /insight table as CSV or XLSX, with the same filters and the same rows as on the page;
 * only the figures that table needs are computed.
 * The tables name no partner, so the file carries nothing a sensitive partner could be known by.
 */
export async function exportInsightTable(db: Db, actor: Actor, raw: Record<string, unknown>) {
	const { table, format } = parseInput(insightExportQuery, raw);
	const insight = await getInsight(db, actor, raw, table);
	const locale = isUser(actor) ? actor.locale : 'en';
	const t = reportTables(insight, locale).find((x) => x.id === table)!;
	await recordExport(db, actor, `insight_${table}`, { format, rows: t.rows.length, filters: insight.query });
	return tableFile({ name: `insight-${table}`, sheet: t.caption, header: t.header, rows: t.rows, format });
}
