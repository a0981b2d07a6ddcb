import { countryCodeFrom } from '../countries.ts';
import { m } from '#lib/paraglide/messages.js';
import { z } from './zod.ts';

// A country arrives as a code (the API, links) or as a name typed into a form's text box with
// suggestions (decision 061); either way it is kept as its code.
const toCode = (v: string, ctx: z.RefinementCtx) => {
	const code = countryCodeFrom(v);
	if (code) return code;
	ctx.addIssue({ code: 'custom', message: v.trim() ? m.v_country_unknown() : m.v_required(), input: v });
	return z.NEVER;
};

export const countryCode = z.string().trim().transform(toCode);
/** Empty when not given. */
export const optionalCountryCode = z
	.string()
	.trim()
	.transform((v, ctx) => (v === '' ? '' : toCode(v, ctx)))
	.default('');
