import { COUNTRY_CODES, countryCodeFrom } from '../countries.ts';
import { m } from '#lib/paraglide/messages.js';
import { z } from './zod.ts';

// A country arrives as a code (the API, links) or as a name typed into a form's text box with
// suggestions (decision 064); either way it is kept as its code. `overwrite` keeps the field a
// string of the same kind, so the API's description still lists the codes.
const toCode = (v: string) => countryCodeFrom(v) ?? v;

export const countryCode = z
	.string()
	.trim()
	.overwrite(toCode)
	.pipe(z.enum(COUNTRY_CODES as [string, ...string[]], { error: (iss) => (iss.input === '' ? m.v_required() : m.v_country_unknown()) }));

/** Empty when not given. */
export const optionalCountryCode = z
	.string()
	.trim()
	.overwrite(toCode)
	.refine((v) => v === '' || COUNTRY_CODES.includes(v), { error: () => m.v_country_unknown() })
	.default('');
