// Codes shared by the reporting pages and the server. Kept free of zod so pages do not ship it.

/** What "support delivered" can be broken down by. */
export const INSIGHT_DIMENSIONS = ['country', 'region', 'kind', 'year'] as const;
export type InsightDimension = (typeof INSIGHT_DIMENSIONS)[number];

/** Every table on /insight, each downloadable on its own as CSV or XLSX. */
export const INSIGHT_TABLES = ['support', 'grants', 'outcomes', 'calls', 'funnel', 'reviewers', 'training'] as const;
export type InsightTable = (typeof INSIGHT_TABLES)[number];

/** The steps of a call's funnel, in order. */
export const FUNNEL_STEPS = ['started', 'submitted', 'screened', 'reviewed', 'awarded'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** A public count below this is not shown, so that a small number cannot point at one partner. */
export const SUPPRESS_BELOW = 5;
