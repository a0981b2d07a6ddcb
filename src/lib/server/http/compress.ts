import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

/** Bodies smaller than this go out as they are: compressing them saves less than it costs. */
export const MIN_COMPRESS_BYTES = 1024;

// Text the hub generates. Images, PDFs, office files and archives are compressed already, and
// downloads (attachments) keep their exact bytes and length.
const COMPRESSIBLE = /^(text\/(html|plain|csv|calendar|css|javascript|markdown)|application\/(json|problem\+json|xml|javascript|openapi\+json)|image\/svg\+xml)\b/i;

/** Brotli when the client takes it, else gzip, else nothing; q=0 refuses an encoding. */
export function pickEncoding(acceptEncoding: string | null): 'br' | 'gzip' | null {
	if (!acceptEncoding) return null;
	const q = new Map<string, number>();
	for (const part of acceptEncoding.toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		q.set(name.trim(), qp ? Number(qp.slice(2)) || 0 : 1);
	}
	const weight = (n: string) => q.get(n) ?? q.get('*') ?? 0;
	if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
	if (weight('gzip') > 0) return 'gzip';
	return null;
}

/** Reads from the body until at least `min` bytes or its end, so tiny bodies can be told apart. */
async function peek(body: ReadableStream<Uint8Array>, min: number) {
	const reader = body.getReader();
	const head: Uint8Array[] = [];
	let size = 0;
	let done = false;
	while (size < min) {
		const r = await reader.read();
		if (r.done) {
			done = true;
			break;
		}
		head.push(r.value);
		size += r.value.byteLength;
	}
	const rest = new ReadableStream<Uint8Array>({
		start(controller) {
			for (const c of head) controller.enqueue(c);
			if (done) controller.close();
		},
		async pull(controller) {
			const r = await reader.read();
			if (r.done) controller.close();
			else controller.enqueue(r.value);
		},
		cancel: (reason) => reader.cancel(reason)
	});
	return { size, done, rest };
}

function withVary(response: Response): Response {
	try {
		response.headers.append('vary', 'Accept-Encoding');
		return response;
	} catch {
		// Headers of a fetched response are immutable: answer with a copy.
		const copy = new Response(response.body, response);
		copy.headers.append('vary', 'Accept-Encoding');
		return copy;
	}
}

/**
 * Compresses a generated response for a client that accepts it. Each chunk is flushed as it is
 * written, so a page that streams still arrives in pieces.
 */
export async function compressResponse(request: Request, response: Response): Promise<Response> {
	const h = response.headers;
	if (request.method === 'HEAD' || !response.body || [204, 206, 304].includes(response.status)) return response;
	if (h.has('content-encoding') || !COMPRESSIBLE.test(h.get('content-type') ?? '')) return response;
	if (/^\s*attachment/i.test(h.get('content-disposition') ?? '')) return response;
	if (h.has('content-length') && Number(h.get('content-length')) < MIN_COMPRESS_BYTES) return response;
	const encoding = pickEncoding(request.headers.get('accept-encoding'));
	// A client that takes no compression gets the response untouched: no copy of its headers or body.
	if (!encoding) return withVary(response);
	const headers = new Headers(h);
	headers.append('vary', 'Accept-Encoding');
	const { size, done, rest } = await peek(response.body, MIN_COMPRESS_BYTES);
	if (done && size < MIN_COMPRESS_BYTES) return new Response(rest, { status: response.status, statusText: response.statusText, headers });
	const zip =
		encoding === 'br'
			? createBrotliCompress({ flush: constants.BROTLI_OPERATION_FLUSH, params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
			: createGzip({ level: 6, flush: constants.Z_SYNC_FLUSH });
	const out = Readable.fromWeb(rest as unknown as NodeWebStream<Uint8Array>).pipe(zip);
	headers.set('content-encoding', encoding);
	headers.delete('content-length');
	return new Response(Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>, { status: response.status, statusText: response.statusText, headers });
}
