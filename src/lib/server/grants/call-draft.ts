import { localToUtc, utcToLocalInput } from '../events/time.ts';
import type { CallDefinition } from '../../validation/grants.ts';
import { FIELD_TYPES, type ChoiceOption, type FieldDef, type Translated } from './definition.ts';

// The call builder edits a call as a plain HTML form: every input is named by its path in the
// definition ("stages.0.form.sections.1.fields.2.label.es"), so the schema's messages land beside
// the input they are about. A draft is what the form holds: strings as typed, lists of options and
// columns as lines. Adding, moving and removing items are pure operations on a draft, posted as
// buttons of the same form; nothing is stored until the whole definition is valid.

export type T3 = { en: string; es: string; fr: string };
export type DraftField = {
	id: string;
	type: string;
	label: T3;
	help: T3;
	required: boolean;
	notPast: boolean;
	/** The answer names a person (withheld from readers not entitled to a sensitive partner's identity). */
	identifying: boolean;
	/** No longer asked of new applications; answers given before stay readable. */
	archived: boolean;
	min: string;
	max: string;
	maxLength: string;
	maxBytes: string;
	minRows: string;
	maxRows: string;
	/** One option a line: `value | English | Español | Français`. */
	options: string;
	/** One column a line: `id | type | English | Español | Français`, a `*` after the id when required. */
	columns: string;
	/** Options of choice columns, one a line: `column | value | English | Español | Français`. */
	columnOptions: string;
};
export type DraftSection = { id: string; title: T3; fields: DraftField[] };
export type DraftCriterion = { id: string; label: T3; weight: string; maxPoints: string };
export type DraftStage = {
	id: string;
	name: T3;
	hasForm: boolean;
	form: { titleField: string; justificationField: string; amount: { field: string; column: string }; sections: DraftSection[] };
	rubric: { criteria: DraftCriterion[] };
	reviewers: { roles: string[]; count: string };
	advance: { minMeanPercent: string; minReviews: string };
};
export type DraftQuestion = { id: string; text: T3; help: T3; options: string; qualifying: string; failReason: T3 };
export type CallDraft = {
	programme: { slug: string; name: T3; description: T3; leadEmail: string };
	slug: string;
	title: T3;
	summary: T3;
	rolling: boolean;
	opensAt: string;
	closesAt: string;
	timeZone: string;
	scheduled: boolean;
	currency: string;
	budget: string;
	maxAward: string;
	languages: string[];
	whoMayApply: string[];
	decisionTargetDays: string;
	reportMonths: string;
	screener: { questions: DraftQuestion[] };
	stages: DraftStage[];
};

const t3 = (t?: Partial<Translated> | null): T3 => ({ en: t?.en ?? '', es: t?.es ?? '', fr: t?.fr ?? '' });
const numText = (n: number | null | undefined) => (n === undefined || n === null ? '' : String(n));
const optionLines = (options: ChoiceOption[] | undefined) =>
	(options ?? []).map((o) => [o.value, o.label.en, o.label.es ?? '', o.label.fr ?? ''].join(' | ')).join('\n');
const COLUMN_LIMITS = ['maxLength', 'min', 'max', 'maxBytes'] as const;
const columnLines = (columns: FieldDef[] | undefined) =>
	(columns ?? [])
		.map((c) => {
			const limits = COLUMN_LIMITS.filter((k) => c[k] !== undefined).map((k) => `${k}=${c[k]}`);
			if (c.notPast) limits.push('notPast');
			if (c.identifying) limits.push('identifying');
			const parts = [`${c.id}${c.required ? '*' : ''}`, c.type, c.label.en, c.label.es ?? '', c.label.fr ?? ''];
			return (limits.length ? [...parts, limits.join(' ')] : parts).join(' | ');
		})
		.join('\n');
const columnOptionLines = (columns: FieldDef[] | undefined) =>
	(columns ?? [])
		.flatMap((c) => (c.options ?? []).map((o) => [c.id, o.value, o.label.en, o.label.es ?? '', o.label.fr ?? ''].join(' | ')))
		.join('\n');

