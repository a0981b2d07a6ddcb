/** Errors the domain raises; the HTTP edge maps each code to a status. */
export type DomainErrorCode =
	| 'NOT_FOUND'
	| 'FORBIDDEN'
	| 'UNAUTHENTICATED'
	| 'CONFLICT'
	| 'INVALID_INPUT'
	| 'INVALID_TRANSITION'
	| 'RATE_LIMITED'
	| 'FRESH_PROOF_REQUIRED'
	| 'PAYLOAD_TOO_LARGE'
	| 'UNSUPPORTED_MEDIA_TYPE';

export class DomainError extends Error {
	readonly code: DomainErrorCode;
	/** Per-field messages, already in the reader's language. */
	readonly fields: Record<string, string[]> | undefined;
	constructor(code: DomainErrorCode, message: string, fields?: Record<string, string[]>) {
		super(message);
		this.name = 'DomainError';
		this.code = code;
		this.fields = fields;
	}
}

export const httpStatusFor: Record<DomainErrorCode, number> = {
	NOT_FOUND: 404,
	FORBIDDEN: 403,
	UNAUTHENTICATED: 401,
	CONFLICT: 409,
	INVALID_INPUT: 400,
	INVALID_TRANSITION: 409,
	RATE_LIMITED: 429,
	FRESH_PROOF_REQUIRED: 403,
	PAYLOAD_TOO_LARGE: 413,
	UNSUPPORTED_MEDIA_TYPE: 415
};

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
