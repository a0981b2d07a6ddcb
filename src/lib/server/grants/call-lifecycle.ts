import type { CALL_STATUSES } from './schema.ts';

export type CallStatus = (typeof CALL_STATUSES)[number];
export type CallTransition = { name: 'open' | 'close' | 'reopen' | 'archive'; from: CallStatus[]; to: CallStatus };

/**
 * A call's life as data: built as a draft, opened when every offered language is complete,
 * closed (no new applications or submissions, drafts kept), archived out of the lists.
 */
export const CALL_TRANSITIONS: CallTransition[] = [
	{ name: 'open', from: ['draft'], to: 'open' },
	{ name: 'close', from: ['open'], to: 'closed' },
	{ name: 'reopen', from: ['closed'], to: 'open' },
	{ name: 'archive', from: ['closed', 'draft'], to: 'archived' }
];

export const callTransitionsFrom = (status: string) => CALL_TRANSITIONS.filter((t) => (t.from as string[]).includes(status));
export const callTransitionNamed = (name: string) => CALL_TRANSITIONS.find((t) => t.name === name);