export const blankField = (id: string): DraftField => ({
	id,
	type: 'short_text',
	label: t3(),
	help: t3(),
	required: false,
	notPast: false,
	identifying: false,
	archived: false,
	min: '',
	max: '',
	maxLength: '',
	maxBytes: '',
	minRows: '',
	maxRows: '',
	options: '',
	columns: '',
	columnOptions: ''
});
const blankSection = (id: string): DraftSection => ({ id, title: t3(), fields: [blankField('field_1')] });
const blankCriterion = (id: string): DraftCriterion => ({ id, label: t3(), weight: '1', maxPoints: '5' });
const blankStage = (id: string): DraftStage => ({
	id,
	name: t3(),
	hasForm: true,
	form: { titleField: '', justificationField: '', amount: { field: '', column: '' }, sections: [blankSection('section_1')] },
	rubric: { criteria: [blankCriterion('criterion_1')] },
	reviewers: { roles: ['reviewer'], count: '2' },
	advance: { minMeanPercent: '', minReviews: '' }
});
const blankQuestion = (id: string): DraftQuestion => ({
	id,
	text: t3(),
	help: t3(),
	options: 'yes | Yes | Sí | Oui\nno | No | No | Non',
	qualifying: 'yes',
	failReason: t3()
});

export function blankDraft(): CallDraft {
	return {
		programme: { slug: '', name: t3(), description: t3(), leadEmail: '' },
		slug: '',
		title: t3(),
		summary: t3(),
		rolling: true,
		opensAt: '',
		closesAt: '',
		timeZone: 'UTC',
		scheduled: false,
		currency: 'USD',
		budget: '',
		maxAward: '',
		languages: ['en', 'es', 'fr'],
		whoMayApply: [],
		decisionTargetDays: '',
		reportMonths: '',
		screener: { questions: [blankQuestion('question_1')] },
		stages: [blankStage('stage_1')]
	};
}

/** The form of a stored call, as the builder shows it; dates read in the call's own time zone. */
export function draftFromDefinition(d: CallDefinition): CallDraft {
	const tz = d.timeZone;
	return {
		programme: { slug: d.programme.slug, name: t3(d.programme.name), description: t3(d.programme.description), leadEmail: d.programme.leadEmail ?? '' },
		slug: d.slug,
		title: t3(d.title),
		summary: t3(d.summary),
		rolling: d.rolling,
		opensAt: d.opensAt ? utcToLocalInput(new Date(d.opensAt), tz) : '',
		closesAt: d.closesAt ? utcToLocalInput(new Date(d.closesAt), tz) : '',
		timeZone: tz,
		scheduled: !!d.scheduled,
		currency: d.currency,
		budget: numText(d.budget),
		maxAward: numText(d.maxAward),
		languages: [...d.languages],
		whoMayApply: [...(d.whoMayApply ?? [])],
		decisionTargetDays: numText(d.decisionTargetDays),
		reportMonths: (d.reportMonths ?? []).join(', '),
		screener: {
			questions: d.screener.questions.map((q) => ({
				id: q.id,
				text: t3(q.text),
				help: t3(q.help),
				options: optionLines(q.options),
				qualifying: q.qualifying.join(', '),
				failReason: t3(q.failReason)
			}))
		},
		stages: d.stages.map((s) => ({
			id: s.id,
			name: t3(s.name),
			hasForm: !!s.form,
			form: {
				titleField: s.form?.titleField ?? '',
				justificationField: s.form?.justificationField ?? '',
				amount: { field: s.form?.amount?.field ?? '', column: s.form?.amount?.column ?? '' },
				sections: (s.form?.sections ?? []).map((sec) => ({
					id: sec.id,
					title: t3(sec.title),
					fields: sec.fields.map((f) => ({
						id: f.id,
						type: f.type,
						label: t3(f.label),
						help: t3(f.help),
						required: !!f.required,
						notPast: !!f.notPast,
						identifying: !!f.identifying,
						archived: !!f.archived,
						min: numText(f.min),
						max: numText(f.max),
						maxLength: numText(f.maxLength),
						maxBytes: numText(f.maxBytes),
						minRows: numText(f.minRows),
						maxRows: numText(f.maxRows),
						options: optionLines(f.options),
						columns: columnLines(f.columns as FieldDef[] | undefined),
						columnOptions: columnOptionLines(f.columns as FieldDef[] | undefined)
					}))
				}))
			},
			rubric: { criteria: (s.rubric?.criteria ?? []).map((k) => ({ id: k.id, label: t3(k.label), weight: numText(k.weight), maxPoints: numText(k.maxPoints) })) },
			reviewers: { roles: [...s.reviewers.roles], count: numText(s.reviewers.count) },
			advance: { minMeanPercent: numText(s.advance?.minMeanPercent), minReviews: numText(s.advance?.minReviews) }
		}))
	};
}

