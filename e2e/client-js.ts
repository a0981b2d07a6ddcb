// What each page of the production build makes a browser download as script, read from the
// build itself rather than a browser: SvelteKit's manifest lists, for every route, the modules its
// layouts and page preload (every static import included); pages with `csr = false` load none of
// them. Sizes are of the `.gz` files adapter-node precompresses (gzip level 9), which is what a
// browser without brotli receives.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Node = { imports?: string[]; server?: { csr?: boolean }; universal?: { csr?: boolean } };
type Manifest = {
	client: { imports: string[] };
	nodes: (() => Promise<Node>)[];
	routes: { id: string; page: { layouts: (number | undefined)[]; leaf: number } | null }[];
};

export type RouteScript = { route: string; gzipBytes: number; files: string[] };

const gzipBytes = (buildDir: string, file: string) => statSync(join(buildDir, 'client', `${file}.gz`)).size;

/** Every page route that hydrates, with the gzip size of all the script it loads. */
export async function clientJsByRoute(buildDir: string): Promise<RouteScript[]> {
	const { manifest } = (await import(pathToFileURL(join(buildDir, 'server/manifest.js')).href)) as { manifest: Manifest };
	const out: RouteScript[] = [];
	for (const route of manifest.routes) {
		if (!route.page) continue;
		const nodes = await Promise.all([...route.page.layouts.filter((i) => i !== undefined), route.page.leaf].map((i) => manifest.nodes[i]()));
		// The innermost node that says decides, as in SvelteKit.
		const csr = nodes.reduce<boolean>((on, n) => n.universal?.csr ?? n.server?.csr ?? on, true);
		if (!csr) continue;
		const files = new Set(manifest.client.imports);
		for (const n of nodes) for (const f of n.imports ?? []) files.add(f);
		out.push({ route: route.id, files: [...files], gzipBytes: [...files].reduce((s, f) => s + gzipBytes(buildDir, f), 0) });
	}
	return out.sort((a, b) => b.gzipBytes - a.gzipBytes);
}

/** Scripts a page without the framework loads on its own (bundled with `?worker&url`). */
export function standaloneScripts(buildDir: string): RouteScript[] {
	const dir = join(buildDir, 'client/_app/immutable/workers');
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.js'))
		.map((f) => ({ route: f, files: [f], gzipBytes: statSync(join(dir, `${f}.gz`)).size }));
}
