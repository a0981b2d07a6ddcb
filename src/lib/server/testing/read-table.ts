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