// ---- reading the posted form ----

const SAFE_SEGMENT = /^(?:[A-Za-z]+|\d{1,3})$/;
type Tree = { [k: string]: Tree | string | string[] };

/** Posted `d.<path>` inputs → a tree of strings; anything that is not a plain path is ignored. */
function treeFromForm(fd: FormData): Tree {
	const root: Tree = {};
	for (const key of new Set(fd.keys())) {
		if (!key.startsWith('d.')) continue;
		const path = key.slice(2).split('.');
		if (!path.every((p) => SAFE_SEGMENT.test(p)) || path.some((p) => p === 'constructor' || p === 'prototype')) continue;
		const values = fd.getAll(key).filter((v): v is string => typeof v === 'string');
		let node = root;
		for (const p of path.slice(0, -1)) {
			const next = Object.hasOwn(node, p) ? node[p] : undefined;
			if (typeof next === 'object' && !Array.isArray(next)) node = next;
			else node = node[p] = {};
		}
		node[path[path.length - 1]] = values.length > 1 ? values : (values[0] ?? '');
	}
	return root;
}

const sub = (t: Tree | undefined, k: string): Tree | undefined => {
	const v = t && Object.hasOwn(t, k) ? t[k] : undefined;
	return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
};
const text = (t: Tree | undefined, k: string): string => {
	const v = t && Object.hasOwn(t, k) ? t[k] : undefined;
	return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '';
};
const list = (t: Tree | undefined, k: string): string[] => {
	const v = t && Object.hasOwn(t, k) ? t[k] : undefined;
	return Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : [];
};
const flag = (t: Tree | undefined, k: string) => text(t, k) === 'on' || text(t, k) === 'true';
const tree3 = (t: Tree | undefined, k: string): T3 => {
	const x = sub(t, k);
	return { en: text(x, 'en'), es: text(x, 'es'), fr: text(x, 'fr') };
};
/** Numbered children (`0`, `1`, …) in order; the form numbers them itself, gaps are closed. */
const items = (t: Tree | undefined): Tree[] =>
	Object.keys(t ?? {})
		.filter((k) => /^\d+$/.test(k))
		.sort((a, b) => Number(a) - Number(b))
		.map((k) => sub(t, k) ?? {});

