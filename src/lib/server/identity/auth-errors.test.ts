import { describe, expect, it } from 'vitest';
import { APIError } from 'better-auth/api';
import { DomainError } from '../errors.ts';
import { fromAuthError, isAuthLibraryError } from './auth-errors.ts';
import { fromPasskeyError } from './passkey-input.ts';

/** The library's error as a second copy of its class makes it: same name and shape, another class. */
class OtherCopyOfApiError extends Error {
	constructor(
		readonly status: string,
		readonly body: { code: string; message: string }
	) {
		super(body.message);
		this.name = 'APIError';
	}
}

const codeOf = (f: () => never) => {
	try {
		f();
	} catch (e) {
		return e instanceof DomainError ? e.code : `not a domain error: ${String(e)}`;
	}
};

describe("the auth library's errors", () => {
	it('are recognised from either copy of the class, and nothing else is', () => {
		expect(isAuthLibraryError(new APIError('UNAUTHORIZED', { code: 'X' }))).toBe(true);
		expect(isAuthLibraryError(new OtherCopyOfApiError('UNAUTHORIZED', { code: 'X', message: 'x' }))).toBe(true);
		expect(isAuthLibraryError(new Error('APIError'))).toBe(false);
		expect(isAuthLibraryError({ name: 'APIError', status: 'UNAUTHORIZED' })).toBe(false);
	});

	it('an unknown passkey from a second copy of the class is a refusal in the reader’s words, not a crash', () => {
		const unknown = new OtherCopyOfApiError('UNAUTHORIZED', { code: 'PASSKEY_NOT_FOUND', message: 'Passkey not found' });
		expect(codeOf(() => fromPasskeyError(unknown))).toBe('INVALID_INPUT');
		expect(codeOf(() => fromAuthError(new OtherCopyOfApiError('UNAUTHORIZED', { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'x' })))).toBe('UNAUTHENTICATED');
	});

	it('any other error passes through untouched', () => {
		const bug = new TypeError('boom');
		expect(() => fromPasskeyError(bug)).toThrow(bug);
	});
});
