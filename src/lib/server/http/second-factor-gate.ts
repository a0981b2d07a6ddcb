import { json, redirect } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { m } from '#lib/paraglide/messages.js';
import { lacksRequiredSecondFactor } from '../identity/second-factor-roles.ts';

/**
 * Where a person whose role needs a second factor may still go: setting it up (a two-step code or
 * a passkey), confirming with a passkey they have, leaving, the language.
 */
const OPEN = [/^\/settings\/security$/, /^\/settings\/passkeys\/(options|add)$/, /^\/settings\/confirm(\/passkey(\/options)?)?$/, /^\/settings\/email\/verify$/, /^\/sign-out$/, /^\/language$/, /^\/healthz$/, /^\/api\/auth\//, /^\/account-deleted$/];

export const SETUP_PATH = '/settings/security?required=1';

export const mayGoWithoutSecondFactor = (pathname: string) => {
	const path = pathname.replace(/\/__data\.json$/, '') || '/';
	return OPEN.some((p) => p.test(path));
};

/**
 * Staff roles that need a second factor (`STAFF_TWO_FACTOR_ROLES`) reach nothing else until it is
 * set up: pages send them to set it up, the API answers 403 SECOND_FACTOR_REQUIRED. Their actor
 * already acts as a member in every policy; this makes the reason visible.
 */
export const requireSecondFactor: Handle = async ({ event, resolve }) => {
	const actor = event.locals.actor;
	if (!actor || !lacksRequiredSecondFactor(actor) || mayGoWithoutSecondFactor(event.url.pathname)) return resolve(event);
	if (event.url.pathname.startsWith('/api/'))
		return json({ error: { code: 'SECOND_FACTOR_REQUIRED', message: m.second_factor_required_api() } }, { status: 403 });
	redirect(303, SETUP_PATH);
};
