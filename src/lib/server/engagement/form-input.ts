// Turns plain HTML form posts into the shapes the engagement schemas read; the use case validates.
import type { Band, Criterion, Gate } from '../../engagement-codes.ts';

/** Fields `level.<key>`, `note.<key>`, `confidence.<key>` and a `submit` button → assessment input. */
export function assessmentFromForm(fd: FormData) {
	const scores: Record<string, { level?: string; note?: string; confidence?: string }> = {};
	for (const [name, value] of fd.entries()) {
		const match = /^(level|note|confidence)\.([a-z0-9_]+)$/.exec(name);
		if (!match || typeof value !== 'string') continue;
		(scores[match[2]] ??= {})[match[1] as 'level' | 'note' | 'confidence'] = value;
	}
	return { scores, submit: fd.get('submit') === 'true' };
}

type Base = { criteria: Criterion[]; bands: Band[]; gate: Gate | null };

/**
 * The admin's criteria form → a new version's input. Keys and the band codes come from the
 * version being edited; everything else (texts, weights, polarity, thresholds, gate) from the form.
 */
export function criteriaSetFromForm(fd: FormData, base: Base) {
	const str = (name: string) => String(fd.get(name) ?? '');
	const num = (name: string) => {
		const v = str(name).trim();
		return v === '' ? Number.NaN : Number(v);
	};
	const tr = (prefix: string) => ({ en: str(`${prefix}.en`), es: str(`${prefix}.es`), fr: str(`${prefix}.fr`) });
	const gateLevel = str('gate.atOrBelow');
	return {
		criteria: base.criteria.map((c) => ({
			key: c.key,
			title: tr(`title.${c.key}`),
			question: tr(`question.${c.key}`),
			descriptors: [0, 1, 2, 3, 4].map((l) => tr(`descriptor.${c.key}.${l}`)),
			weight: num(`weight.${c.key}`),
			polarity: str(`polarity.${c.key}`)
		})),
		bands: base.bands.map((b) => ({ code: b.code, label: tr(`band.${b.code}`), min: num(`band.${b.code}.min`) })),
		gate: gateLevel === '' || !base.gate ? null : { criterion: base.gate.criterion, atOrBelow: Number(gateLevel) },
		note: str('note')
	};
}
