// Plain HTML forms post flat fields; these turn them into the shapes the use cases accept.

const str = (fd: FormData, k: string) => {
	const v = fd.get(k);
	return typeof v === 'string' ? v : '';
};

/** `s.<question>` radio buttons → screener answers. */
export function screenerFromForm(fd: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of fd.entries()) if (k.startsWith('s.') && typeof v === 'string' && v) out[k.slice(2)] = v;
	return out;
}

/** `scores.<criterion>.points` and `.comment` → review input. */
export function reviewFromForm(fd: FormData) {
	const scores: Record<string, { points: string; comment: string }> = {};
	for (const [k, v] of fd.entries()) {
		const m = k.match(/^scores\.([a-z0-9_]+)\.(points|comment)$/);
		if (m && typeof v === 'string') (scores[m[1]] ??= { points: '', comment: '' })[m[2] as 'points' | 'comment'] = v;
	}
	return { scores, comment: str(fd, 'comment'), revision: str(fd, 'revision') };
}

/** Report: ticked changes, a narrative, evidence links one per line. */
export function reportFromForm(fd: FormData) {
	return {
		changes: fd.getAll('changes').filter((v) => typeof v === 'string'),
		narrative: str(fd, 'narrative'),
		evidenceLinks: str(fd, 'evidenceLinks')
			.split(/\s+/)
			.map((s) => s.trim())
			.filter(Boolean)
	};
}

export const fields = (fd: FormData, ...names: string[]) => Object.fromEntries(names.map((n) => [n, str(fd, n)]));
