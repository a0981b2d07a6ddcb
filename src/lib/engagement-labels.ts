import { m } from '#lib/paraglide/messages.js';
import type { Confidence, DecisionOutcome, GateState, RequestKind, RequestStatus } from './engagement-codes.ts';

// Labels for the engagement capability's stored codes, in the reader's language.
const lookup = <K extends string>(table: Record<K, () => string>) => (code: string | null | undefined) =>
	code ? (table[code as K]?.() ?? code) : '';

export const requestKindLabel = lookup<RequestKind>({
	funding: m.eng_kind_funding,
	consultants: m.eng_kind_consultants,
	in_person: m.eng_kind_in_person,
	other: m.eng_kind_other
});

export const requestStatusLabel = lookup<RequestStatus>({
	draft: m.eng_status_draft,
	submitted: m.eng_status_submitted,
	in_assessment: m.eng_status_in_assessment,
	more_info: m.eng_status_more_info,
	decided: m.eng_status_decided
});

export const decisionLabel = lookup<DecisionOutcome>({
	invest: m.eng_decision_invest,
	decline: m.eng_decision_decline,
	not_now: m.eng_decision_not_now,
	more_info: m.eng_decision_more_info
});

export const confidenceLabel = lookup<Confidence>({
	low: m.eng_confidence_low,
	medium: m.eng_confidence_medium,
	high: m.eng_confidence_high
});

export const gateLabel = lookup<GateState>({
	clear: m.eng_gate_clear,
	blocked: m.eng_gate_blocked,
	unknown: m.eng_gate_unknown
});
