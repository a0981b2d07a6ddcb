// Codes of the engagement capability, shared by pages and the server; kept free of zod.
export const REQUEST_KINDS = ['funding', 'consultants', 'in_person', 'other'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_STATUSES = ['draft', 'submitted', 'in_assessment', 'more_info', 'decided'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const DECISIONS = ['invest', 'decline', 'not_now', 'more_info'] as const;
export type DecisionOutcome = (typeof DECISIONS)[number];

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const GATE_STATES = ['clear', 'blocked', 'unknown'] as const;
export type GateState = (typeof GATE_STATES)[number];

export const LEVELS = [0, 1, 2, 3, 4] as const;
export const MAX_LEVEL = 4;
/** At most this many requests are compared side by side. */
export const COMPARE_LIMIT = 4;

/** A text stored in each of the hub's languages. */
export type Translated = { en: string; es: string; fr: string };

export type Criterion = {
	key: string;
	title: Translated;
	question: Translated;
	/** One descriptor per level, 0 to 4. */
	descriptors: Translated[];
	weight: number;
	/** 'negative' when a higher answer to the question is worse (more opposition). */
	polarity: 'positive' | 'negative';
};

/** Bands from the highest: a score at or above `min` falls in the band. */
export type Band = { code: string; min: number; label: Translated };

export type Gate = { criterion: string; atOrBelow: number };

export const pick = (t: Translated | undefined, locale: string): string =>
	t ? (t[locale as keyof Translated] || t.en) : '';
