import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileBytes, fileText } from '../testing/read-table.ts';
import { streamTableFile, tableFile } from './table-file.ts';

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

describe('a long table is written while it downloads, a batch at a time', () => {
	const header = ['Name', 'Points'];
	async function* batches(log: string[]) {
		for (const b of [1, 2, 3]) {
			log.push(`batch ${b}`);
			yield [[`=cmd|' /C calc'!A${b}`, b], [`Team ${b}`, b * 10]];
		}
	}

	it('nothing is read until someone reads the file', async () => {
		const log: string[] = [];
		streamTableFile({ name: 'x', sheet: 'x', header, batches: batches(log), format: 'csv' });
		streamTableFile({ name: 'x', sheet: 'x', header, batches: batches(log), format: 'xlsx' });
		await new Promise((r) => setTimeout(r, 20));
		expect(log).toEqual([]);
	});

	it('CSV: one byte-order mark and one header, then every batch, formulas neutralised', async () => {
		const log: string[] = [];
		const text = await fileText(streamTableFile({ name: 'x', sheet: 'x', header, batches: batches(log), format: 'csv' }));
		expect(text.match(/\uFEFF/g)).toHaveLength(1);
		expect(text.split('\n').filter(Boolean)).toHaveLength(7);
		expect(text).toContain(`'=cmd|' /C calc'!A2,2`);
		expect(log).toEqual(['batch 1', 'batch 2', 'batch 3']);
	});

	it('XLSX: a bold header, numbers as numbers, formulas as text, on a legal sheet name', async () => {
		const file = streamTableFile({ name: 'awards', sheet: 'Awards: paid/unpaid', header, batches: batches([]), format: 'xlsx' });
		expect(file.filename).toMatch(/^awards-\d{4}-\d{2}-\d{2}\.xlsx$/);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await fileBytes(file)) as unknown as ArrayBuffer);
		const sheet = book.worksheets[0];
		expect(sheet.name).toBe('Awards  paid unpaid');
		expect(sheet.rowCount).toBe(7);
		expect(sheet.getRow(1).font?.bold).toBe(true);
		expect(sheet.getRow(4).values).toEqual([undefined, `'=cmd|' /C calc'!A2`, 2]);
	});
});
