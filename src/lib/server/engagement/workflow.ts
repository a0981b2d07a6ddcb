import type { RequestStatus } from '../../engagement-codes.ts';

export type RequestEvent = 'submit' | 'start_assessment' | 'decide' | 'request_information';
export type Party = 'requester' | 'officer';

type Transition = { from: RequestStatus; event: RequestEvent; to: RequestStatus; by: Party };

/**
 * The request's life as data. A requester submits a draft (or a request sent back for more
 * information); an officer starts the assessment by assigning assessors, then decides, or sends
 * it back to the requester. A decided request is closed.
 */
export const TRANSITIONS: readonly Transition[] = [
	{ from: 'draft', event: 'submit', to: 'submitted', by: 'requester' },
	{ from: 'more_info', event: 'submit', to: 'submitted', by: 'requester' },
	{ from: 'submitted', event: 'start_assessment', to: 'in_assessment', by: 'officer' },
	{ from: 'in_assessment', event: 'decide', to: 'decided', by: 'officer' },
	{ from: 'in_assessment', event: 'request_information', to: 'more_info', by: 'officer' },
	{ from: 'submitted', event: 'request_information', to: 'more_info', by: 'officer' }
];

/** The status after `event`, or null when the move is not allowed from `from` for that party. */
export function nextStatus(from: RequestStatus, event: RequestEvent, by: Party): RequestStatus | null {
	return TRANSITIONS.find((t) => t.from === from && t.event === event && t.by === by)?.to ?? null;
}

/** The requester may change the request's content only while it is theirs to work on. */
export const editableByRequester = (s: RequestStatus) => s === 'draft' || s === 'more_info';
/** Assessors may be added while the request is submitted or under assessment. */
export const acceptsAssessors = (s: RequestStatus) => s === 'submitted' || s === 'in_assessment';
