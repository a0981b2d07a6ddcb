import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// A list page counts and explains its own results: the directory's "N organisations found" on the
// events list was a real slip. Each shared-looking label may appear only under its own list.

const ROOT = new URL('.', import.meta.url).pathname;
const OWNER: Record<string, string> = {
	'm.results_count(': 'directory/',
	'm.no_results(': 'directory/',
	'm.grant_results_count(': 'grants/',
	'm.grant_no_results(': 'grants/',
	'm.event_results_count(': 'events/',
	'm.event_no_results(': 'events/',
	'm.eng_results_count(': 'requests/',
	'm.eng_no_results(': 'requests/'
};

function pages(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return pages(path);
		return name.endsWith('.svelte') ? [path] : [];
	});
}

describe('list pages use their own result labels', () => {
	const files = pages(ROOT).map((p) => ({ path: relative(ROOT, p), source: readFileSync(p, 'utf8') }));
	it('finds the list pages', () => {
		expect(files.filter((f) => Object.keys(OWNER).some((k) => f.source.includes(k))).length).toBeGreaterThanOrEqual(4);
	});
	for (const [label, owner] of Object.entries(OWNER))
		it(`${label.slice(2, -1)} appears only under ${owner}`, () => {
			const misplaced = files.filter((f) => f.source.includes(label) && !f.path.startsWith(owner)).map((f) => f.path);
			expect(misplaced).toEqual([]);
		});
});
