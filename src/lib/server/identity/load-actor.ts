import { eq } from 'drizzle-orm';
import { DIRECTORY_MANAGERS, STAFF_ROLES, type MembershipRole, type Role } from '../../roles.ts';
import type { Db } from '../db/types.ts';
import { isTimeZone, toLocale } from '../i18n.ts';
import { memberships, needToKnow } from '../directory/schema.ts';
import type { Actor } from './actor.ts';
import { users } from './schema.ts';
import { secondFactorRequiredFor } from './second-factor-roles.ts';

export type UserRow = { id: string; name: string; email: string; role: string; locale: string; timeZone: string; twoFactorEnabled?: boolean | null };

/** Builds the actor for a known user id: their role and their organisations. */
export async function loadActor(db: Db, userId: string, via: 'session' | 'token', opts: ActorOptions = {}): Promise<Actor> {
	const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
	if (!user) return { kind: 'anonymous' };
	return actorFromUser(db, user, via, opts);
}

export type ActorOptions = {
	/** Requests apply the rule that some roles need a second factor; seeds and tests build actors without it. */
	secondFactorRule?: boolean;
	/** A passkey proved who the person is in this session (signing in with it, adding it, or confirming): a second factor. */
	passkeyProven?: boolean;
};

/** The same, from a user record already at hand (the session brings one): only memberships are read. */
export async function actorFromUser(db: Db, user: UserRow, via: 'session' | 'token', opts: ActorOptions = {}): Promise<Actor> {
	const userId = user.id;
	const listed = needsList(effectiveRole(user, opts));
	const [rows, known] = await Promise.all([
		db
			.select({ organisationId: memberships.organisationId, role: memberships.role })
			.from(memberships)
			.where(eq(memberships.userId, userId)),
		listed
			? db.select({ organisationId: needToKnow.organisationId }).from(needToKnow).where(eq(needToKnow.userId, userId))
			: Promise.resolve([])
	]);
	return buildActor(
		user,
		via,
		opts,
		rows.map((r) => [r.organisationId, r.role]),
		known.map((r) => r.organisationId)
	);
}

/** A role that needs a second factor is not used until one is set up: every policy sees a member. */
function effectiveRole(user: UserRow, opts: ActorOptions): { role: Role; missing: boolean } {
	const missing = !!opts.secondFactorRule && secondFactorRequiredFor(user.role) && !user.twoFactorEnabled && !opts.passkeyProven;
	return { role: missing ? 'member' : (user.role as Role), missing };
}

/**
 * Only staff who are not directory managers need their need-to-know list: managers see every
 * identity, and the list entitles no one outside the staff.
 */
const needsList = ({ role }: { role: Role }) => STAFF_ROLES.includes(role) && !DIRECTORY_MANAGERS.includes(role);

/**
 * The actor from a user record and their memberships and need-to-know list, already read (the
 * session reader brings all three in one statement). The list is kept only for the roles it serves.
 */
export function buildActor(
	user: UserRow,
	via: 'session' | 'token',
	opts: ActorOptions,
	membershipRows: readonly (readonly [string, MembershipRole])[],
	needToKnowIds: readonly string[]
): Actor {
	const { role, missing } = effectiveRole(user, opts);
	return {
		kind: 'user',
		userId: user.id,
		name: user.name,
		email: user.email,
		role,
		...(missing ? { secondFactorMissingFor: user.role as Role } : {}),
		// A stored value the hub cannot use (written before the rules, or by another tool) must not
		// make every page of that person's fail: they get English and UTC until they fix it.
		locale: toLocale(user.locale),
		timeZone: isTimeZone(user.timeZone) ? user.timeZone : 'UTC',
		memberships: new Map(membershipRows),
		needToKnow: new Set(needsList({ role }) ? needToKnowIds : []),
		via
	};
}
