import type { CallSnapshot } from './schema.ts';
import type { ChoiceOption, FieldDef, FormDef, StageDef, Translated } from './definition.ts';

// What changed between two published versions of a call, as a list an officer can read: each
// entry names where (the call, its screener, a stage, its form or rubric), what (a field, column,
// section, question, criterion or stage, by its label), and how (added, removed, archived, asked
// again, retyped, or one setting or text changed, texts per language). Free of zod and of the
// database, so it is tested as a rule and the page renders it in the reader's language.

export type Language = 'en' | 'es' | 'fr';
export type DiffValue = string | number | boolean | null | string[];
export type VersionChange = {
	area: 'call' | 'screener' | 'stage' | 'form' | 'rubric';
	stage?: Translated;
	item?: { kind: 'field' | 'column' | 'section' | 'question' | 'criterion' | 'stage'; id: string; label: Translated };
	change: 'added' | 'removed' | 'archived' | 'restored' | 'retyped' | 'changed';
	/** The setting or text that changed (a field's `label`, a criterion's `weight`, the call's `title` …). */
	part?: string;
	/** For a text: the language it changed in. */
	language?: Language;
	from?: DiffValue;
	to?: DiffValue;
};

const LANGUAGES: Language[] = ['en', 'es', 'fr'];
const canonical = (v: unknown): string =>
	Array.isArray(v)
		? `[${v.map(canonical).join(',')}]`
		: v && typeof v === 'object'
			? `{${Object.keys(v)
					.filter((k) => (v as Record<string, unknown>)[k] !== undefined)
					.sort()
					.map((k) => `${k}:${canonical((v as Record<string, unknown>)[k])}`)
					.join(',')}}`
			: JSON.stringify(v ?? null);
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const value = (v: unknown): DiffValue => (v === undefined ? null : Array.isArray(v) ? v.map(String) : typeof v === 'object' && v !== null ? canonical(v) : (v as DiffValue));

type Where = Pick<VersionChange, 'area' | 'stage' | 'item'>;

/** A translated text, language by language: only the languages whose words changed. */
function texts(out: VersionChange[], where: Where, part: string, a: Translated | undefined, b: Translated | undefined) {
	for (const language of LANGUAGES) {
		const from = a?.[language] ?? '';
		const to = b?.[language] ?? '';
		if (from !== to) out.push({ ...where, change: 'changed', part, language, from, to });
	}
}

function setting(out: VersionChange[], where: Where, part: string, a: unknown, b: unknown) {
	if (!same(a ?? null, b ?? null)) out.push({ ...where, change: 'changed', part, from: value(a), to: value(b) });
}

function options(out: VersionChange[], where: Where, a: ChoiceOption[] | undefined, b: ChoiceOption[] | undefined) {
	const values = (o: ChoiceOption[] | undefined) => (o ?? []).map((x) => x.value);
	if (!same(values(a), values(b))) return setting(out, where, 'options', values(a), values(b));
	for (const language of LANGUAGES) {
		const words = (o: ChoiceOption[] | undefined) => (o ?? []).map((x) => x.label[language] ?? '').join('; ');
		if (words(a) !== words(b)) out.push({ ...where, change: 'changed', part: 'options', language, from: words(a), to: words(b) });
	}
}

/** Items matched by id: those added, those removed, and a comparison of each kept one. */
function byId<T extends { id: string }>(a: T[], b: T[], added: (x: T) => void, removed: (x: T) => void, kept: (x: T, y: T) => void) {
	const before = new Map(a.map((x) => [x.id, x]));
	const after = new Map(b.map((x) => [x.id, x]));
	for (const x of b) {
		const old = before.get(x.id);
		if (old) kept(old, x);
		else added(x);
	}
	for (const x of a) if (!after.has(x.id)) removed(x);
}

const FIELD_SETTINGS = ['required', 'min', 'max', 'maxLength', 'notPast', 'minRows', 'maxRows', 'maxBytes', 'identifying'] as const;

function fields(out: VersionChange[], where: Omit<Where, 'item'>, a: FieldDef[], b: FieldDef[], kind: 'field' | 'column' = 'field', prefix = '') {
	const at = (f: FieldDef): Where => ({ ...where, item: { kind, id: prefix + f.id, label: f.label } });
	byId(
		a,
		b,
		(f) => out.push({ ...at(f), change: 'added', to: f.type }),
		(f) => out.push({ ...at(f), change: 'removed', from: f.type }),
		(x, y) => {
			if (!!x.archived !== !!y.archived) out.push({ ...at(y), change: y.archived ? 'archived' : 'restored' });
			if (x.type !== y.type) out.push({ ...at(y), change: 'retyped', part: 'type', from: x.type, to: y.type });
			texts(out, at(y), 'label', x.label, y.label);
			texts(out, at(y), 'help', x.help, y.help);
			for (const s of FIELD_SETTINGS) setting(out, at(y), s, x[s], y[s]);
			options(out, at(y), x.options, y.options);
			fields(out, where, x.columns ?? [], y.columns ?? [], 'column', `${y.id}.`);
		}
	);
}

