import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { findVisibleOrganisation } from './find-organisation.ts';
import {
	canEditOrganisation,
	canManageAgreements,
	canManageMembers,
	canSeeActivity,
	canSeePrivate,
	canSetSensitivity
} from './policies.ts';

/** The organisation with what this actor may do with it, so pages show only the actions that will succeed. */
export async function getOrganisation(db: Db, actor: Actor, id: string) {
	const org = await findVisibleOrganisation(db, actor, id);
	return {
		org,
		can: {
			seePrivate: canSeePrivate(actor, org).allowed,
			edit: canEditOrganisation(actor, org).allowed,
			manageMembers: canManageMembers(actor, org).allowed,
			manageAgreements: canManageAgreements(actor).allowed,
			setSensitivity: canSetSensitivity(actor).allowed,
			seeActivity: canSeeActivity(actor).allowed
		}
	};
}
export type OrganisationView = Awaited<ReturnType<typeof getOrganisation>>;
