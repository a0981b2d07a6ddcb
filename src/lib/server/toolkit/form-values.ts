/**
 * A posted form as the plain object the shared schemas expect: checkboxes become booleans
 * (absent means false) and repeated fields become arrays. Everything else stays a string for
 * the schema to judge.
 */
export function formValues(data: FormData, opts: { booleans?: string[]; arrays?: string[] } = {}): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of data.entries()) if (typeof v === 'string' && !opts.arrays?.includes(k)) out[k] = v;
	for (const k of opts.booleans ?? []) out[k] = data.get(k) === 'on' || data.get(k) === 'true';
	for (const k of opts.arrays ?? []) out[k] = data.getAll(k).filter((v): v is string => typeof v === 'string' && v !== '');
	return out;
}
