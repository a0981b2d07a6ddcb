import { describe, expect, it } from 'vitest';
import { answerCell } from './answer-cells.ts';
import type { FieldDef } from './definition.ts';

const choice: FieldDef = { id: 'kind', type: 'single_choice', label: { en: 'Kind' }, options: [{ value: 'gov', label: { en: 'Government', es: 'Gobierno' } }] };

describe('an answer as a spreadsheet cell', () => {
	it('a choice is shown by its label in the reader’s language, English when untranslated', () => {
		expect(answerCell(choice, 'gov', 'es')).toBe('Gobierno');
		expect(answerCell(choice, 'gov', 'fr')).toBe('Government');
	});
	it('money stays a number; an empty answer is an empty cell', () => {
		expect(answerCell({ id: 'a', type: 'money', label: { en: 'A' } }, 4000, 'en')).toBe(4000);
		expect(answerCell({ id: 'a', type: 'money', label: { en: 'A' } }, null, 'en')).toBe('');
	});
	it('a file by its name, repeatable rows as one line per row', () => {
		expect(answerCell({ id: 'f', type: 'file', label: { en: 'F' } }, { key: 'k', name: 'plan.pdf', size: 1, type: 'application/pdf' }, 'en')).toBe('plan.pdf');
		const rows: FieldDef = { id: 'b', type: 'rows', label: { en: 'Budget' }, columns: [{ id: 'item', type: 'short_text', label: { en: 'Item' } }, { id: 'amount', type: 'money', label: { en: 'Amount' } }] };
		expect(answerCell(rows, [{ item: 'Staff', amount: 3000 }, { item: 'Print' }], 'en')).toBe('Item: Staff, Amount: 3000\nItem: Print');
	});
});
