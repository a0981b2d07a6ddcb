import type { DbOrTx } from '../db/types.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { getFinanceHome } from './finance-home.ts';
import { getOfficerHome, type HomeScope } from './officer-home.ts';
import { getPartnerHome } from './partner-home.ts';
import { getReviewerHome } from './reviewer-home.ts';
import { getVisitorHome } from './visitor-home.ts';

/**
 * Everyone's `/`: the page that says what needs them next, chosen by their role. A visitor (or
 * anyone reading the offer) gets the front door.
 */
export async function getHome(db: DbOrTx, actor: Actor, locale: string, now = new Date(), scope: HomeScope = 'mine') {
	if (!isUser(actor)) return getVisitorHome(db, locale, now);
	switch (actor.role) {
		case 'admin':
		case 'programme_officer':
			return getOfficerHome(db, actor, locale, now, scope);
		case 'reviewer':
		case 'external_reviewer':
			return getReviewerHome(db, actor, locale);
		case 'finance':
			return getFinanceHome(db, actor, now);
		case 'member':
			return getPartnerHome(db, actor, locale, now);
	}
}
export type Home = Awaited<ReturnType<typeof getHome>>;
