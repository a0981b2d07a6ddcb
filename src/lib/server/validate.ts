import type { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';
import { DomainError } from './errors.ts';
import { fieldErrors } from '../validation/zod.ts';

/** Parses input with a shared schema; bad input becomes INVALID_INPUT with a message per field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
	const result = schema.safeParse(raw);
	if (!result.success) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), fieldErrors(result.error));
	return result.data;
}
