import { redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { getApp } from '#lib/server/app.ts';
import { act, requireUser } from '#lib/server/http/edge.ts';
import { safeNext } from '#lib/server/http/safe-next.ts';
import { hasFreshProof } from '#lib/server/identity/fresh-proof.ts';
import { proveIdentity } from '#lib/server/identity/prove-identity.ts';
import { users } from '#lib/server/identity/schema.ts';
import { hasPasskey } from '#lib/server/identity/list-passkeys.ts';
import type { Actions, PageServerLoad } from './$types';

// The passkey button runs a WebAuthn ceremony in the browser: this page keeps the client script.
export const csr = true;

// The person confirms who they are before something a borrowed session must not do, then goes back.
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const [u] = await getApp()
		.database.db.select({ twoFactorEnabled: users.twoFactorEnabled })
		.from(users)
		.where(eq(users.id, actor.userId));
	return {
		next: safeNext(url.searchParams.get('next'), '/settings'),
		twoFactorEnabled: u?.twoFactorEnabled ?? false,
		hasPasskey: await hasPasskey(getApp().database.db, actor.userId),
		fresh: hasFreshProof(actor)
	};
};

const prove =
	(field: 'password' | 'code' | 'backupCode') =>
	async ({ request, locals, url }: Parameters<Actions[string]>[0]) => {
		const actor = requireUser(locals, url);
		const value = (await request.formData()).get(field);
		const result = await act(() =>
			proveIdentity(getApp().database.db, getApp().auth, actor, locals.sessionId, { [field]: typeof value === 'string' ? value : '' })
		);
		if (result) return result;
		redirect(303, safeNext(url.searchParams.get('next'), '/settings'));
	};

export const actions: Actions = { password: prove('password'), code: prove('code'), backupCode: prove('backupCode') };
