import { redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { getApp } from '#lib/server/app.ts';
import { act, requireUser } from '#lib/server/http/edge.ts';
import { describeHeld, finishesAfterProof, resumeAfterProof } from '#lib/server/http/resume-after-proof.ts';
import { safeNext } from '#lib/server/http/safe-next.ts';
import { findPendingAction } from '#lib/server/identity/claim-pending-action.ts';
import { hasFreshProof } from '#lib/server/identity/fresh-proof.ts';
import { proveIdentity } from '#lib/server/identity/prove-identity.ts';
import { users } from '#lib/server/identity/schema.ts';
import { hasPasskey } from '#lib/server/identity/list-passkeys.ts';
import type { Actions, PageServerLoad } from './$types';

// The person confirms who they are before something a borrowed session must not do, then goes
// back; a form they sent meanwhile (`?pending=`, held for this session) is finished or refilled.
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const db = getApp().database.db;
	const [u] = await db.select({ twoFactorEnabled: users.twoFactorEnabled }).from(users).where(eq(users.id, actor.userId));
	const held = await findPendingAction(db, actor, locals.sessionId, url.searchParams.get('pending'));
	return {
		next: safeNext(url.searchParams.get('next'), '/settings'),
		pending: held ? { id: held.id, label: describeHeld(held.action), finishes: finishesAfterProof(held.action) } : null,
		twoFactorEnabled: u?.twoFactorEnabled ?? false,
		hasPasskey: await hasPasskey(db, actor.userId),
		fresh: hasFreshProof(actor)
	};
};

const prove =
	(field: 'password' | 'code' | 'backupCode') =>
	async ({ request, locals, url }: Parameters<Actions[string]>[0]) => {
		const actor = requireUser(locals, url);
		const value = (await request.formData()).get(field);
		const app = getApp();
		const result = await act(() =>
			proveIdentity(app.database.db, app.auth, actor, locals.sessionId, { [field]: typeof value === 'string' ? value : '' })
		);
		if (result) return result;
		const hub = { db: app.database.db, files: app.files, baseURL: app.baseURL };
		redirect(303, await resumeAfterProof(hub, actor, locals.sessionId, url.searchParams.get('pending'), safeNext(url.searchParams.get('next'), '/settings')));
	};

export const actions: Actions = { password: prove('password'), code: prove('code'), backupCode: prove('backupCode') };
