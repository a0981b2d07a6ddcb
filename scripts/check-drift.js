// Fails when the Drizzle schema has changes that no committed migration contains.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'sh-drift-'));
try {
	cpSync(join(root, 'drizzle'), out, { recursive: true });
	const before = readdirSync(out).length;
	execFileSync(
		process.execPath,
		[join(root, 'node_modules/drizzle-kit/bin.cjs'), 'generate', '--dialect', 'postgresql', '--schema', 'src/lib/server/db/schema.ts', '--out', out, '--casing', 'snake_case'],
		{ cwd: root, stdio: 'pipe' }
	);
	const added = readdirSync(out).length - before;
	if (added > 0) {
		console.error('Schema drift: the Drizzle schema differs from the committed migrations. Run `npm run db:generate` and commit the result.');
		process.exit(1);
	}
	console.log('No schema drift.');
} finally {
	rmSync(out, { recursive: true, force: true });
}
