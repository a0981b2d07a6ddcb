import type { FileAnswer } from './definition.ts';

const isFileAnswer = (v: unknown): v is FileAnswer =>
	typeof v === 'object' && v !== null && typeof (v as FileAnswer).key === 'string' && typeof (v as FileAnswer).size === 'number';

/** The storage keys of every file uploaded into a set of answers, in file fields and in rows' file columns. */
export function answerFileKeys(answers: unknown): string[] {
	if (isFileAnswer(answers)) return [answers.key];
	if (Array.isArray(answers)) return answers.flatMap(answerFileKeys);
	if (answers && typeof answers === 'object') return Object.values(answers).flatMap(answerFileKeys);
	return [];
}
