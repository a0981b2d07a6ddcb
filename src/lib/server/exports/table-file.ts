import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { neutraliseRow } from './spreadsheet-cells.ts';

export type TableFile = { body: string | Uint8Array; contentType: string; filename: string };
/** A file written while it downloads. */
export type StreamedFile = { body: ReadableStream<Uint8Array>; contentType: string; filename: string };
export type TableFormat = 'csv' | 'xlsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Rows = readonly (readonly unknown[])[];
// Sheet names are limited to 31 characters and a few symbols by the file format.
const sheetNameOf = (sheet: string, fallback: string) => sheet.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || fallback;

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
	const sheet = book.addWorksheet(sheetNameOf(t.sheet, t.name));
	sheet.addRow(header).font = { bold: true };
	for (const r of rows) sheet.addRow(r);
	sheet.columns.forEach((c) => (c.width = 18));
	const buffer = await book.xlsx.writeBuffer();
	return { body: new Uint8Array(buffer as ArrayBuffer), contentType: XLSX_TYPE, filename: `${t.name}-${stamp}.xlsx` };
}

/**
 * A table of any length as a file that is written while it downloads: the rows come in batches
 * (each one read from the database only when the reader has taken the one before), so memory
 * holds a batch, never the whole table. CSV is written batch by batch by csv-stringify; XLSX by
 * ExcelJS's streaming writer with inline strings (a shared-string table would grow with the file).
 */
export function streamTableFile(t: { name: string; sheet: string; header: string[]; batches: AsyncIterable<Rows>; format: TableFormat }): StreamedFile {
	const stamp = new Date().toISOString().slice(0, 10);
	const header = neutraliseRow(t.header) as string[];
	const batches = t.batches[Symbol.asyncIterator]();
	if (t.format === 'csv') {
		const encoder = new TextEncoder();
		let first = true;
		const body = new ReadableStream<Uint8Array>(
			{
				async pull(controller) {
					const next = await batches.next();
					const rows = next.done ? [] : next.value.map(neutraliseRow);
					const text = stringify(first ? [header, ...rows] : rows, { bom: first });
					first = false;
					if (text) controller.enqueue(encoder.encode(text));
					if (next.done) controller.close();
				},
				async cancel() {
					await batches.return?.();
				}
			},
			// Nothing is read from the database until someone reads the file.
			{ highWaterMark: 0 }
		);
		return { body, contentType: 'text/csv; charset=utf-8', filename: `${t.name}-${stamp}.csv` };
	}
	const out = new PassThrough();
	const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
	const sheet = book.addWorksheet(sheetNameOf(t.sheet, t.name));
	let started = false;
	const body = new ReadableStream<Uint8Array>(
		{
			start(controller) {
				out.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
				out.on('end', () => controller.close());
				out.on('error', (e) => controller.error(e));
			},
			async pull() {
				if (!started) {
					started = true;
					sheet.columns = header.map(() => ({ width: 18 }));
					const top = sheet.addRow(header);
					top.font = { bold: true };
					top.commit();
				}
				const next = await batches.next();
				if (next.done) {
					sheet.commit();
					await book.commit();
				} else for (const r of next.value) sheet.addRow(neutraliseRow(r)).commit();
			},
			async cancel() {
				out.destroy();
				await batches.return?.();
			}
		},
		{ highWaterMark: 0 }
	);
	return { body, contentType: XLSX_TYPE, filename: `${t.name}-${stamp}.xlsx` };
}

/** The response that hands a table file to the browser as a download. */
export const downloadResponse = (file: TableFile | StreamedFile) =>
	new Response(file.body as BodyInit, {
		headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'no-store' }
	});
