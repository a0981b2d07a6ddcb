import { describe, expect, it } from 'vitest';
import { grantTransitionHappening, planNotice } from './routing.ts';

describe('which notice a happening produces, and for whom', () => {
	it('an assigned reviewer is told, pointing at the application', () => {
		const p = planNotice({ type: 'reviewer_assigned', applicationId: 'a1', reviewerId: 'u1' });
		expect(p).toMatchObject({ category: 'assigned', audience: { users: ['u1'] }, href: '/grants/applications/a1', mailedElsewhere: false });
	});
	it('assigned assessors are told, pointing at their assessment form', () => {
		const p = planNotice({ type: 'assessors_assigned', requestId: 'r1', assessorIds: ['u1', 'u2'] });
		expect(p).toMatchObject({ category: 'assigned', audience: { users: ['u1', 'u2'] }, href: '/requests/r1/assess' });
	});
	it('submitted requests, clinic requests and contact messages go to the officers', () => {
		expect(planNotice({ type: 'request_submitted', requestId: 'r1' }).audience).toEqual({ officers: true });
		expect(planNotice({ type: 'clinic_requested', clinicRequestId: 'c1' }).audience).toEqual({ officers: true });
		expect(planNotice({ type: 'contact_message', messageId: 'm1' }).audience).toEqual({ officers: true });
	});
	it('a submitted application and answered questions go to the call’s lead', () => {
		expect(planNotice({ type: 'application_submitted', applicationId: 'a1', callId: 'c1' }).audience).toEqual({ callLead: 'c1' });
		expect(planNotice({ type: 'information_answered', applicationId: 'a1', callId: 'c1' })).toMatchObject({ category: 'information_answered', audience: { callLead: 'c1' } });
		expect(planNotice({ type: 'report_submitted', applicationId: 'a1', callId: 'c1', reportId: 'rep' })).toMatchObject({ category: 'report_submitted', subjectId: 'rep', audience: { callLead: 'c1' } });
	});
	it('decisions and payments go to the partner’s members; a decision letter is already mailed, so the notice is in the hub only', () => {
		expect(planNotice({ type: 'application_decided', applicationId: 'a1', organisationId: 'o1' })).toMatchObject({ category: 'decision', audience: { members: 'o1' }, mailedElsewhere: true });
		expect(planNotice({ type: 'payment_recorded', applicationId: 'a1', organisationId: 'o1' })).toMatchObject({ category: 'payment_recorded', audience: { members: 'o1' }, mailedElsewhere: false });
		expect(planNotice({ type: 'request_decided', requestId: 'r1', requesterId: null }).audience).toEqual({ users: [] });
	});
	it('event changes and waitlist offers reach registrants with accounts; their mail carries the calendar file', () => {
		expect(planNotice({ type: 'event_changed', eventId: 'e1', userIds: ['u1'] })).toMatchObject({ category: 'event_changed', audience: { users: ['u1'] }, href: '/events/e1', mailedElsewhere: true });
		expect(planNotice({ type: 'waitlist_offered', eventId: 'e1', userId: null }).audience).toEqual({ users: [] });
	});
	it('grant workflow moves map to submitted, answered and decided; others produce nothing', () => {
		const a = { id: 'a1', callId: 'c1', organisationId: 'o1' };
		expect(grantTransitionHappening('submit', a)?.type).toBe('application_submitted');
		expect(grantTransitionHappening('answer_information', a)?.type).toBe('information_answered');
		expect(grantTransitionHappening('decline', a)?.type).toBe('application_decided');
		expect(grantTransitionHappening('award', a)?.type).toBe('application_decided');
		expect(grantTransitionHappening('start_screening', a)).toBeNull();
	});
});
