import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tableFile } from './table-file.ts';

describe('a table leaves the hub as CSV or XLSX with formula cells neutralised', () => {
	const table = { name: 'insight-support', sheet: 'Support delivered: by country', header: ['Country', 'Grants'], rows: [['=HYPERLINK("http://x")', 3], ['Kenya', 5]] };

	it('CSV starts with a byte-order mark and quotes a formula as text', async () => {
		const file = await tableFile({ ...table, format: 'csv' });
		expect(file.contentType).toMatch(/^text\/csv/);
		expect(String(file.body).startsWith('\uFEFFCountry,Grants')).toBe(true);
		expect(String(file.body)).toContain(`"'=HYPERLINK(""http://x"")",3`);
	});

	it('XLSX keeps numbers as numbers and formulas as text, on a sheet with a legal name', async () => {
		const file = await tableFile({ ...table, format: 'xlsx' });
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(file.body as unknown as ArrayBuffer);
		const sheet = book.worksheets[0];
		expect(sheet.name).toBe('Support delivered  by country');
		expect(sheet.getRow(2).values).toEqual([undefined, `'=HYPERLINK("http://x")`, 3]);
		expect(file.filename).toMatch(/^insight-support-\d{4}-\d{2}-\d{2}\.xlsx$/);
	});
});
