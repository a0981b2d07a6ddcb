import type { NotificationCategory } from '../../notifications/categories.ts';

// What happened in a capability → which notice, for whom, pointing where. Pure, so "who hears
// about what" is one table that unit tests read cell by cell.

export type Happening =
	| { type: 'reviewer_assigned'; applicationId: string; reviewerId: string }
	| { type: 'assessors_assigned'; requestId: string; assessorIds: string[] }
	| { type: 'request_submitted'; requestId: string }
	| { type: 'clinic_requested'; clinicRequestId: string }
	| { type: 'application_submitted'; applicationId: string; callId: string }
	| { type: 'information_answered'; applicationId: string; callId: string }
	| { type: 'application_decided'; applicationId: string; organisationId: string }
	| { type: 'request_decided'; requestId: string; requesterId: string | null }
	| { type: 'payment_recorded'; applicationId: string; organisationId: string }
	| { type: 'report_submitted'; applicationId: string; callId: string; reportId: string }
	| { type: 'event_changed'; eventId: string; userIds: string[] }
	| { type: 'waitlist_offered'; eventId: string; userId: string | null }
	| { type: 'contact_message'; messageId: string };

export type Audience = { users: string[] } | { officers: true } | { callLead: string } | { members: string };

export type Plan = {
	category: NotificationCategory;
	subjectKind: string;
	subjectId: string;
	href: string;
	audience: Audience;
	/** The capability sends its own mail to these people (a decision letter, a calendar file). */
	mailedElsewhere: boolean;
};

/** The notice a grant workflow move produces, if any. */
export function grantTransitionHappening(transition: string, a: { id: string; callId: string; organisationId: string }): Happening | null {
	if (transition === 'submit') return { type: 'application_submitted', applicationId: a.id, callId: a.callId };
	if (transition === 'answer_information') return { type: 'information_answered', applicationId: a.id, callId: a.callId };
	if (transition === 'award' || transition === 'decline' || transition === 'advance_stage') return { type: 'application_decided', applicationId: a.id, organisationId: a.organisationId };
	return null;
}

const app = (id: string) => `/grants/applications/${id}`;

export function planNotice(h: Happening): Plan {
	switch (h.type) {
		case 'reviewer_assigned':
			return { category: 'assigned', subjectKind: 'application', subjectId: h.applicationId, href: app(h.applicationId), audience: { users: [h.reviewerId] }, mailedElsewhere: false };
		case 'assessors_assigned':
			return { category: 'assigned', subjectKind: 'request', subjectId: h.requestId, href: `/requests/${h.requestId}/assess`, audience: { users: h.assessorIds }, mailedElsewhere: false };
		case 'request_submitted':
			return { category: 'request_submitted', subjectKind: 'request', subjectId: h.requestId, href: `/requests/${h.requestId}`, audience: { officers: true }, mailedElsewhere: false };
		case 'clinic_requested':
			return { category: 'clinic_requested', subjectKind: 'clinic_request', subjectId: h.clinicRequestId, href: '/events/manage/clinics', audience: { officers: true }, mailedElsewhere: false };
		case 'application_submitted':
			return { category: 'application_submitted', subjectKind: 'application', subjectId: h.applicationId, href: app(h.applicationId), audience: { callLead: h.callId }, mailedElsewhere: false };
		case 'information_answered':
			return { category: 'information_answered', subjectKind: 'application', subjectId: h.applicationId, href: app(h.applicationId), audience: { callLead: h.callId }, mailedElsewhere: false };
		case 'application_decided':
			return { category: 'decision', subjectKind: 'application', subjectId: h.applicationId, href: app(h.applicationId), audience: { members: h.organisationId }, mailedElsewhere: true };
		case 'request_decided':
			return { category: 'decision', subjectKind: 'request', subjectId: h.requestId, href: `/requests/${h.requestId}`, audience: { users: h.requesterId ? [h.requesterId] : [] }, mailedElsewhere: true };
		case 'payment_recorded':
			return { category: 'payment_recorded', subjectKind: 'application', subjectId: h.applicationId, href: app(h.applicationId), audience: { members: h.organisationId }, mailedElsewhere: false };
		case 'report_submitted':
			return { category: 'report_submitted', subjectKind: 'grant_report', subjectId: h.reportId, href: app(h.applicationId), audience: { callLead: h.callId }, mailedElsewhere: false };
		case 'event_changed':
			return { category: 'event_changed', subjectKind: 'event', subjectId: h.eventId, href: `/events/${h.eventId}`, audience: { users: h.userIds }, mailedElsewhere: true };
		case 'waitlist_offered':
			return { category: 'waitlist_offered', subjectKind: 'event', subjectId: h.eventId, href: `/events/${h.eventId}`, audience: { users: h.userId ? [h.userId] : [] }, mailedElsewhere: true };
		case 'contact_message':
			return { category: 'contact_message', subjectKind: 'contact_message', subjectId: h.messageId, href: `/inbox/${h.messageId}`, audience: { officers: true }, mailedElsewhere: false };
	}
}
