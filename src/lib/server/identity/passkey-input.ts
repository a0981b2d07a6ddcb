import { m } from '#lib/paraglide/messages.js';
import { z } from '../../validation/zod.ts';
import { DomainError } from '../errors.ts';
import { isAuthLibraryError } from './auth-errors.ts';

const b64url = z.string().regex(/^[A-Za-z0-9_-]*={0,2}$/).max(16_384);
const credentialId = z.string().regex(/^[A-Za-z0-9_-]{1,1024}$/);

/** What a browser's WebAuthn ceremony sends back (JSON-encoded, base64url fields); the library checks the rest. */
const credential = <R extends z.ZodType>(response: R) =>
	z.object({
		id: credentialId,
		rawId: credentialId,
		type: z.literal('public-key'),
		response,
		clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
		authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional()
	});

/** An authenticator's signature over a challenge (signing in, confirming). */
export const assertionResponse = credential(
	z.object({ clientDataJSON: b64url, authenticatorData: b64url, signature: b64url, userHandle: b64url.optional() })
);

/** A new credential (adding a passkey). */
export const attestationResponse = credential(
	z.object({
		clientDataJSON: b64url,
		attestationObject: b64url,
		authenticatorData: b64url.optional(),
		transports: z.array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'])).max(10).optional(),
		publicKeyAlgorithm: z.number().int().optional(),
		publicKey: b64url.optional()
	})
);

export const PASSKEY_NAME_MAX = 60;
/** How many passkeys one person may keep: a phone, a laptop, a key or two, and room to spare. */
export const PASSKEYS_MAX = 20;

export const addPasskeyInput = z.object({
	name: z.string().trim().min(1).max(PASSKEY_NAME_MAX),
	response: attestationResponse
});
export const passkeyResponseInput = z.object({ response: assertionResponse });
export const removePasskeyInput = z.object({ id: z.uuid() });

/** The passkey plugin's refusals, told in the person's language (never which accounts exist). */
export function fromPasskeyError(e: unknown): never {
	if (!isAuthLibraryError(e)) throw e;
	const code = String((e.body as { code?: string } | undefined)?.code ?? '');
	if (code === 'CHALLENGE_NOT_FOUND') throw new DomainError('INVALID_INPUT', m.passkey_expired());
	if (code === 'PASSKEY_USER_NOT_VERIFIED') throw new DomainError('INVALID_INPUT', m.passkey_user_not_verified());
	throw new DomainError('INVALID_INPUT', m.passkey_failed());
}
