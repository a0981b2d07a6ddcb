import { allFields, tr, type AnswerValue, type FieldDef, type FileAnswer, type StageDef } from './definition.ts';

/** A column of an answers export: one field of one stage's form of one call. */
export type AnswerColumn = { callId: string; stage: number; field: FieldDef; header: string };

/** Every field of every stage of a call, in form order; a field id reused by a later stage gets its own column. */
export function answerColumns(call: { id: string; stages: StageDef[] }, locale: string, prefix = ''): AnswerColumn[] {
	return call.stages.flatMap((stage, i) =>
		allFields(stage.form).map((field) => ({
			callId: call.id,
			stage: i,
			field,
			header: `${prefix}${call.stages.length > 1 ? `${tr(stage.name, locale)}: ` : ''}${tr(field.label, locale)}`
		}))
	);
}

const optionLabel = (field: FieldDef, value: unknown, locale: string) => {
	const o = field.options?.find((x) => x.value === value);
	return o ? tr(o.label, locale) : String(value);
};

/**
 * One answer as a spreadsheet cell: numbers stay numbers, choices are shown by their label in the
 * reader's language, a file by its name, repeatable rows as "column: value" lines.
 */
export function answerCell(field: FieldDef, value: AnswerValue | undefined, locale: string): string | number {
	if (value === undefined || value === null || value === '') return '';
	switch (field.type) {
		case 'number':
		case 'money':
			return typeof value === 'number' ? value : String(value);
		case 'single_choice':
			return optionLabel(field, value, locale);
		case 'multiple_choice':
			return Array.isArray(value) ? value.map((v) => optionLabel(field, v, locale)).join('; ') : String(value);
		case 'file':
			return (value as FileAnswer).name ?? '';
		case 'rows':
			if (!Array.isArray(value)) return '';
			return (value as Record<string, unknown>[])
				.map((row) =>
					(field.columns ?? [])
						.filter((c) => row[c.id] !== undefined && row[c.id] !== null && row[c.id] !== '')
						.map((c) => `${tr(c.label, locale)}: ${answerCell(c, row[c.id] as AnswerValue, locale)}`)
						.join(', ')
				)
				.join('\n');
		default:
			return typeof value === 'string' ? value : JSON.stringify(value);
	}
}
