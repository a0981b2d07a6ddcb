import { describe, expect, it } from 'vitest';
import type { FormDef } from './definition.ts';
import { answersFromForm, checkAnswers, diffAnswers, requestedAmount } from './answers.ts';
import { MINI_GRANT_CALL } from './programmes.ts';

const form = MINI_GRANT_CALL.stages[0].form as FormDef;
const today = '2026-11-22';
const complete = {
	goal: 'The city council adopts an open contracting policy',
	deadline: '2027-03-01',
	mandate: 'A council resolution with a budget line and two staff',
	milestones: [{ title: 'Policy drafted', due: '2027-01-15', deliverable: 'Draft' }],
	manager_name: 'Ana',
	manager_role: 'Campaign manager',
	budget: [
		{ item: 'Staff time', amount: 3000 },
		{ item: 'Materials', amount: 1500 }
	]
};
const check = (answers: Record<string, unknown>, isComplete = true) =>
	checkAnswers(form, answers as never, { today, complete: isComplete, maxAward: 5000 });

describe('answers against a form definition', () => {
	it('a complete mini-grant application passes, and its amount is the sum of the budget lines', () => {
		expect(check(complete)).toEqual({ errors: {}, amount: 4500, title: complete.goal });
	});
	it('a draft may leave required fields empty; a submission may not', () => {
		expect(check({ goal: 'x' }, false).errors).toEqual({});
		expect(Object.keys(check({ goal: 'x' }).errors).sort()).toEqual(['budget', 'deadline', 'manager_name', 'manager_role', 'mandate', 'milestones']);
	});
	it('budget over the cap needs a justification', () => {
		const over = { ...complete, budget: [{ item: 'Staff', amount: 6000 }] };
		expect(check(over).errors).toEqual({ justification: [expect.stringContaining('5000')] });
		expect(check({ ...over, justification: 'Two cities at once' }).errors).toEqual({});
	});
	it('a deadline in the past is refused, even in a draft', () => {
		expect(check({ deadline: '2026-11-21' }, false).errors.deadline).toHaveLength(1);
		expect(check({ deadline: '2026-02-30' }, false).errors.deadline).toHaveLength(1);
	});
	it('row cells are checked with their path; text over its limit is refused', () => {
		const r = check({ ...complete, budget: [{ item: '', amount: 10.5 }], goal: 'x'.repeat(301) });
		expect(Object.keys(r.errors).sort()).toEqual(['budget.0.amount', 'budget.0.item', 'goal']);
	});
	it('unknown fields are refused', () => {
		expect(check({ ...complete, hacked: 'y' }).errors.hacked).toHaveLength(1);
	});
	it('choices must be among the options, files within their size', () => {
		const f: FormDef = {
			sections: [
				{
					id: 's',
					title: { en: 'S' },
					fields: [
						{ id: 'one', type: 'single_choice', label: { en: 'One' }, options: [{ value: 'a', label: { en: 'A' } }] },
						{ id: 'many', type: 'multiple_choice', label: { en: 'Many' }, max: 1, options: [{ value: 'a', label: { en: 'A' } }, { value: 'b', label: { en: 'B' } }] },
						{ id: 'doc', type: 'file', label: { en: 'Doc' }, maxBytes: 1000 },
						{ id: 'n', type: 'number', label: { en: 'N' }, min: 2, max: 5 }
					]
				}
			]
		};
		const r = checkAnswers(f, { one: 'z', many: ['a', 'b'], doc: { key: 'k', name: 'a.pdf', size: 2000, type: 'application/pdf' }, n: 9 }, { today, complete: true });
		expect(Object.keys(r.errors).sort()).toEqual(['doc', 'many', 'n', 'one']);
		expect(requestedAmount(f, {})).toBe(0);
	});
	it('reads a plain HTML form, dropping blank rows and typing numbers', () => {
		const fd = new FormData();
		fd.set('a.goal', '  Policy adopted ');
		fd.set('a.budget.0.item', 'Staff');
		fd.set('a.budget.0.amount', '2,500');
		fd.set('a.budget.1.item', '');
		fd.set('a.budget.1.amount', '');
		fd.set('a.milestones.0.title', '');
		expect(answersFromForm(form, fd)).toEqual({ goal: 'Policy adopted', budget: [{ item: 'Staff', amount: 2500 }] });
	});
	it('names the fields that changed between revisions', () => {
		expect(diffAnswers(form, complete as never, { ...complete, mandate: 'A law' } as never)).toEqual([{ field: 'mandate', from: complete.mandate, to: 'A law' }]);
	});
});