export function draftFromForm(fd: FormData): CallDraft {
	const t = treeFromForm(fd);
	const programme = sub(t, 'programme');
	return {
		programme: { slug: text(programme, 'slug'), name: tree3(programme, 'name'), description: tree3(programme, 'description'), leadEmail: text(programme, 'leadEmail') },
		slug: text(t, 'slug'),
		title: tree3(t, 'title'),
		summary: tree3(t, 'summary'),
		rolling: flag(t, 'rolling'),
		opensAt: text(t, 'opensAt'),
		closesAt: text(t, 'closesAt'),
		// The shared time-zone chooser posts plain `timeZone`, not a `d.` path.
		timeZone: text(t, 'timeZone') || String(fd.get('timeZone') ?? ''),
		scheduled: flag(t, 'scheduled'),
		currency: text(t, 'currency'),
		budget: text(t, 'budget'),
		maxAward: text(t, 'maxAward'),
		languages: list(t, 'languages'),
		whoMayApply: list(t, 'whoMayApply'),
		decisionTargetDays: text(t, 'decisionTargetDays'),
		reportMonths: text(t, 'reportMonths'),
		screener: {
			questions: items(sub(sub(t, 'screener'), 'questions')).map((q) => ({
				id: text(q, 'id'),
				text: tree3(q, 'text'),
				help: tree3(q, 'help'),
				options: text(q, 'options'),
				qualifying: text(q, 'qualifying'),
				failReason: tree3(q, 'failReason')
			}))
		},
		stages: items(sub(t, 'stages')).map((s) => {
			const form = sub(s, 'form');
			return {
				id: text(s, 'id'),
				name: tree3(s, 'name'),
				hasForm: flag(s, 'hasForm'),
				form: {
					titleField: text(form, 'titleField'),
					justificationField: text(form, 'justificationField'),
					amount: { field: text(sub(form, 'amount'), 'field'), column: text(sub(form, 'amount'), 'column') },
					sections: items(sub(form, 'sections')).map((sec) => ({
						id: text(sec, 'id'),
						title: tree3(sec, 'title'),
						fields: items(sub(sec, 'fields')).map((f) => ({
							id: text(f, 'id'),
							type: text(f, 'type'),
							label: tree3(f, 'label'),
							help: tree3(f, 'help'),
							required: flag(f, 'required'),
							notPast: flag(f, 'notPast'),
							identifying: flag(f, 'identifying'),
							archived: flag(f, 'archived'),
							min: text(f, 'min'),
							max: text(f, 'max'),
							maxLength: text(f, 'maxLength'),
							maxBytes: text(f, 'maxBytes'),
							minRows: text(f, 'minRows'),
							maxRows: text(f, 'maxRows'),
							options: text(f, 'options'),
							columns: text(f, 'columns'),
							columnOptions: text(f, 'columnOptions')
						}))
					}))
				},
				rubric: {
					criteria: items(sub(sub(s, 'rubric'), 'criteria')).map((k) => ({ id: text(k, 'id'), label: tree3(k, 'label'), weight: text(k, 'weight'), maxPoints: text(k, 'maxPoints') }))
				},
				reviewers: { roles: list(sub(s, 'reviewers'), 'roles'), count: text(sub(s, 'reviewers'), 'count') },
				advance: { minMeanPercent: text(sub(s, 'advance'), 'minMeanPercent'), minReviews: text(sub(s, 'advance'), 'minReviews') }
			};
		})
	};
}

// ---- draft → definition (for the schema to judge) ----

const trimmed = (t: T3): Translated => {
	const out: Translated = { en: t.en.trim() };
	if (t.es.trim()) out.es = t.es.trim();
	if (t.fr.trim()) out.fr = t.fr.trim();
	return out;
};
const optionalText = (t: T3) => (t.en.trim() || t.es.trim() || t.fr.trim() ? trimmed(t) : undefined);
/** A number as typed; what is not a number is passed on as text so the schema calls it invalid. */
const num = (s: string): number | string | undefined => {
	const v = s.trim();
	if (!v) return undefined;
	const n = Number(v);
	return Number.isFinite(n) ? n : v;
};
const lines = (s: string) =>
	s
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean)
		.map((l) => l.split('|').map((p) => p.trim()));
