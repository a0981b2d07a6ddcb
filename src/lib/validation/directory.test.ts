import { describe, expect, it } from 'vitest';
import { fieldErrors } from './zod.ts';
import { agreementInput, directoryQuery, organisationInput } from './directory.ts';
import en from '../../../messages/en.json' with { type: 'json' };

const errorsOf = (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, value: unknown) => {
	const r = schema.safeParse(value);
	return r.success ? {} : fieldErrors(r.error as never);
};

describe('directory validation', () => {
	it('a missing name says the field is required, in words a person reads', () => {
		const e = errorsOf(organisationInput, { name: '  ', kind: 'media', country: 'KE', region: 'africa' });
		expect(e.name).toEqual([en.v_required]);
	});
	it('an unknown kind is refused with a choice message, an unknown country with what to type instead', () => {
		const e = errorsOf(organisationInput, { name: 'A', kind: 'cult', country: 'XX', region: 'africa' });
		expect(e.kind).toEqual([en.v_invalid_choice]);
		expect(e.country).toEqual([en.v_country_unknown]);
	});
	it('a website must be a full http(s) address; empty means none', () => {
		expect(errorsOf(organisationInput, { name: 'A', kind: 'media', country: 'KE', region: 'africa', website: 'javascript:alert(1)' }).website).toBeDefined();
		expect(errorsOf(organisationInput, { name: 'A', kind: 'media', country: 'KE', region: 'africa', website: '' })).toEqual({});
	});
	it('an agreement cannot end before it starts', () => {
		const e = errorsOf(agreementInput, { title: 'MoU', scopes: ['learning'], startDate: '2026-05-01', endDate: '2026-04-30' });
		expect(e.endDate).toEqual([en.v_end_before_start]);
	});
	it('an agreement needs at least one scope', () => {
		const e = errorsOf(agreementInput, { title: 'MoU', scopes: [], startDate: '2026-05-01' });
		expect(e.scopes?.[0]).toBe(en.v_choose_at_least.replace('{min}', '1'));
	});
	it('text is kept as typed: markup is not stripped here, it is escaped when shown', () => {
		const r = organisationInput.parse({ name: '<b>Bold</b>', kind: 'media', country: 'KE', region: 'africa' });
		expect(r.name).toBe('<b>Bold</b>');
	});
	it('directory queries refuse a page below one and an unknown sort', () => {
		expect(errorsOf(directoryQuery, { page: '0' }).page).toBeDefined();
		expect(errorsOf(directoryQuery, { sort: 'drop table' }).sort).toBeDefined();
	});
});
