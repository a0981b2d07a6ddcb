// Stored codes of the advocacy toolkit, kept free of zod so that pages can import them.

export const STEPS = [1, 2, 3, 4] as const;
export type Step = (typeof STEPS)[number];

/** The free-text fields of each step; lists (stakeholders, activities, …) live in their own tables. */
export const STEP_FIELDS = {
	1: ['problem', 'context', 'windows', 'risks'],
	2: ['goal', 'deadline', 'mandate', 'objectives', 'tocIf', 'tocThen', 'tocBecause'],
	3: ['managerName', 'managerRole', 'managerEmail', 'budgetNotes'],
	4: ['learning', 'adaptations']
} as const satisfies Record<Step, readonly string[]>;
export type StepField = (typeof STEP_FIELDS)[Step][number];
export type StepContent = Partial<Record<StepField, string>>;

export const STRATEGY_ROLES = ['editor', 'viewer'] as const;
export type StrategyRole = (typeof STRATEGY_ROLES)[number];

export const STAKEHOLDER_TYPES = ['government', 'legislature', 'oversight', 'business', 'civil_society', 'media', 'donor', 'international', 'other'] as const;
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];

/** Position on the reform, from strong opponent (-2) to strong supporter (2). */
export const POSITIONS = [-2, -1, 0, 1, 2] as const;
export const POWER_LEVELS = [1, 2, 3, 4, 5] as const;

export const AUDIENCES = ['public', 'influencers', 'decision_makers'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const CHANGES_SOUGHT = ['awareness', 'will', 'action'] as const;
export type ChangeSought = (typeof CHANGES_SOUGHT)[number];

export const ACTIVITY_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const MONITORING_KINDS = ['indicator', 'check_in', 'change'] as const;
export type MonitoringKind = (typeof MONITORING_KINDS)[number];

export const RESOURCE_TYPES = ['template', 'discussion_guide', 'brief', 'evidence', 'case_study'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const RESOURCE_TOPICS = ['open_contracting', 'procurement_data', 'beneficial_ownership', 'health', 'infrastructure', 'budget', 'civic_monitoring', 'legal_reform'] as const;
export type ResourceTopic = (typeof RESOURCE_TOPICS)[number];

export const FAQ_TOPICS = ['cost', 'confidentiality', 'officials', 'already_publish', 'data_quality', 'capacity', 'misuse', 'legal'] as const;
export type FaqTopic = (typeof FAQ_TOPICS)[number];

/** The languages the toolkit's own content is written in. */
export const CONTENT_LANGUAGES = ['en', 'es', 'fr'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/** Largest file staff may attach to a library item. */
export const RESOURCE_MAX_BYTES = 10 * 1024 * 1024;
