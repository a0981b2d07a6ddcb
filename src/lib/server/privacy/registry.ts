import { activityPrivacy } from '../activity/privacy.ts';
import { contactPrivacy } from '../contact/privacy.ts';
import { directoryPrivacy } from '../directory/privacy.ts';
import { engagementPrivacy } from '../engagement/privacy.ts';
import { eventsPrivacy } from '../events/privacy.ts';
import { grantsPrivacy } from '../grants/privacy.ts';
import { identityPrivacy } from '../identity/privacy.ts';
import { jobsPrivacy } from '../jobs/privacy.ts';
import { mailPrivacy } from '../mail/privacy.ts';
import { notificationsPrivacy } from '../notifications/privacy.ts';
import { toolkitPrivacy } from '../toolkit/privacy.ts';
import type { PrivacyContributor } from './contributor.ts';

/**
 * Every capability that keeps something about a person. A new table with personal data gets its
 * rules in its capability's `privacy.ts` and a line here; the erasure test searching every text
 * column catches one that was forgotten. The account goes last: the others still find the person
 * by address and name until then.
 */
export const PRIVACY_CONTRIBUTORS: readonly PrivacyContributor[] = [
	directoryPrivacy,
	eventsPrivacy,
	grantsPrivacy,
	engagementPrivacy,
	toolkitPrivacy,
	mailPrivacy,
	notificationsPrivacy,
	contactPrivacy,
	jobsPrivacy,
	activityPrivacy,
	identityPrivacy
];