const optionsFrom = (s: string) => lines(s).map(([value = '', en = '', es = '', fr = '']) => ({ value, label: trimmed({ en, es, fr }) }));
const columnsFrom = (s: string, optionLines: string) =>
	lines(s).map(([id = '', type = '', en = '', es = '', fr = '', limits = '']) => {
		const column: Record<string, unknown> = { id: id.replace(/\*$/, '').trim(), type, required: id.endsWith('*') || undefined, label: trimmed({ en, es, fr }) };
		if (type === 'single_choice' || type === 'multiple_choice')
			column.options = lines(optionLines)
				.filter(([c]) => c === column.id)
				.map(([, value = '', oen = '', oes = '', ofr = '']) => ({ value, label: trimmed({ en: oen, es: oes, fr: ofr }) }));
		for (const token of limits.split(/\s+/).filter(Boolean)) {
			const [k, v = ''] = token.split('=');
			if (k === 'notPast') column.notPast = true;
			else if (k === 'identifying') column.identifying = true;
			// Unknown settings are passed on for the schema to refuse rather than dropped silently.
			else column[(COLUMN_LIMITS as readonly string[]).includes(k) ? k : 'unknown'] = num(v) ?? v;
		}
		return column;
	});
const csv = (s: string) =>
	s
		.split(/[,\s]+/)
		.map((x) => x.trim())
		.filter(Boolean);
const localInstant = (local: string, zone: string) => {
	if (!local.trim()) return undefined;
	const r = localToUtc(local.trim(), zone || 'UTC');
	// A time that does not exist in the zone is passed on as typed, for the schema to refuse.
	return r.ok ? r.utc.toISOString() : local;
};

function fieldFrom(f: DraftField): Record<string, unknown> {
	const type = f.type;
	const isText = type === 'short_text' || type === 'long_text';
	const isNumber = type === 'number' || type === 'money';
	return {
		id: f.id.trim(),
		type,
		label: trimmed(f.label),
		help: optionalText(f.help),
		required: f.required || undefined,
		notPast: type === 'date' && f.notPast ? true : undefined,
		identifying: f.identifying || undefined,
		archived: f.archived || undefined,
		min: isNumber ? num(f.min) : undefined,
		max: isNumber ? num(f.max) : undefined,
		maxLength: isText ? num(f.maxLength) : undefined,
		maxBytes: type === 'file' ? num(f.maxBytes) : undefined,
		minRows: type === 'rows' ? num(f.minRows) : undefined,
		maxRows: type === 'rows' ? num(f.maxRows) : undefined,
		options: type === 'single_choice' || type === 'multiple_choice' ? optionsFrom(f.options) : undefined,
		columns: type === 'rows' ? columnsFrom(f.columns, f.columnOptions) : undefined
	};
}

/** Drops keys whose value is undefined, so stored JSON holds only what was set. */
function clean(v: unknown): unknown {
	if (Array.isArray(v)) return v.map(clean);
	if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, clean(x)]));
	return v;
}

/** The definition a draft describes, not yet checked: the schema judges it whole. */
export function definitionFromDraft(d: CallDraft): unknown {
	return clean({
		programme: {
			slug: d.programme.slug.trim(),
			name: trimmed(d.programme.name),
			description: trimmed(d.programme.description),
			leadEmail: d.programme.leadEmail.trim() || undefined
		},
		slug: d.slug.trim(),
		title: trimmed(d.title),
		summary: trimmed(d.summary),
		rolling: d.rolling,
		opensAt: d.rolling ? undefined : localInstant(d.opensAt, d.timeZone),
		closesAt: d.rolling ? undefined : localInstant(d.closesAt, d.timeZone),
		timeZone: d.timeZone,
		scheduled: d.scheduled,
		currency: d.currency.trim().toUpperCase(),
		budget: num(d.budget),
		maxAward: num(d.maxAward),
		languages: d.languages,
		whoMayApply: d.whoMayApply,
		decisionTargetDays: num(d.decisionTargetDays) ?? null,
		reportMonths: csv(d.reportMonths).map((x) => num(x)),
		screener: {
			questions: d.screener.questions.map((q) => ({
				id: q.id.trim(),
				text: trimmed(q.text),
				help: optionalText(q.help),
				options: optionsFrom(q.options),
				qualifying: csv(q.qualifying),
				failReason: trimmed(q.failReason)
			}))
		},
		stages: d.stages.map((s) => {
			const minMean = num(s.advance.minMeanPercent);
			return {
				id: s.id.trim(),
				name: trimmed(s.name),
				form: s.hasForm
					? {
							titleField: s.form.titleField.trim() || undefined,
							justificationField: s.form.justificationField.trim() || undefined,
							amount: s.form.amount.field.trim() ? { field: s.form.amount.field.trim(), column: s.form.amount.column.trim() || undefined } : undefined,
							sections: s.form.sections.map((sec) => ({ id: sec.id.trim(), title: trimmed(sec.title), fields: sec.fields.map(fieldFrom) }))
						}
					: undefined,
				rubric: s.rubric.criteria.length
					? { criteria: s.rubric.criteria.map((k) => ({ id: k.id.trim(), label: trimmed(k.label), weight: num(k.weight), maxPoints: num(k.maxPoints) })) }
					: undefined,
				reviewers: { roles: s.reviewers.roles, count: num(s.reviewers.count) ?? 0 },
				advance: minMean !== undefined ? { minMeanPercent: minMean, minReviews: num(s.advance.minReviews) ?? 0 } : undefined
			};
		})
	});
}

