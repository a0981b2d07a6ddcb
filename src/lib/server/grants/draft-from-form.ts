import { answersFromForm } from './answers.ts';
import type { FormDef } from './definition.ts';
import { screenerFromForm } from './form-data.ts';

/**
 * A posted draft (the Save draft button or the page's autosave) as `saveAnswers` takes it: the
 * stage form's answers, the screener while it has not been answered, and the answers version the
 * page was showing.
 */
export function draftFromForm(form: FormDef, fd: FormData, askScreener: boolean) {
	const base = fd.get('baseVersion');
	return {
		answers: answersFromForm(form, fd),
		...(askScreener ? { screener: screenerFromForm(fd) } : {}),
		...(typeof base === 'string' && base !== '' ? { baseVersion: base } : {})
	};
}
