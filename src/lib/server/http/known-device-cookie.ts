import type { Cookies } from '@sveltejs/kit';
import { KNOWN_DEVICE_COOKIE, rememberDevice } from '../identity/known-device.ts';

/** After a complete sign-in, the browser keeps a mark that it is one of the owner's (a year, sent only to the hub). */
export function rememberKnownDevice(cookies: Cookies, secret: string, email: string | undefined, secure: boolean): void {
	if (!email) return;
	const value = rememberDevice(secret, cookies.get(KNOWN_DEVICE_COOKIE), email);
	cookies.set(KNOWN_DEVICE_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 365 * 86_400 });
}
