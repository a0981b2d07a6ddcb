/**
 * A programme is data: its calls, screeners, forms, stages and rubrics are stored as JSON in
 * these shapes and checked by the zod schemas in src/lib/validation/grants.ts. Nothing here
 * imports zod, so pages may use the types.
 */

/** A text in several languages; English is always present and is the fallback. */
export type Translated = { en: string; es?: string; fr?: string };

export const FIELD_TYPES = [
	'short_text',
	'long_text',
	'number',
	'money',
	'date',
	'single_choice',
	'multiple_choice',
	'file',
	'rows'
] as const;
export const COLUMN_TYPES = FIELD_TYPES.filter((t) => t !== 'rows') as Exclude<(typeof FIELD_TYPES)[number], 'rows'>[];
export type FieldType = (typeof FIELD_TYPES)[number];

export type ChoiceOption = { value: string; label: Translated };

export type FieldDef = {
	id: string;
	type: FieldType;
	label: Translated;
	help?: Translated;
	required?: boolean;
	/** Characters for texts, value for numbers and money. */
	min?: number;
	max?: number;
	maxLength?: number;
	/** A date that must not lie in the past. */
	notPast?: boolean;
	options?: ChoiceOption[];
	/** For repeatable rows: the columns of each row (no nested rows). */
	columns?: FieldDef[];
	minRows?: number;
	maxRows?: number;
	/** For files: the largest accepted size. */
	maxBytes?: number;
	/**
	 * The answer names a person or a way to reach them (a contact's name, an e-mail). Reviewers and
	 * finance not entitled to a sensitive partner's identity see it withheld.
	 */
	identifying?: boolean;
	/** No longer asked; kept so the answers given before stay readable under their question. */
	archived?: boolean;
};

export type SectionDef = { id: string; title: Translated; fields: FieldDef[] };

export type FormDef = {
	sections: SectionDef[];
	/** Where the requested amount comes from: a money field, or a money column summed over rows. */
	amount?: { field: string; column?: string };
	/** The field that must be filled when the amount is over the call's maximum award. */
	justificationField?: string;
	/** The field used as the application's title in lists. */
	titleField?: string;
};

export type ScreenerQuestion = {
	id: string;
	text: Translated;
	help?: Translated;
	options: ChoiceOption[];
	/** The answers that qualify. */
	qualifying: string[];
	/** Said to an applicant whose answer does not qualify. */
	failReason: Translated;
};
export type Screener = { questions: ScreenerQuestion[] };

export type Criterion = { id: string; label: Translated; help?: Translated; weight: number; maxPoints: number };
export type Rubric = { criteria: Criterion[] };

export type StageDef = {
	id: string;
	name: Translated;
	/** The form the applicant fills in for this stage; a stage without one (an interview) has no form. */
	form?: FormDef;
	rubric?: Rubric;
	/** Roles that may be assigned to review this stage, and how many reviews are expected. */
	reviewers: { roles: ('reviewer' | 'external_reviewer' | 'programme_officer' | 'admin')[]; count: number };
	/** An application moves on only when its reviews reach this mean percentage of the rubric. */
	advance?: { minMeanPercent: number; minReviews: number };
};

export type AnswerValue = string | number | string[] | Record<string, unknown>[] | FileAnswer | null;
export type FileAnswer = { key: string; name: string; size: number; type: string };
export type Answers = Record<string, AnswerValue>;

export { tr } from '../../grants-labels.ts';

export function allFields(form: FormDef | undefined): FieldDef[] {
	return form ? form.sections.flatMap((s) => s.fields) : [];
}

/** The fields an applicant is asked now: archived ones are left out of forms and checks. */
export function askedFields(form: FormDef | undefined): FieldDef[] {
	return allFields(form).filter((f) => !f.archived);
}
