import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { neutraliseRow } from './spreadsheet-cells.ts';

export type TableFile = { body: string | Uint8Array; contentType: string; filename: string };
export type TableFormat = 'csv' | 'xlsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * One table as a file to download: CSV (with a byte-order mark, so spreadsheet programs read the
 * accents) or a one-sheet XLSX with a bold header. Every cell goes through the formula guard, so
 * a name typed by anyone cannot run as a formula on the reader's computer.
 */
export async function tableFile(t: { name: string; sheet: string; header: string[]; rows: readonly (readonly unknown[])[]; format: TableFormat }): Promise<TableFile> {
	const header = neutraliseRow(t.header) as string[];
	const rows = t.rows.map(neutraliseRow);
	const stamp = new Date().toISOString().slice(0, 10);
	if (t.format === 'csv')
		return { body: stringify([header, ...rows], { bom: true }), contentType: 'text/csv; charset=utf-8', filename: `${t.name}-${stamp}.csv` };
	const book = new ExcelJS.Workbook();
	// Sheet names are limited to 31 characters and a few symbols by the file format.
	const sheet = book.addWorksheet(t.sheet.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || t.name);
	sheet.addRow(header).font = { bold: true };
	for (const r of rows) sheet.addRow(r);
	sheet.columns.forEach((c) => (c.width = 18));
	const buffer = await book.xlsx.writeBuffer();
	return { body: new Uint8Array(buffer as ArrayBuffer), contentType: XLSX_TYPE, filename: `${t.name}-${stamp}.xlsx` };
}

/** The response that hands a table file to the browser as a download. */
export const downloadResponse = (file: TableFile) =>
	new Response(file.body as BodyInit, {
		headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'no-store' }
	});
