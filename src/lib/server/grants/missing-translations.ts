import type { CallDefinition } from '../../validation/grants.ts';
import type { Translated } from './definition.ts';

export type MissingText = { path: string; language: 'es' | 'fr' | 'en'; english: string };

/**
 * Every text of a call that is empty in a language the call offers. A call cannot open while this
 * list has anything: an applicant choosing Spanish would otherwise meet English in the middle of
 * a form. Optional texts (help) count only where they are written in some language.
 */
export function missingTranslations(d: CallDefinition): MissingText[] {
	const out: MissingText[] = [];
	const langs = d.languages.filter((l): l is 'en' | 'es' | 'fr' => l === 'en' || l === 'es' || l === 'fr');
	const check = (t: Translated | undefined, path: string) => {
		if (!t) return;
		for (const l of langs) if (!(t[l] ?? '').trim()) out.push({ path, language: l, english: t.en || t.es || t.fr || '' });
	};
	check(d.programme.name, 'programme.name');
	check(d.programme.description, 'programme.description');
	check(d.title, 'title');
	check(d.summary, 'summary');
	d.screener.questions.forEach((q, i) => {
		const at = `screener.questions.${i}`;
		check(q.text, `${at}.text`);
		check(q.help, `${at}.help`);
		check(q.failReason, `${at}.failReason`);
		q.options.forEach((o) => check(o.label, `${at}.options`));
	});
	d.stages.forEach((s, si) => {
		check(s.name, `stages.${si}.name`);
		s.rubric?.criteria.forEach((k, ki) => check(k.label, `stages.${si}.rubric.criteria.${ki}.label`));
		s.form?.sections.forEach((sec, xi) => {
			const at = `stages.${si}.form.sections.${xi}`;
			check(sec.title, `${at}.title`);
			sec.fields.forEach((f, fi) => {
				check(f.label, `${at}.fields.${fi}.label`);
				check(f.help, `${at}.fields.${fi}.help`);
				f.options?.forEach((o) => check(o.label, `${at}.fields.${fi}.options`));
				f.columns?.forEach((c) => check(c.label, `${at}.fields.${fi}.columns`));
			});
		});
	});
	return out;
}
