import { describe, expect, it } from 'vitest';
import { callDefinition, type CallDefinition } from '../../validation/grants.ts';
import { applyListOp, blankDraft, definitionFromDraft, draftFromDefinition, draftFromForm, parseListOp, type CallDraft } from './call-draft.ts';
import { incompatibleChanges } from './call-compatibility.ts';
import { missingTranslations } from './missing-translations.ts';
import { ACCELERATOR_CALL, MINI_GRANT_CALL } from './programmes.ts';

/** The form a browser would post for a draft: every leaf under `d.<path>`. */
function formOf(draft: CallDraft): FormData {
	const fd = new FormData();
	const walk = (v: unknown, path: string) => {
		if (typeof v === 'boolean') {
			if (v) fd.append(`d.${path}`, 'on');
		} else if (typeof v === 'string') fd.append(`d.${path}`, v);
		else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) for (const x of v) fd.append(`d.${path}`, x);
		else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`));
		else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
	};
	walk(draft, '');
	return fd;
}

const errorsOf = (raw: unknown) => {
	const r = callDefinition.safeParse(raw);
	return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};
const mini = (): CallDefinition => structuredClone(MINI_GRANT_CALL);

describe('the builder draft', () => {
	it('turns both programmes into a form and back into the same definition', () => {
		for (const def of [MINI_GRANT_CALL, ACCELERATOR_CALL]) {
			const draft = draftFromDefinition(def);
			expect(draftFromForm(formOf(draft))).toEqual(draft);
			const back = callDefinition.parse(definitionFromDraft(draft));
			const original = callDefinition.parse(def);
			expect(back.stages).toEqual(original.stages);
			expect(back.screener).toEqual(original.screener);
			// The form works to the minute, as a datetime-local input does.
			const minute = (iso?: string) => Math.floor(Date.parse(iso ?? '') / 60_000);
			expect(minute(back.closesAt)).toBe(minute(original.closesAt));
			expect({ ...back, opensAt: 0, closesAt: 0 }).toEqual({ ...original, opensAt: 0, closesAt: 0 });
		}
	});

	it('reads dates in the call’s time zone', () => {
		const draft = { ...blankDraft(), rolling: false, timeZone: 'America/New_York', opensAt: '2027-01-10T09:00', closesAt: '2027-02-10T17:00' };
		const d = definitionFromDraft(draft) as { opensAt: string; closesAt: string };
		expect(d.opensAt).toBe('2027-01-10T14:00:00.000Z');
		expect(d.closesAt).toBe('2027-02-10T22:00:00.000Z');
	});

	it('adds, moves and removes items of any list, and ignores paths that are not lists', () => {
		const draft = draftFromDefinition(MINI_GRANT_CALL);
		const fields = 'stages.0.form.sections.0.fields';
		const added = applyListOp(draft, parseListOp(`add:${fields}`)!);
		expect(added.stages[0].form.sections[0].fields.map((f) => f.id)).toEqual(['goal', 'deadline', 'mandate', 'milestones', 'deliverables', 'field_6']);
		const up = applyListOp(added, parseListOp(`up:${fields}.1`)!);
		expect(up.stages[0].form.sections[0].fields.slice(0, 2).map((f) => f.id)).toEqual(['deadline', 'goal']);
		const down = applyListOp(up, parseListOp(`down:${fields}.5`)!);
		expect(down).toBe(up);
		const removed = applyListOp(up, parseListOp(`remove:${fields}.0`)!);
		expect(removed.stages[0].form.sections[0].fields[0].id).toBe('goal');
		expect(applyListOp(draft, parseListOp('add:stages')!).stages.map((s) => s.id)).toEqual(['review', 'stage_2']);
		expect(applyListOp(draft, parseListOp('add:screener.questions')!).screener.questions).toHaveLength(5);
		expect(applyListOp(draft, parseListOp('add:stages.0.rubric.criteria')!).stages[0].rubric.criteria).toHaveLength(4);
		expect(applyListOp(draft, parseListOp('add:title')!)).toBe(draft);
		expect(applyListOp(draft, parseListOp('remove:stages.9')!)).toBe(draft);
		expect(parseListOp('add:__proto__')).toBeNull();
		expect(applyListOp(draft, parseListOp('add:constructor')!)).toBe(draft);
		expect(parseListOp('drop:stages')).toBeNull();
		// The original is never changed.
		expect(draft.stages[0].form.sections[0].fields).toHaveLength(5);
	});

	it('ignores posted names that are not plain paths', () => {
		const fd = new FormData();
		fd.append('d.__proto__.polluted', 'yes');
		fd.append('d.constructor.prototype.x', 'yes');
		fd.append('d.title.en', 'Hello');
		const draft = draftFromForm(fd);
		expect(draft.title.en).toBe('Hello');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('definition rules', () => {
	it('accepts the two programmes', () => {
		expect(errorsOf(MINI_GRANT_CALL)).toEqual({});
		expect(errorsOf(ACCELERATOR_CALL)).toEqual({});
	});

	it('puts each problem beside its input', () => {
		const d = mini();
		const form = d.stages[0].form!;
		d.stages[0].rubric!.criteria[0].weight = 0;
		form.sections[1].fields.push({ id: 'amount_min', type: 'money', label: { en: 'x' }, min: 10, max: 5 });
		form.sections[1].fields.push({ id: 'pick', type: 'single_choice', label: { en: 'x' }, options: [] });
		form.sections[1].fields.push({ id: 'goal', type: 'short_text', label: { en: 'again' } });
		d.stages.push({ id: 'interview', name: { en: 'Interview' }, reviewers: { roles: ['reviewer'], count: 2 } });
		d.rolling = false;
		d.opensAt = '2027-03-01T00:00:00Z';
		d.closesAt = '2027-02-01T00:00:00Z';
		d.title.es = 'x'.repeat(2001);
		d.screener.questions[0].qualifying = ['maybe'];
		const e = errorsOf(d);
		expect(Object.keys(e).sort()).toEqual(
			[
				'closesAt',
				'screener.questions.0.qualifying',
				'stages.0.form.sections.1.fields.3.max',
				'stages.0.form.sections.1.fields.4.options',
				'stages.0.form.sections.1.fields.5.id',
				'stages.0.rubric.criteria.0.weight',
				'stages.1.hasForm',
				'title.es'
			].sort()
		);
		// Each says what to do about it: a weight must be above zero, not "zero or more".
		expect(e['stages.0.rubric.criteria.0.weight']).toBe('Enter a number greater than 0.');
		expect(e['stages.0.form.sections.1.fields.3.max']).toBe('The maximum is below the minimum.');
		expect(e['title.es']).toBe('Use at most 2000 characters.');
	});

	it('refuses a form without sections, a section without fields and a call without stages, each where it is missing', () => {
		const d = mini();
		d.stages[0].form!.sections[1].fields = [];
		expect(errorsOf(d)).toEqual({ 'stages.0.form.sections.1.fields': 'A section needs at least one field.' });
		d.stages[0].form!.sections = [];
		expect(errorsOf(d)['stages.0.form.sections']).toBe('A form needs at least one section.');
		expect(errorsOf({ ...mini(), stages: [] })).toEqual({ stages: 'A call needs at least one stage.' });
		// Malformed parts are refused as such, never crash the rules that look inside them.
		for (const stages of [[{ id: 'x' }], [{ ...mini().stages[0], form: { sections: [{ id: 's', title: { en: 'S' } }] } }], 'none'])
			expect(Object.keys(errorsOf({ ...mini(), stages })).length).toBeGreaterThan(0);
		expect(Object.keys(errorsOf({ ...mini(), screener: { questions: [{ id: 'q' }] } })).length).toBeGreaterThan(0);
	});

	it('refuses a choice column of repeatable rows without options, beside that column', () => {
		const d = mini();
		const budget = d.stages[0].form!.sections[2].fields.find((f) => f.id === 'budget')!;
		budget.columns!.push({ id: 'kind', type: 'single_choice', label: { en: 'Kind' } });
		expect(Object.keys(errorsOf(d))).toEqual(['stages.0.form.sections.2.fields.0.columns.2.options']);
	});

	it('reads the options of choice columns from their own lines, and writes them back', () => {
		const draft = draftFromDefinition(MINI_GRANT_CALL);
		const rows = draft.stages[0].form.sections[2].fields[0];
		rows.columns += '\nkind* | single_choice | Kind | Tipo | Type';
		rows.columnOptions = 'kind | staff | Staff | Personal | Personnel\nkind | goods | Goods | Bienes | Biens\nother | x | X | X | X';
		const def = callDefinition.parse(definitionFromDraft(draft));
		const kind = def.stages[0].form!.sections[2].fields[0].columns!.find((c) => c.id === 'kind')!;
		expect(kind).toMatchObject({ required: true, options: [{ value: 'staff', label: { en: 'Staff', es: 'Personal', fr: 'Personnel' } }, { value: 'goods', label: { en: 'Goods', es: 'Bienes', fr: 'Biens' } }] });
		expect(draftFromDefinition(def).stages[0].form.sections[2].fields[0].columnOptions).toBe('kind | staff | Staff | Personal | Personnel\nkind | goods | Goods | Bienes | Biens');
	});

	it('refuses a schedule without dates, and an archived field as the title or amount', () => {
		const d = mini();
		d.scheduled = true;
		d.rolling = true;
		const goal = d.stages[0].form!.sections[0].fields[0];
		goal.archived = true;
		d.stages[0].form!.titleField = 'goal';
		expect(Object.keys(errorsOf(d)).sort()).toEqual(['scheduled', 'stages.0.form.titleField']);
	});

	it('refuses a title or amount field that is not in the form, or of the wrong type', () => {
		const d = mini();
		d.stages[0].form!.titleField = 'deadline';
		d.stages[0].form!.amount = { field: 'budget', column: 'item' };
		expect(Object.keys(errorsOf(d)).sort()).toEqual(['stages.0.form.amount.field', 'stages.0.form.titleField']);
	});
});

describe('version compatibility', () => {
	const stages = MINI_GRANT_CALL.stages as CallDefinition['stages'];
	const answered = new Set(['goal', 'deadline', 'budget']);
	it('lets fields without answers change freely and rewording always', () => {
		const after = structuredClone(stages);
		after[0].form!.sections[0].fields = after[0].form!.sections[0].fields.filter((f) => f.id !== 'deliverables');
		after[0].form!.sections[0].fields[0].label = { en: 'The goal, reworded' };
		expect(incompatibleChanges(stages as never, after as never, answered)).toEqual([]);
	});
	it('refuses removing or retyping a field that has answers', () => {
		const after = structuredClone(stages);
		after[0].form!.sections[0].fields = after[0].form!.sections[0].fields.filter((f) => f.id !== 'goal');
		after[0].form!.sections[0].fields[0].type = 'short_text';
		expect(incompatibleChanges(stages as never, after as never, answered)).toEqual([
			{ field: 'goal', change: 'removed' },
			{ field: 'deadline', change: 'retyped' }
		]);
	});
});

describe('missing translations', () => {
	it('lists every empty text in an offered language, and nothing for a language not offered', () => {
		const d = mini();
		expect(missingTranslations(d)).toEqual([]);
		delete d.title.es;
		d.stages[0].form!.sections[0].fields[0].label.fr = ' ';
		expect(missingTranslations(d).map((x) => `${x.path}:${x.language}`)).toEqual(['title:es', 'stages.0.form.sections.0.fields.0.label:fr']);
		d.languages = ['en', 'fr'];
		expect(missingTranslations(d).map((x) => `${x.path}:${x.language}`)).toEqual(['stages.0.form.sections.0.fields.0.label:fr']);
	});
});