function form(out: VersionChange[], stage: Translated, a: FormDef | undefined, b: FormDef | undefined) {
	const where = { area: 'form' as const, stage };
	const sections = (f: FormDef | undefined) => f?.sections ?? [];
	byId(
		sections(a),
		sections(b),
		(s) => out.push({ ...where, item: { kind: 'section', id: s.id, label: s.title }, change: 'added' }),
		(s) => out.push({ ...where, item: { kind: 'section', id: s.id, label: s.title }, change: 'removed' }),
		(x, y) => texts(out, { ...where, item: { kind: 'section', id: y.id, label: y.title } }, 'title', x.title, y.title)
	);
	// Fields are compared across the whole form: one moved to another section is the same question.
	fields(
		out,
		where,
		sections(a).flatMap((s) => s.fields),
		sections(b).flatMap((s) => s.fields)
	);
	setting(out, where, 'titleField', a?.titleField, b?.titleField);
	setting(out, where, 'amount', a?.amount ? [a.amount.field, a.amount.column ?? ''].filter(Boolean).join('.') : null, b?.amount ? [b.amount.field, b.amount.column ?? ''].filter(Boolean).join('.') : null);
	setting(out, where, 'justificationField', a?.justificationField, b?.justificationField);
}

function stage(out: VersionChange[], a: StageDef, b: StageDef) {
	const where: Where = { area: 'stage', stage: b.name, item: { kind: 'stage', id: b.id, label: b.name } };
	texts(out, where, 'name', a.name, b.name);
	setting(out, where, 'reviewers', a.reviewers.roles, b.reviewers.roles);
	setting(out, where, 'reviewCount', a.reviewers.count, b.reviewers.count);
	setting(out, where, 'advance', a.advance ? `${a.advance.minMeanPercent}% · ${a.advance.minReviews}` : null, b.advance ? `${b.advance.minMeanPercent}% · ${b.advance.minReviews}` : null);
	if (!!a.form !== !!b.form) out.push({ area: 'form', stage: b.name, change: b.form ? 'added' : 'removed' });
	form(out, b.name, a.form, b.form);
	const rubric = { area: 'rubric' as const, stage: b.name };
	byId(
		a.rubric?.criteria ?? [],
		b.rubric?.criteria ?? [],
		(c) => out.push({ ...rubric, item: { kind: 'criterion', id: c.id, label: c.label }, change: 'added' }),
		(c) => out.push({ ...rubric, item: { kind: 'criterion', id: c.id, label: c.label }, change: 'removed' }),
		(x, y) => {
			const at = { ...rubric, item: { kind: 'criterion' as const, id: y.id, label: y.label } };
			texts(out, at, 'label', x.label, y.label);
			texts(out, at, 'help', x.help, y.help);
			setting(out, at, 'weight', x.weight, y.weight);
			setting(out, at, 'maxPoints', x.maxPoints, y.maxPoints);
		}
	);
}

const CALL_SETTINGS = ['rolling', 'opensAt', 'closesAt', 'timeZone', 'currency', 'budget', 'maxAward', 'languages', 'whoMayApply', 'reportMonths'] as const;

/** Every change from version `a` to version `b`, in the order the call reads: call, screener, stages. */
export function diffCallVersions(a: CallSnapshot, b: CallSnapshot): VersionChange[] {
	const out: VersionChange[] = [];
	const call = { area: 'call' as const };
	texts(out, call, 'title', a.title, b.title);
	texts(out, call, 'summary', a.summary, b.summary);
	for (const s of CALL_SETTINGS) setting(out, call, s, a[s], b[s]);
	byId(
		a.screener.questions,
		b.screener.questions,
		(q) => out.push({ area: 'screener', item: { kind: 'question', id: q.id, label: q.text }, change: 'added' }),
		(q) => out.push({ area: 'screener', item: { kind: 'question', id: q.id, label: q.text }, change: 'removed' }),
		(x, y) => {
			const at: Where = { area: 'screener', item: { kind: 'question', id: y.id, label: y.text } };
			texts(out, at, 'text', x.text, y.text);
			texts(out, at, 'help', x.help, y.help);
			texts(out, at, 'failReason', x.failReason, y.failReason);
			options(out, at, x.options, y.options);
			setting(out, at, 'qualifying', x.qualifying, y.qualifying);
		}
	);
	byId(
		a.stages,
		b.stages,
		(s) => out.push({ area: 'stage', stage: s.name, item: { kind: 'stage', id: s.id, label: s.name }, change: 'added' }),
		(s) => out.push({ area: 'stage', stage: s.name, item: { kind: 'stage', id: s.id, label: s.name }, change: 'removed' }),
		(x, y) => stage(out, x, y)
	);
	return out;
}
