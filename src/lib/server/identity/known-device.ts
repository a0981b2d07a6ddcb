import { createHmac, timingSafeEqual } from 'node:crypto';

/** The cookie a browser keeps once its owner has signed in: one short mark per account, up to a few accounts. */
export const KNOWN_DEVICE_COOKIE = 'sh_known_device';
const MAX_MARKS = 5;

const mark = (secret: string, email: string) =>
	createHmac('sha256', secret).update(`known-device:${email.toLowerCase()}`).digest('base64url').slice(0, 22);

/** Whether this browser has signed in to the account before (the cookie carries the hub's mark for it). */
export function isKnownDevice(secret: string, cookieValue: string | undefined, email: string): boolean {
	if (!cookieValue) return false;
	const want = Buffer.from(mark(secret, email));
	return cookieValue
		.split('.')
		.some((m) => m.length === want.length && timingSafeEqual(Buffer.from(m), want));
}

/** The cookie's value after a successful sign-in: this account's mark first, older ones kept. */
export function rememberDevice(secret: string, cookieValue: string | undefined, email: string): string {
	const mine = mark(secret, email);
	const others = (cookieValue ?? '').split('.').filter((m) => /^[A-Za-z0-9_-]{22}$/.test(m) && m !== mine);
	return [mine, ...others].slice(0, MAX_MARKS).join('.');
}
