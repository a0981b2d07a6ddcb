import { m } from '#lib/paraglide/messages.js';
import { allFields, type AnswerValue, type Answers, type FieldDef, type FileAnswer, type FormDef } from './definition.ts';

export type AnswerCheck = {
	/** Field path (`goal`, `milestones.1.title`) → messages in the reader's language. */
	errors: Record<string, string[]>;
	amount: number;
	title: string;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isEmpty = (v: unknown) =>
	v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function validDate(s: string): boolean {
	if (!DATE.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Checks one value against its field; returns the messages (empty when it is fine). */
function checkValue(field: FieldDef, value: unknown, today: string, complete: boolean, errors: Record<string, string[]>, path: string) {
	const add = (msg: string) => (errors[path] ??= []).push(msg);
	if (isEmpty(value)) {
		if (complete && field.required) add(m.v_required());
		return;
	}
	switch (field.type) {
		case 'short_text':
		case 'long_text': {
			if (typeof value !== 'string') return add(m.v_invalid());
			const max = field.maxLength ?? (field.type === 'short_text' ? 300 : 5000);
			if (value.length > max) add(m.v_too_long({ max: String(max) }));
			if (field.min && value.length < field.min) add(m.v_too_short({ min: String(field.min) }));
			return;
		}
		case 'number':
		case 'money': {
			if (typeof value !== 'number' || !Number.isFinite(value)) return add(m.v_invalid());
			if (field.type === 'money' && !Number.isInteger(value)) return add(m.grant_v_whole_amount());
			const min = field.min ?? (field.type === 'money' ? 0 : undefined);
			if (min !== undefined && value < min) add(m.v_number_too_small({ min: String(min) }));
			if (field.max !== undefined && value > field.max) add(m.v_number_too_big({ max: String(field.max) }));
			return;
		}
		case 'date': {
			if (typeof value !== 'string' || !validDate(value)) return add(m.v_invalid_date());
			if (field.notPast && value < today) add(m.grant_v_date_past());
			return;
		}
		case 'single_choice': {
			if (typeof value !== 'string' || !field.options?.some((o) => o.value === value)) add(m.v_invalid_choice());
			return;
		}
		case 'multiple_choice': {
			if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !field.options?.some((o) => o.value === v)))
				return add(m.v_invalid_choice());
			if (field.max !== undefined && value.length > field.max) add(m.v_choose_at_most({ max: String(field.max) }));
			return;
		}
		case 'file': {
			const f = value as FileAnswer;
			if (typeof f !== 'object' || typeof f.key !== 'string' || typeof f.size !== 'number') return add(m.v_invalid());
			const max = field.maxBytes ?? 10 * 1024 * 1024;
			if (f.size > max) add(m.v_file_too_large({ max: String(Math.round(max / 1024 / 1024)) }));
			return;
		}
		case 'rows': {
			if (!Array.isArray(value)) return add(m.v_invalid());
			if (field.maxRows !== undefined && value.length > field.maxRows) add(m.grant_v_rows_at_most({ max: String(field.maxRows) }));
			if (complete && field.minRows !== undefined && value.length < field.minRows)
				add(m.grant_v_rows_at_least({ min: String(field.minRows) }));
			value.forEach((row, i) => {
				if (typeof row !== 'object' || row === null || Array.isArray(row)) return add(m.v_invalid());
				for (const col of field.columns ?? [])
					checkValue(col, (row as Record<string, unknown>)[col.id], today, true, errors, `${path}.${i}.${col.id}`);
			});
			return;
		}
	}
}

/** The amount an application asks for, as its form definition says where to find it. */
export function requestedAmount(form: FormDef, answers: Answers): number {
	if (!form.amount) return 0;
	const v = answers[form.amount.field];
	if (form.amount.column) {
		if (!Array.isArray(v)) return 0;
		const col = form.amount.column;
		return (v as Record<string, unknown>[]).reduce((sum, row) => sum + (typeof row[col] === 'number' ? (row[col] as number) : 0), 0);
	}
	return typeof v === 'number' ? v : 0;
}

/**
 * Checks answers against a form definition. A draft (`complete: false`) may leave required fields
 * empty but nothing may be malformed; a submission must be complete, and an amount over the
 * call's maximum needs the justification field filled in.
 */
export function checkAnswers(
	form: FormDef,
	answers: Answers,
	opts: { today: string; complete: boolean; maxAward?: number }
): AnswerCheck {
	const errors: Record<string, string[]> = {};
	const known = new Set(allFields(form).map((f) => f.id));
	for (const key of Object.keys(answers)) if (!known.has(key)) (errors[key] ??= []).push(m.v_invalid());
	// An archived field is no longer asked: an answer given before is still checked, never required.
	for (const field of allFields(form)) checkValue(field, answers[field.id], opts.today, opts.complete && !field.archived, errors, field.id);
	const amount = requestedAmount(form, answers);
	if (opts.maxAward !== undefined && amount > opts.maxAward) {
		const just = form.justificationField;
		if (!just) (errors[form.amount?.field ?? '_form'] ??= []).push(m.v_number_too_big({ max: String(opts.maxAward) }));
		else if (opts.complete && isEmpty(answers[just]))
			(errors[just] ??= []).push(m.grant_v_justify_over_cap({ max: String(opts.maxAward) }));
	}
	const title = form.titleField && typeof answers[form.titleField] === 'string' ? (answers[form.titleField] as string).slice(0, 300) : '';
	return { errors, amount, title };
}

/** Reads a plain HTML form's fields (`a.goal`, `a.milestones.0.title`) into answers of the right types. */
export function answersFromForm(form: FormDef, data: FormData): Answers {
	const out: Answers = {};
	const one = (name: string) => {
		const v = data.get(name);
		return typeof v === 'string' ? v.trim() : '';
	};
	const scalar = (field: FieldDef, name: string): AnswerValue => {
		if (field.type === 'multiple_choice') return data.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
		const raw = one(name);
		if (raw === '') return null;
		if (field.type === 'number' || field.type === 'money') {
			const n = Number(raw.replace(/[\s,]/g, ''));
			return Number.isFinite(n) ? n : raw;
		}
		return raw;
	};
	for (const field of allFields(form)) {
		if (field.type === 'file' || field.archived) continue;
		if (field.type !== 'rows') {
			const v = scalar(field, `a.${field.id}`);
			if (!isEmpty(v)) out[field.id] = v;
			continue;
		}
		const rows: Record<string, unknown>[] = [];
		const indexes = new Set<number>();
		for (const key of data.keys()) {
			const match = key.match(new RegExp(`^a\\.${field.id}\\.(\\d+)\\.`));
			if (match) indexes.add(Number(match[1]));
		}
		for (const i of [...indexes].sort((a, b) => a - b)) {
			const row: Record<string, unknown> = {};
			for (const col of field.columns ?? []) {
				const v = scalar(col, `a.${field.id}.${i}.${col.id}`);
				if (!isEmpty(v)) row[col.id] = v;
			}
			// A blank row offered for adding one more is not an answer.
			if (Object.keys(row).length) rows.push(row);
		}
		if (rows.length) out[field.id] = rows;
	}
	return out;
}

/** The answers that belong to one stage's form (an application keeps every stage's answers). */
export function answersFor(form: FormDef, answers: Answers): Answers {
	const ids = new Set(allFields(form).map((f) => f.id));
	return Object.fromEntries(Object.entries(answers).filter(([k]) => ids.has(k)));
}

export type FieldChange = { field: string; from: unknown; to: unknown };

/** What changed between two revisions, field by field, for reviewers. */
export function diffAnswers(form: FormDef | undefined, before: Answers, after: Answers): FieldChange[] {
	const ids = form ? allFields(form).map((f) => f.id) : [...new Set([...Object.keys(before), ...Object.keys(after)])];
	return ids
		.filter((id) => JSON.stringify(before[id] ?? null) !== JSON.stringify(after[id] ?? null))
		.map((id) => ({ field: id, from: before[id] ?? null, to: after[id] ?? null }));
}
