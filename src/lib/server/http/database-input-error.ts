import { m } from '#lib/paraglide/messages.js';
import { DomainError } from '../errors.ts';

// PostgreSQL's answers to a value it cannot read as its column's type: a malformed uuid
// (22P02), a number out of range (22003), a bad date (22007, 22008; 22009 for an instant past the
// year 9999, as a date filter of 9999-12-31 reaches once read to the end of its day), a character
// it refuses (22021, 22P05). They are bad input from the client, never the hub's failure, so the edge turns
// them into a "not found" (an id that is not an id names no record) instead of a 500.
const DATA_EXCEPTIONS = new Set(['22P02', '22003', '22007', '22008', '22009', '22021', '22P05']);

function sqlState(e: unknown): string | undefined {
	for (let c: unknown = e, depth = 0; c && typeof c === 'object' && depth < 4; c = (c as { cause?: unknown }).cause, depth++) {
		const code = (c as { code?: unknown }).code;
		if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
	}
	return undefined;
}

/** The domain error a database refusal of client input stands for, or the error itself. */
export function asInputError(e: unknown): unknown {
	const code = sqlState(e);
	return code && DATA_EXCEPTIONS.has(code) ? new DomainError('NOT_FOUND', m.e_not_found()) : e;
}
