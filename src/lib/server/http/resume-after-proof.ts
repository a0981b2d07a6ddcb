import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { UserActor } from '../identity/actor.ts';
import { claimPendingAction } from '../identity/claim-pending-action.ts';
import { withFreshProof } from '../identity/fresh-proof.ts';
import { grantRole } from '../identity/grant-role.ts';
import { forgetPendingAction, keepForRefill } from '../identity/refill-pending-action.ts';
import { removePasskey } from '../identity/remove-passkey.ts';
import { requestEmailChange } from '../identity/request-email-change.ts';
import { erasePerson } from '../privacy/erase-person.ts';
import type { FileStore } from '../uploads/file-store.ts';
import { asInputError } from './database-input-error.ts';

type Hub = { db: Db; files?: FileStore; baseURL: string };
type Held = Hub & { actor: UserActor; values: Record<string, string>; returnTo: string };

/**
 * The forms that ask for a fresh proof, by the name they are held under (decision 059). `finish`
 * completes the form once the person has confirmed who they are and says where to go; a form
 * without it goes back to its page filled in, to be sent again. Creating an API token is such a
 * form: the token is shown once, on the page that creates it, and is never stored to show later.
 */
type Resumable = { label: () => string; finish?: (held: Held) => Promise<string> };

export const RESUMABLE = {
	'grant-role': {
		label: () => m.resume_grant_role(),
		async finish({ db, actor, values, returnTo }) {
			await grantRole(db, actor, values.userId ?? '', values.role ?? '');
			return withParam(returnTo, 'done', 'role');
		}
	},
	'erase-person': {
		label: () => m.resume_erase_person(),
		async finish({ db, files, actor, values }) {
			if (values.confirm !== 'yes') throw new DomainError('INVALID_INPUT', m.privacy_confirm_required());
			await erasePerson(db, actor, values.userId ?? '', { files });
			return values.userId === actor.userId ? '/account-deleted' : '/admin/users?erased=1';
		}
	},
	'request-email-change': {
		label: () => m.resume_email_change(),
		async finish({ db, actor, values, baseURL }) {
			await requestEmailChange(db, actor, { email: values.email ?? '' }, baseURL);
			return '/settings/email?sent=1';
		}
	},
	'remove-passkey': {
		label: () => m.resume_remove_passkey(),
		async finish({ db, actor, values }) {
			await removePasskey(db, actor, { id: values.id ?? '' });
			return '/settings/security?passkey=removed';
		}
	},
	'create-api-token': { label: () => m.resume_create_api_token() }
} satisfies Record<string, Resumable>;

/** The names a form may be held under. */
export type ResumableName = keyof typeof RESUMABLE;
const resumable = (action: string): Resumable | undefined => (RESUMABLE as Record<string, Resumable>)[action];

/** Whether the named form completes by itself after confirming (or comes back to be sent again). */
export const finishesAfterProof = (action: string) => !!resumable(action)?.finish;

/** What the held form will do, in the reader's language. */
export const describeHeld = (action: string) => resumable(action)?.label() ?? '';

/**
 * After the person proved who they are in this session: the form they sent (held under
 * `pendingId`) is taken, once, and finished; if finishing is refused, or the form is refill-only,
 * they go back to its page with it filled in (and the reason). Without a usable held form, they go
 * to `fallback`.
 */
export async function resumeAfterProof(hub: Hub, actor: UserActor, sessionId: string | null, pendingId: string | null, fallback: string): Promise<string> {
	const held = await claimPendingAction(hub.db, actor, sessionId, pendingId);
	if (!held) return fallback;
	const refillAt = withParam(held.returnTo, 'resume', held.id);
	const finish = resumable(held.action)?.finish;
	if (!finish) return refillAt;
	try {
		const to = await finish({ ...hub, actor: withFreshProof(actor), values: held.values, returnTo: held.returnTo });
		await forgetPendingAction(hub.db, held.id);
		return to;
	} catch (caught) {
		const e = asInputError(caught);
		if (!(e instanceof DomainError)) throw e;
		await keepForRefill(hub.db, held.id, e.message);
		return refillAt;
	}
}

function withParam(path: string, key: string, value: string): string {
	const url = new URL(path, 'http://hub.invalid');
	url.searchParams.set(key, value);
	return url.pathname + url.search;
}
