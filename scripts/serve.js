// Runs the built app behind node:http. The adapter would assume https and trust no origin; the
// hub instead takes its public origin from ORIGIN (or, without it, plain http on the Host asked
// for), so forms work on http://localhost and behind a TLS proxy alike.
import http from 'node:http';
import process from 'node:process';

const origin = process.env.ORIGIN ? new URL(process.env.ORIGIN) : null;
process.env.PROTOCOL_HEADER = 'x-support-hub-proto';
process.env.HOST_HEADER = 'x-support-hub-host';
// Uploads are limited by the app itself (UPLOAD_MAX_BYTES), which answers in the reader's language;
// the raw body limit sits well above it so that only absurd requests meet the bare one.
process.env.BODY_SIZE_LIMIT ??= String(2 * Number(process.env.UPLOAD_MAX_BYTES || 10 * 1024 * 1024) + 1024 * 1024);

// Migrations ship beside this script, wherever the server is started from.
process.env.MIGRATIONS_DIR ??= new URL('../drizzle', import.meta.url).pathname;

/** @type {import('http').RequestListener} */
let handler;
try {
	({ handler } = await import('../build/handler.js'));
} catch (e) {
	// An operator's mistake (invalid configuration, a data directory another process holds) is
	// one line, not a stack trace.
	const line = /** @type {{ exitMessage?: unknown }} */ (e)?.exitMessage;
	if (typeof line !== 'string') throw e;
	console.error(line);
	process.exit(1);
}

// Static files (scripts, styles, images) bypass the app's hooks: they get the same protective
// headers here; the app's own answers set theirs again (with the page's nonce-based CSP).
const staticHeaders = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'same-origin',
	'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
	...(origin?.protocol === 'https:' ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {})
};

let stopping = false;
/** @type {Set<import('http').ServerResponse>} */
const inFlight = new Set();
const server = http.createServer((req, res) => {
	for (const [name, value] of Object.entries(staticHeaders)) res.setHeader(name, value);
	// A 304 refreshes the headers the browser stored with its copy. The app answers a page's 304
	// without the page's own CSP, so the static one set above would replace it and the browser
	// would then block the page's stylesheet on every repeat visit: a 304 carries no CSP at all.
	const writeHead = res.writeHead;
	res.writeHead = /** @type {typeof res.writeHead} */ (
		function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
			if (status === 304) res.removeHeader('content-security-policy');
			return writeHead.call(res, status, ...rest);
		}
	);
	if (stopping) {
		// A request that arrives on an open keep-alive connection after shutdown began is not taken.
		res.writeHead(503, { Connection: 'close', 'Retry-After': '5', 'Content-Type': 'text/plain; charset=utf-8' });
		res.end('Support Hub is restarting; try again in a moment.\n');
		return;
	}
	inFlight.add(res);
	res.on('close', () => inFlight.delete(res));
	// Overwritten on every request, so a client cannot choose the origin the app believes in.
	req.headers['x-support-hub-proto'] = origin ? origin.protocol.slice(0, -1) : 'http';
	req.headers['x-support-hub-host'] = origin ? origin.host : (req.headers.host ?? 'localhost');
	handler(req, res);
});

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => {
	console.log(`Support Hub listening on ${origin?.origin ?? `http://localhost:${port}`}`);
});

/**
 * Graceful stop: no new connections, no new requests on open ones (see above), the requests in
 * flight finish and their connections close after the answer; then the app closes its database.
 * Whatever still hangs after 10 s is cut, and the process ends by 20 s at the latest.
 * @param {NodeJS.Signals} signal
 */
function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`Support Hub stopping (${signal})…`);
	server.close(() => process.emit('sveltekit:shutdown', signal));
	// Answers still being prepared end their connection instead of keeping it alive.
	for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
	server.closeIdleConnections();
	const idle = setInterval(() => server.closeIdleConnections(), 100);
	idle.unref();
	setTimeout(() => server.closeAllConnections(), 10_000).unref();
	setTimeout(() => process.exit(0), 20_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
