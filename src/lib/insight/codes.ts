// Outcome-tracking codes shared by pages and the server. Kept free of zod so pages do not ship it.

/** What an indicator is attached to: an invested engagement request, an awarded grant, a strategy. */
export const INDICATOR_SUBJECTS = ['request', 'grant', 'strategy'] as const;
export type IndicatorSubject = (typeof INDICATOR_SUBJECTS)[number];

/** Staff's reading of a reported value. */
export const OUTCOME_STATUSES = ['achieved', 'on_track', 'off_track', 'not_achieved', 'too_early'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/** Where an actual value was reported from. */
export const ACTUAL_SOURCES = ['grant_report', 'monitoring_entry', 'check_in'] as const;
export type ActualSource = (typeof ACTUAL_SOURCES)[number];

/** The impact areas every hub starts with; more are added as data. */
export const BUILT_IN_IMPACT_AREAS = ['competition', 'savings', 'service_delivery', 'governance_trust'] as const;

/** The natural source of actuals for each kind of subject; a check-in is always possible. */
export const SOURCES_FOR: Record<IndicatorSubject, readonly ActualSource[]> = {
	grant: ['grant_report', 'check_in'],
	strategy: ['monitoring_entry', 'check_in'],
	request: ['check_in']
};
