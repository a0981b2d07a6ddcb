import { readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import autocannon from 'autocannon';

export type Target = {
	/** `baseline` is the bare floor; other names come from the scenario. */
	name: string;
	origin: string;
	paths: string[];
	headers: Record<string, string>;
	method?: 'GET' | 'POST';
	/** The server process answering, whose CPU time per request is reported (Linux only). */
	pid?: number;
};

export type Measurement = {
	scenario: string;
	target: Target['name'];
	database: string;
	connections: number;
	seconds: number;
	requests: number;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	/** Non-2xx responses plus connection errors and timeouts (no answer within 10 s). */
	errors: number;
	timeouts: number;
	statusCodes: Record<string, number>;
	ratioToBaseline?: number;
	/** CPU time the answering process spent per request (user + system), when it can be read. */
	cpuMsPerRequest?: number;
	/**
	 * The baseline's CPU per request divided by this target's: what "vs bare" would be if the two
	 * had the machine to themselves. On PGlite the database runs inside each process, so this holds
	 * the whole cost; on PostgreSQL it leaves out the database server's own work.
	 */
	cpuRatioToBaseline?: number;
};

/** User + system CPU time of a process in milliseconds, from /proc (undefined elsewhere). */
export function cpuMs(pid: number | undefined): number | undefined {
	if (!pid) return undefined;
	try {
		// Fields after the command name (which may hold spaces) start after the last ')'.
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').pop()!.trim().split(' ');
		// utime and stime are fields 14 and 15 of stat, 12 and 13 after the name; in clock ticks (100 a second).
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return undefined;
	}
}

/**
 * Every connection cycles through the same queries in order, so each run mixes broad and narrow
 * searches the same way whatever its length.
 */
export async function load(scenario: string, target: Target, database: string, connections: number, seconds: number): Promise<Measurement> {
	const cpuBefore = cpuMs(target.pid);
	const r = await autocannon({
		url: target.origin,
		connections,
		duration: seconds,
		headers: target.headers,
		requests: target.paths.map((path) => ({ method: target.method ?? 'GET', path }))
	});
	const cpuAfter = cpuMs(target.pid);
	const cpuMsPerRequest = cpuBefore !== undefined && cpuAfter !== undefined && r.requests.total ? round((cpuAfter - cpuBefore) / r.requests.total, 2) : undefined;
	const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, Number(v.count)]));
	return {
		scenario,
		target: target.name,
		database,
		connections,
		seconds: r.duration,
		requests: r.requests.total,
		requestsPerSecond: round(r.requests.average),
		p50Ms: r.latency.p50,
		p99Ms: r.latency.p99,
		// autocannon counts timeouts within errors already.
		errors: r.non2xx + r.errors,
		timeouts: r.timeouts,
		statusCodes,
		cpuMsPerRequest
	};
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export type ClientJs = { page: string; files: { url: string; bytes: number; gzipBytes: number }[]; gzipBytes: number };

const HTML_SCRIPT = /(?:src|href)="([^"]+\.js)"|import\(\s*"([^"]+\.js)"\s*\)/g;
// Static imports only: `import{x}from"./a.js"` and `import"./a.js"`. Dynamic import() is lazy
// code for other routes, which the directory page does not load.
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;

/**
 * What a browser downloads to hydrate the page: every script and modulepreload under /_app in the
 * HTML, and whatever those import statically. Gzip at level 9, as adapter-node's precompress does.
 */
export async function clientJsSize(pageUrl: string, headers: Record<string, string>): Promise<ClientJs> {
	const html = await (await fetch(pageUrl, { headers })).text();
	const pending = [...html.matchAll(HTML_SCRIPT)]
		.map((m) => new URL(m[1] ?? m[2], pageUrl).href)
		.filter((u) => new URL(u).pathname.includes('/_app/'));
	const seen = new Set<string>();
	const files: ClientJs['files'] = [];
	while (pending.length) {
		const url = pending.pop()!;
		if (seen.has(url)) continue;
		seen.add(url);
		const res = await fetch(url);
		if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
		const body = Buffer.from(await res.arrayBuffer());
		files.push({ url: new URL(url).pathname, bytes: body.length, gzipBytes: gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length });
		for (const m of body.toString('utf8').matchAll(STATIC_IMPORT)) pending.push(new URL(m[1], url).href);
	}
	files.sort((a, b) => b.gzipBytes - a.gzipBytes);
	return { page: new URL(pageUrl).pathname, files, gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}

export function table(rows: Measurement[]): string {
	const head = ['scenario', 'target', 'database', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'vs bare', 'cpu ms/req', 'cpu vs bare'];
	const body = rows.map((r) => [
		r.scenario,
		r.target,
		r.database,
		String(r.connections),
		r.requestsPerSecond.toFixed(1),
		String(r.p50Ms),
		String(r.p99Ms),
		String(r.errors),
		r.ratioToBaseline === undefined ? '-' : `${r.ratioToBaseline.toFixed(2)}×`,
		r.cpuMsPerRequest === undefined ? '-' : r.cpuMsPerRequest.toFixed(2),
		r.cpuRatioToBaseline === undefined ? '-' : `${r.cpuRatioToBaseline.toFixed(2)}×`
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
	return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** The slow mobile profile journey pages are judged on: 400 kbit/s down, 400 ms round trip. */
export const SLOW_3G = { bytesPerSecond: 400_000 / 8, rttMs: 400 };

export type SlowPage = { page: string; htmlBytes: number; cssBytes: number; firstRenderMs: number };

/** Bytes as they cross the wire (compressed when the server compresses), and the decoded text. */
function wire(url: string, headers: Record<string, string>): Promise<{ bytes: number; text: string }> {
	return new Promise((resolveWire, reject) => {
		const req = httpGet(url, { headers: { ...headers, 'accept-encoding': 'br, gzip' } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('error', reject);
			res.on('end', () => {
				const raw = Buffer.concat(chunks);
				const enc = res.headers['content-encoding'];
				const text = (enc === 'br' ? brotliDecompressSync(raw) : enc === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
				if ((res.statusCode ?? 500) >= 400) reject(new Error(`${url}: HTTP ${res.statusCode}`));
				else resolveWire({ bytes: raw.length, text });
			});
		});
		req.on('error', reject);
	});
}

/**
 * First render of a page on SLOW_3G, computed from what it sends: a new connection and its TLS
 * handshake (two round trips), the page's request (one), then the page and its stylesheets share
 * the bandwidth; the stylesheets are asked for once the head has arrived (one more round trip).
 * Scripts are deferred modules and do not hold the first render.
 */
export async function slowProfile(pageUrl: string, headers: Record<string, string>): Promise<SlowPage> {
	const html = await wire(pageUrl, headers);
	const sheets = [...html.text.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)]
		.map((m) => m[0].match(/\bhref="([^"]+)"/)?.[1])
		.filter((h): h is string => Boolean(h))
		.map((h) => new URL(h, pageUrl).href);
	let cssBytes = 0;
	for (const s of sheets) cssBytes += (await wire(s, {})).bytes;
	const { bytesPerSecond, rttMs } = SLOW_3G;
	const transfer = ((html.bytes + cssBytes) / bytesPerSecond) * 1000;
	const firstRenderMs = Math.round(3 * rttMs + Math.max(transfer, rttMs + (cssBytes / bytesPerSecond) * 1000));
	return { page: new URL(pageUrl).pathname, htmlBytes: html.bytes, cssBytes, firstRenderMs };
}
