import { answerCell } from './answer-cells.ts';
import { allFields, tr, type Answers, type FormDef } from './definition.ts';
import type { SavedAnswers } from './save-answers.ts';

/** What an applicant is shown when another member saved first: each differing question, both answers. */
export type DraftConflict = {
	version: number;
	savedByName: string | null;
	savedAt: string | null;
	changes: { id: string; label: string; theirs: string; yours: string }[];
};

/** The conflict in the reader's language, answers written as a person reads them (choices by label, rows by line). */
export function describeDraftConflict(form: FormDef, c: { theirs: SavedAnswers; yours: Answers; fields: string[] }, locale: string): DraftConflict {
	const byId = new Map(allFields(form).map((f) => [f.id, f]));
	return {
		version: c.theirs.version,
		savedByName: c.theirs.savedByName,
		savedAt: c.theirs.savedAt?.toISOString() ?? null,
		changes: c.fields.flatMap((id) => {
			const f = byId.get(id);
			if (!f) return [];
			return [{ id, label: tr(f.label, locale), theirs: String(answerCell(f, c.theirs.answers[id], locale)), yours: String(answerCell(f, c.yours[id], locale)) }];
		})
	};
}

/** The questions, in the reader's language, where a colleague's saved change was kept beside the person's own. */
export function keptQuestions(form: FormDef, kept: readonly string[], locale: string): string[] {
	const byId = new Map(allFields(form).map((f) => [f.id, f]));
	return kept.flatMap((id) => {
		const f = byId.get(id);
		return f ? [tr(f.label, locale)] : [];
	});
}
