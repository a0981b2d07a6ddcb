import QRCode from 'qrcode';
import { parseInput } from '../validate.ts';
import { passwordInput } from './account-schemas.ts';
import { fromAuthError } from './auth-errors.ts';
import type { Auth } from './auth.ts';

/**
 * Starts two-factor set-up: after the password is confirmed, returns the secret as a QR code and
 * as text, and backup codes. Two-factor is on only once a first code has been verified.
 */
export async function enableTwoFactor(auth: Auth, raw: unknown, headers: Headers) {
	const { password } = parseInput(passwordInput, raw);
	try {
		const result = await auth.api.enableTwoFactor({ body: { password }, headers });
		if (!('totpURI' in result)) throw new Error('two-factor is configured for TOTP only');
		const { totpURI, backupCodes } = result;
		const secret = new URL(totpURI).searchParams.get('secret') ?? '';
		// Sent as a base64 image so that no generated markup is ever placed into the page.
		const qrSvg = Buffer.from(await QRCode.toString(totpURI, { type: 'svg', margin: 1, width: 200 })).toString('base64');
		return { totpURI, secret, backupCodes, qrSvg };
	} catch (e) {
		fromAuthError(e);
	}
}
