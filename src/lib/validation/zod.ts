import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';

/**
 * Every validation message goes through the reader's language: zod calls this per issue while
 * parsing, inside the request, so the current locale is the reader's.
 */
z.config({
	customError: (iss) => {
		switch (iss.code) {
			case 'invalid_type':
				return iss.input === undefined || iss.input === null || iss.input === ''
					? m.v_required()
					: m.v_invalid();
			case 'too_small':
				if (iss.origin === 'string')
					return Number(iss.minimum) <= 1 ? m.v_required() : m.v_too_short({ min: String(iss.minimum) });
				if (iss.origin === 'array' || iss.origin === 'set')
					return m.v_choose_at_least({ min: String(iss.minimum) });
				// A strict bound (a weight must be above 0) cannot say "0 or more".
				return iss.inclusive === false ? m.v_number_above({ min: String(iss.minimum) }) : m.v_number_too_small({ min: String(iss.minimum) });
			case 'too_big':
				if (iss.origin === 'string') return m.v_too_long({ max: String(iss.maximum) });
				if (iss.origin === 'array' || iss.origin === 'set')
					return m.v_choose_at_most({ max: String(iss.maximum) });
				return iss.inclusive === false ? m.v_number_below({ max: String(iss.maximum) }) : m.v_number_too_big({ max: String(iss.maximum) });
			case 'invalid_format':
				if (iss.format === 'email') return m.v_invalid_email();
				if (iss.format === 'url') return m.v_invalid_url();
				if (iss.format === 'date') return m.v_invalid_date();
				return m.v_invalid();
			case 'invalid_value':
				return m.v_invalid_choice();
			default:
				return m.v_invalid();
		}
	}
});

export { z };

/** Field-name → messages, the shape both forms and the API return. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const issue of error.issues) {
		const key = issue.path.length ? issue.path.map(String).join('.') : '_form';
		(out[key] ??= []).push(issue.message);
	}
	return out;
}
