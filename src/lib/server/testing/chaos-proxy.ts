import net from 'node:net';

/**
 * A TCP proxy of the test's own between the app's pool and PostgreSQL, so that the database can
 * be made to refuse, swallow (black-hole), cut or slow every connection, and come back.
 */
export type Mode = 'pass' | 'blackhole' | 'slow';
export class ChaosProxy {
	private server: net.Server | undefined;
	private sockets = new Set<net.Socket>();
	mode: Mode = 'pass';
	slowMs = 0;
	port = 0;
	constructor(
		private target: { host: string; port: number }
	) {}

	async listen() {
		this.server = net.createServer((client) => this.accept(client));
		await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', () => r()));
		this.port = (this.server.address() as net.AddressInfo).port;
	}

	private accept(client: net.Socket) {
		this.sockets.add(client);
		client.on('close', () => this.sockets.delete(client));
		client.on('error', () => {});
		if (this.mode === 'blackhole') return; // accepted, never answered
		const upstream = net.connect(this.target);
		this.sockets.add(upstream);
		upstream.on('close', () => (this.sockets.delete(upstream), client.destroy()));
		upstream.on('error', () => client.destroy());
		client.on('close', () => upstream.destroy());
		const relay = (from: net.Socket, to: net.Socket) =>
			from.on('data', (chunk) => {
				// Each chunk is judged when it arrives: swallowed while black-holed, delayed while slow.
				if (this.mode === 'blackhole') return;
				if (this.mode === 'slow') setTimeout(() => to.writable && to.write(chunk), this.slowMs);
				else if (to.writable) to.write(chunk);
			});
		relay(client, upstream);
		relay(upstream, client);
	}

	/** Every open connection is cut, as a failing network or a restarted server would. */
	cutAll() {
		for (const s of this.sockets) s.destroy();
		this.sockets.clear();
	}

	/** Nothing listens any more: new connections are refused. */
	async refuse() {
		this.cutAll();
		await new Promise<void>((r) => this.server!.close(() => r()));
		this.server = undefined;
	}

	async restore() {
		this.mode = 'pass';
		if (!this.server) await this.listen();
	}

	async close() {
		this.cutAll();
		if (this.server) await new Promise<void>((r) => this.server!.close(() => r()));
	}
}
