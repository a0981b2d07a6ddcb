import { describe, expect, it } from 'vitest';
import { decideSave, mergeSave, sameValue } from './decide-save.ts';

const saved = { version: 4, content: { goal: 'Publish every contract', plan: 'Meet the council', budget: 3000, tags: ['health'] } };

describe('a draft several people edit: one save wins, the other is told', () => {
	it('a save on top of the version it started from is written, naming the fields it changes', () => {
		expect(decideSave(saved, 4, { goal: 'Publish every contract by June', plan: 'Meet the council', budget: 3000, tags: ['health'] })).toEqual({ kind: 'write', fields: ['goal'] });
	});

	it('a save on top of an older version is a conflict naming each field where the texts differ', () => {
		expect(decideSave(saved, 3, { goal: 'Publish every contract by June', plan: 'Meet the mayor', budget: 3000, tags: ['health'] })).toEqual({ kind: 'conflict', fields: ['goal', 'plan'] });
	});

	it('saving what is already saved is never a conflict, even from an older version', () => {
		expect(decideSave(saved, 1, { goal: 'Publish every contract', plan: 'Meet the council', budget: 3000, tags: ['health'] })).toEqual({ kind: 'unchanged' });
	});

	it('a field left out of the save counts as emptied, when the form names its fields', () => {
		expect(decideSave(saved, 3, { goal: 'Publish every contract', budget: 3000, tags: ['health'] }, ['goal', 'plan', 'budget', 'tags'])).toEqual({ kind: 'conflict', fields: ['plan'] });
	});

	it('a save that names no version (a script) is written', () => {
		expect(decideSave(saved, undefined, { goal: 'Another goal' })).toEqual({ kind: 'write', fields: ['goal'] });
	});

	it('empty in any form is one value; numbers, lists and rows compare by what they hold', () => {
		expect(sameValue(undefined, '')).toBe(true);
		expect(sameValue(null, [])).toBe(true);
		expect(sameValue([{ item: '', cost: null }], undefined)).toBe(true);
		expect(sameValue([{ item: 'Printing', cost: 200 }], [{ cost: 200, item: 'Printing' }])).toBe(true);
		expect(sameValue([{ item: 'Printing', cost: 200 }], [{ item: 'Printing', cost: 250 }])).toBe(false);
		expect(sameValue(3000, '3000')).toBe(false);
		expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
		expect(sameValue('x', undefined)).toBe(false);
	});
});

describe('a stale save merged question by question against the text its page started from', () => {
	const base = { goal: 'Publish contracts', plan: 'Meet the council', budget: 3000, tags: ['health'] };
	const saved = { goal: 'Publish every contract', plan: 'Meet the council', budget: 3000, tags: ['health'] };

	it('a colleague changed one question and the person another: both changes are kept, nothing is a conflict', () => {
		const r = mergeSave(saved, base, { goal: 'Publish contracts', plan: 'Meet the mayor', budget: 3000, tags: ['health'] });
		expect(r).toEqual({
			kind: 'write',
			fields: ['plan'],
			kept: ['goal'],
			merged: { goal: 'Publish every contract', plan: 'Meet the mayor', budget: 3000, tags: ['health'] }
		});
	});

	it('only the question both changed differently is a conflict; the person keeps their words for it and the colleague’s elsewhere', () => {
		const r = mergeSave({ ...saved, budget: 4000 }, base, { goal: 'Publish all contracts', plan: 'Meet the mayor', budget: 3000, tags: ['health'] });
		expect(r).toEqual({ kind: 'conflict', fields: ['goal'], merged: { goal: 'Publish all contracts', plan: 'Meet the mayor', budget: 4000, tags: ['health'] } });
	});

	it('both made the same change, or the person changed nothing: nothing to write, the colleague’s change is named', () => {
		expect(mergeSave(saved, base, { ...saved })).toEqual({ kind: 'unchanged', merged: saved, kept: [] });
		expect(mergeSave(saved, base, { ...base })).toEqual({ kind: 'unchanged', merged: saved, kept: ['goal'] });
	});

	it('blank in any form is one value when comparing with the starting text', () => {
		const r = mergeSave({ goal: 'Written by a colleague', tags: [] }, { goal: '', tags: [] }, { goal: null, tags: ['health'] }, ['goal', 'tags']);
		expect(r).toEqual({ kind: 'write', fields: ['tags'], kept: ['goal'], merged: { goal: 'Written by a colleague', tags: ['health'] } });
	});
});
