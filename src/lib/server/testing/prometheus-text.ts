import { expect } from 'vitest';

export type Sample = { name: string; labels: Record<string, string>; value: number };
export type Family = { type: string; help: string; samples: Sample[] };

/**
 * A strict reading of Prometheus's text format (0.0.4): every line is blank, a HELP, a TYPE or a sample
 * of a declared family, label values are properly quoted and escaped, values are numbers.
 */
export function parseExposition(text: string): Map<string, Family> {
	const families = new Map<string, Family>();
	const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
	const LABEL = `([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"`;
	const sampleLine = new RegExp(`^(${NAME})(?:\\{((?:${LABEL})(?:,${LABEL})*)?,?\\})? (\\S+)(?: -?\\d+)?$`);
	expect(text.endsWith('\n')).toBe(true);
	for (const line of text.slice(0, -1).split('\n')) {
		let m: RegExpExecArray | null;
		if (line === '') continue; // blank lines are allowed between families
		if ((m = new RegExp(`^# HELP (${NAME}) (.*)$`).exec(line))) {
			expect(families.has(m[1]), `HELP for ${m[1]} given twice`).toBe(false);
			families.set(m[1], { type: '', help: m[2], samples: [] });
		} else if ((m = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`).exec(line))) {
			const f = families.get(m[1]);
			expect(f && f.type === '' && f.samples.length === 0, `TYPE for ${m[1]} out of place`).toBe(true);
			f!.type = m[2];
		} else if ((m = sampleLine.exec(line))) {
			const name = m[1];
			const base = [...families.keys()].find((f) => name === f || (/_(bucket|sum|count)$/.test(name) && name.replace(/_(bucket|sum|count)$/, '') === f));
			expect(base, `sample ${name} of no declared family`).toBeDefined();
			const labels: Record<string, string> = {};
			for (const l of (m[2] ?? '').matchAll(new RegExp(LABEL, 'g'))) labels[l[1]] = l[2];
			// Values as Prometheus reads them (Go's ParseFloat): numbers, NaN and ±Inf in any case.
			const raw = m[m.length - 1];
			expect(/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$|^nan$|^[+-]?inf$/i.test(raw), `bad value in ${line}`).toBe(true);
			const value = /nan/i.test(raw) ? NaN : /inf/i.test(raw) ? (raw.startsWith('-') ? -Infinity : Infinity) : Number(raw);
			families.get(base!)!.samples.push({ name, labels, value });
		} else {
			throw new Error(`not Prometheus text format: ${JSON.stringify(line)}`);
		}
	}
	for (const [name, f] of families) expect(f.type, `${name} has no TYPE`).not.toBe('');
	return families;
}
