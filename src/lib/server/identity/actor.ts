import type { MembershipRole, Role } from '../../roles.ts';
import { STAFF_ROLES } from '../../roles.ts';

/** Who is asking. Every use case receives one and decides from it. */
export type Actor =
	| { kind: 'anonymous' }
	| {
			kind: 'user';
			userId: string;
			name: string;
			email: string;
			role: Role;
			locale: string;
			timeZone: string;
			/** organisation id → the person's role in it */
			memberships: ReadonlyMap<string, MembershipRole>;
			/**
			 * Sensitive partners whose need-to-know list names this person (read for reviewers and
			 * finance only: admins and programme officers see every identity). Absent means none.
			 */
			needToKnow?: ReadonlySet<string>;
			via: 'session' | 'token';
			/**
			 * When this session last saw a proof of identity (signing in, or confirming again with a
			 * password or code). Absent for API tokens, which never count as a fresh proof.
			 */
			provenAt?: Date;
			/**
			 * The role the person holds but may not use yet, because it needs a second factor they have
			 * not set up: until then they act as a member and are sent to set it up.
			 */
			secondFactorMissingFor?: Role;
	  };
export type UserActor = Extract<Actor, { kind: 'user' }>;

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export const isUser = (a: Actor): a is UserActor => a.kind === 'user';
export const isStaff = (a: Actor): boolean => isUser(a) && STAFF_ROLES.includes(a.role);
export const hasRole = (a: Actor, ...roles: Role[]): boolean => isUser(a) && roles.includes(a.role);
export const membershipIn = (a: Actor, organisationId: string): MembershipRole | undefined =>
	isUser(a) ? a.memberships.get(organisationId) : undefined;
export const onNeedToKnowList = (a: Actor, organisationId: string): boolean =>
	isUser(a) && !!a.needToKnow?.has(organisationId);
