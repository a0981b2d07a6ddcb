import { fail } from '@sveltejs/kit';
import { setError, superValidate, type SuperValidated } from 'sveltekit-superforms/server';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { z } from 'zod';
import { DomainError, httpStatusFor } from '../errors.ts';
import { asInputError } from './database-input-error.ts';
import { redirectForFreshProof, retryAfterHeaders } from './edge.ts';
import { getRequestEvent } from '$app/server';

type FormSchema = z.ZodType<Record<string, unknown>>;

/** What a page receives for a form: the values to show and a list of messages per field. */
export type FormState<T> = {
	id: string;
	valid: boolean;
	posted: boolean;
	data: T;
	errors: { [field: string]: string[] | undefined } & { _errors?: string[] };
};

/** Reads a submitted form (or empty defaults when `from` is omitted) through the shared zod schema. */
export function readForm<S extends FormSchema>(
	schema: S,
	from?: Request | FormData | Record<string, unknown> | null
): Promise<FormState<z.output<S>>> {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const adapter = zod4(schema as any);
	// Initial values (a plain object) are shown without complaints; only a submission is judged.
	const submitted = from instanceof Request || from instanceof FormData;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	return (from === undefined ? superValidate(adapter) : superValidate(from as Request, adapter, { errors: submitted })) as any;
}

/**
 * Runs a use case with a validated form. Invalid input never reaches the domain; a domain error
 * comes back on the form with its per-field messages, so the page re-renders with what was typed.
 */
export async function submitForm<T, R>(
	form: FormState<T>,
	run: (data: T) => Promise<R>
) {
	if (!form.valid) return { ok: false as const, failure: fail(400, { form }) };
	try {
		return { ok: true as const, result: await run(form.data) };
	} catch (caught) {
		const e = asInputError(caught);
		if (!(e instanceof DomainError)) throw e;
		redirectForFreshProof(e);
		const retry = retryAfterHeaders(e);
		if (Object.keys(retry).length) getRequestEvent().setHeaders(retry);
		const status = httpStatusFor[e.code];
		const fields = e.fields ?? {};
		const names = Object.keys(fields).filter((k) => k !== '_form');
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		for (const name of names) setError(form as unknown as SuperValidated<Record<string, unknown>>, name as any, fields[name]);
		if (!names.length) setError(form as unknown as SuperValidated<Record<string, unknown>>, e.message);
		return { ok: false as const, failure: fail(status, { form }) };
	}
}
