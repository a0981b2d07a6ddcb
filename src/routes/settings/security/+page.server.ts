import { getApp } from '#lib/server/app.ts';
import { act, refillAfterProof, requireUser } from '#lib/server/http/edge.ts';
import { disableTwoFactor } from '#lib/server/identity/disable-two-factor.ts';
import { enableTwoFactor } from '#lib/server/identity/enable-two-factor.ts';
import { verifyTwoFactor } from '#lib/server/identity/verify-two-factor.ts';
import { users } from '#lib/server/identity/schema.ts';
import { eq } from 'drizzle-orm';
import { confirmPath } from '#lib/server/http/edge.ts';
import { hasFreshProof } from '#lib/server/identity/fresh-proof.ts';
import { listPasskeys } from '#lib/server/identity/list-passkeys.ts';
import { removePasskey } from '#lib/server/identity/remove-passkey.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const [u] = await getApp()
		.database.db.select({ twoFactorEnabled: users.twoFactorEnabled })
		.from(users)
		.where(eq(users.id, actor.userId));
	return {
		twoFactorEnabled: u?.twoFactorEnabled ?? false,
		passkeys: await listPasskeys(getApp().database.db, actor),
		passkeyAdded: url.searchParams.get('passkey') === 'added',
		passkeyRemoved: url.searchParams.get('passkey') === 'removed',
		// Back from confirming who one is, when removing the passkey could not be finished: why.
		passkeyRefused: (await refillAfterProof(locals, url, 'remove-passkey'))?.message ?? null,
		fresh: hasFreshProof(actor),
		confirmHref: confirmPath('/settings/security'),
		// Why the person was sent here: their role needs a second factor before anything else.
		requiredFor: actor.secondFactorMissingFor ?? null
	};
};

export const actions: Actions = {
	enable: async ({ request, locals, url }) => {
		requireUser(locals, url);
		const form = Object.fromEntries(await request.formData());
		return act(async () => ({ setup: await enableTwoFactor(getApp().auth, form, request.headers) }));
	},
	confirm: async ({ request, locals, url, getClientAddress }) => {
		requireUser(locals, url);
		const form = Object.fromEntries(await request.formData());
		return act(async () => {
			await verifyTwoFactor(getApp().database.db, getApp().auth, form, { ip: getClientAddress(), headers: request.headers });
			return { confirmed: true };
		});
	},
	removePasskey: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const form = Object.fromEntries(await request.formData());
		// Marked, so the page shows a refusal beside the passkeys rather than the two-step section.
		return act(
			async () => {
				await removePasskey(getApp().database.db, actor, form);
				return { passkeyRemoved: true };
			},
			{ passkey: true, id: typeof form.id === 'string' ? form.id : '' },
			{ resume: 'remove-passkey' }
		);
	},
	disable: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const form = Object.fromEntries(await request.formData());
		return act(async () => {
			await disableTwoFactor(getApp().auth, actor, form, request.headers);
			return { disabled: true };
		});
	}
};
