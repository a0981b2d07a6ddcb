import { getApp } from '#lib/server/app.ts';
import { pageJson, requireSignedIn } from '#lib/server/http/page-json.ts';
import { resumeAfterProof } from '#lib/server/http/resume-after-proof.ts';
import { safeNext } from '#lib/server/http/safe-next.ts';
import { confirmWithPasskey } from '#lib/server/identity/confirm-with-passkey.ts';
import type { RequestHandler } from './$types';

// Confirming who one is with a passkey: a fresh proof and a second factor; then the held form
// (`?pending=`) is finished or refilled, or the person goes back to `next`.
export const POST: RequestHandler = pageJson(async ({ request, getClientAddress, locals, url }, body) => {
	const actor = requireSignedIn(locals);
	const app = getApp();
	await confirmWithPasskey(app.database.db, app.auth, actor, locals.sessionId, body, { ip: getClientAddress(), headers: request.headers });
	const hub = { db: app.database.db, files: app.files, baseURL: app.baseURL };
	return { next: await resumeAfterProof(hub, actor, locals.sessionId, url.searchParams.get('pending'), safeNext(url.searchParams.get('next'), '/settings')) };
});
