import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** Reads CSV the way a spreadsheet does (quoted cells, doubled quotes, a byte-order mark), so a test sees cells. */
export function readCsv(body: unknown): string[][] {
	return parse(String(body), { bom: true, relax_column_count: true }) as string[][];
}

/** The first sheet of an XLSX file as rows of cell values. */
export async function readXlsx(body: unknown): Promise<unknown[][]> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(body as ArrayBuffer);
	const rows: unknown[][] = [];
	book.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
	return rows;
}

/** A file's whole body, read from its stream when it is written while it downloads. */
export async function fileBytes(file: { body: string | Uint8Array | ReadableStream<Uint8Array> }): Promise<Uint8Array> {
	if (typeof file.body === 'string') return new TextEncoder().encode(file.body);
	if (file.body instanceof Uint8Array) return file.body;
	return new Uint8Array(await new Response(file.body).arrayBuffer());
}

/** A file's whole body as text, its byte-order mark kept. */
export const fileText = async (file: { body: string | Uint8Array | ReadableStream<Uint8Array> }) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await fileBytes(file));
