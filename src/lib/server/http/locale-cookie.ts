import type { Cookies } from '@sveltejs/kit';
import { cookieMaxAge, cookieName } from '#lib/paraglide/runtime.js';
import { toLocale } from '../i18n.ts';

/** After sign-in the hub speaks the language saved on the account. */
export function rememberLocale(cookies: Cookies, locale: string | undefined) {
	if (locale) cookies.set(cookieName, toLocale(locale), { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax' });
}