// ---- add, move and remove ----

export const LIST_KINDS = ['questions', 'stages', 'sections', 'fields', 'criteria'] as const;
export type ListOp = { op: 'add' | 'up' | 'down' | 'remove'; path: (string | number)[] };

/** `add:stages.0.form.sections` or `up:screener.questions.2` from a button; anything else is null. */
export function parseListOp(raw: unknown): ListOp | null {
	if (typeof raw !== 'string') return null;
	const m = raw.match(/^(add|up|down|remove):([A-Za-z0-9.]{1,120})$/);
	if (!m) return null;
	const path = m[2].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
	return { op: m[1] as ListOp['op'], path };
}

const blankFor: Record<(typeof LIST_KINDS)[number], (id: string) => unknown> = {
	questions: blankQuestion,
	stages: blankStage,
	sections: blankSection,
	fields: blankField,
	criteria: blankCriterion
};
const singular: Record<(typeof LIST_KINDS)[number], string> = { questions: 'question', stages: 'stage', sections: 'section', fields: 'field', criteria: 'criterion' };

/** A fresh id for a new item: the first `<kind>_<n>` the list does not use. */
function freshId(kind: (typeof LIST_KINDS)[number], taken: { id?: string }[]) {
	const ids = new Set(taken.map((x) => x.id));
	let n = taken.length + 1;
	while (ids.has(`${singular[kind]}_${n}`)) n++;
	return `${singular[kind]}_${n}`;
}

/**
 * Applies one add / move up / move down / remove to a copy of the draft. A path that does not
 * name one of the builder's lists (or an item of one) leaves the draft as it was.
 */
export function applyListOp(draft: CallDraft, op: ListOp): CallDraft {
	const copy = structuredClone(draft);
	const listPath = op.op === 'add' ? op.path : op.path.slice(0, -1);
	const kind = listPath[listPath.length - 1];
	if (typeof kind !== 'string' || !(LIST_KINDS as readonly string[]).includes(kind)) return draft;
	let node: unknown = copy;
	for (const p of listPath) {
		if (node === null || typeof node !== 'object' || !Object.hasOwn(node, p)) return draft;
		node = (node as Record<string | number, unknown>)[p];
	}
	if (!Array.isArray(node)) return draft;
	const arr = node as { id?: string }[];
	if (op.op === 'add') {
		if (arr.length >= 100) return draft;
		arr.push(blankFor[kind as (typeof LIST_KINDS)[number]](freshId(kind as (typeof LIST_KINDS)[number], arr)) as { id?: string });
		return copy;
	}
	const i = op.path[op.path.length - 1];
	if (typeof i !== 'number' || i < 0 || i >= arr.length) return draft;
	if (op.op === 'remove') arr.splice(i, 1);
	else {
		const j = op.op === 'up' ? i - 1 : i + 1;
		if (j < 0 || j >= arr.length) return draft;
		[arr[i], arr[j]] = [arr[j], arr[i]];
	}
	return copy;
}

export const FIELD_TYPE_CHOICES = FIELD_TYPES;
