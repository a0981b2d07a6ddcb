import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { exportRequests } from '../engagement/export-requests.ts';
import type { Actor } from '../identity/actor.ts';
import { makeRequest } from '../seed/engagement-factories.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { actorFor } from '../testing/actors.ts';
import { readCsv } from '../testing/read-table.ts';
import { freshDatabase } from '../testing/test-db.ts';

// A partner types a formula as their goal; the officer's export must show it as text.
const FORMULA = '=HYPERLINK("http://evil.example","click")';

let database: Database;
let officer: Actor;
beforeAll(async () => {
	database = await freshDatabase();
	const org = await makeOrganisation(database.db, { name: '@Transparency Now' });
	await makeRequest(database.db, { organisationId: org.id, goal: FORMULA, status: 'submitted', submittedAt: new Date() });
	officer = await actorFor(database.db, 'programme_officer');
});
afterAll(() => database.close());

describe('the requests export carries no formulas', () => {
	it('CSV: the goal cell reads back as quoted text', async () => {
		const file = await exportRequests(database.db, officer, {}, 'csv');
		const rows = readCsv(file.body);
		const row = rows.find((r) => r.includes(`'${FORMULA}`));
		expect(row, 'goal cell neutralised').toBeTruthy();
		expect(row).toContain("'@Transparency Now");
	});
	it('XLSX: the goal cell is a text cell, not a formula', async () => {
		const file = await exportRequests(database.db, officer, {}, 'xlsx');
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(file.body as unknown as ArrayBuffer);
		const cells: ExcelJS.Cell[] = [];
		book.worksheets[0].eachRow((r) => r.eachCell((c) => cells.push(c)));
		const goal = cells.find((c) => String(c.value).includes('HYPERLINK'));
		expect(goal?.type).toBe(ExcelJS.ValueType.String);
		expect(goal?.text).toBe(`'${FORMULA}`);
		expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
	});
});
