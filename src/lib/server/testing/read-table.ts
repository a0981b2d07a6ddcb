import ExcelJS from 'exceljs';

/** Reads CSV the way a spreadsheet does (quoted cells, doubled quotes, a byte-order mark), so a test sees cells. */
export function readCsv(body: unknown): string[][] {
	const text = String(body).replace(/^\uFEFF/, '');
	const rows: string[][] = [[]];
	let cell = '';
	let quoted = false;
	const endCell = () => {
		rows[rows.length - 1].push(cell);
		cell = '';
	};
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') endCell();
		else if (c === '\n') {
			endCell();
			rows.push([]);
		} else if (c !== '\r') cell += c;
	}
	if (cell || rows[rows.length - 1].length) endCell();
	else rows.pop();
	return rows;
}

/** The first sheet of an XLSX file as rows of cell values. */
export async function readXlsx(body: unknown): Promise<unknown[][]> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(body as ArrayBuffer);
	const rows: unknown[][] = [];
	book.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
	return rows;
}
