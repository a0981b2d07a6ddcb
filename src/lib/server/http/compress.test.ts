import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressResponse, pickEncoding } from './compress.ts';

const req = (acceptEncoding?: string, method = 'GET') => new Request('http://hub.test/events', { method, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
const page = '<!doctype html><main>' + '<option value="Europe/Madrid">Europe/Madrid</option>'.repeat(400) + '</main>';
const html = (body = page, extra: Record<string, string> = {}) => new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8', ...extra } });
const bytesOf = async (r: Response) => Buffer.from(await r.arrayBuffer());

describe('response compression', () => {
	it('prefers brotli, falls back to gzip, and respects q=0', () => {
		expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(pickEncoding('gzip, br;q=0')).toBe('gzip');
		expect(pickEncoding('br;q=0.5, gzip;q=1')).toBe('gzip');
		expect(pickEncoding('identity')).toBeNull();
		expect(pickEncoding(null)).toBeNull();
		expect(pickEncoding('*')).toBe('br');
	});

	it('compresses a generated page with brotli or gzip, and the bytes come back the same', async () => {
		const br = await compressResponse(req('br, gzip'), html());
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(br.headers.get('vary')).toMatch(/Accept-Encoding/);
		const brBytes = await bytesOf(br);
		expect(brBytes.byteLength).toBeLessThan(page.length / 10);
		expect(brotliDecompressSync(brBytes).toString()).toBe(page);
		const gz = await compressResponse(req('gzip'), html());
		expect(gz.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(await bytesOf(gz)).toString()).toBe(page);
	});

	it('leaves tiny bodies, downloads, images, HEAD requests and clients without support alone', async () => {
		const tiny = await compressResponse(req('br'), html('<p>ok</p>'));
		expect(tiny.headers.get('content-encoding')).toBeNull();
		expect(await tiny.text()).toBe('<p>ok</p>');
		const csvDownload = await compressResponse(req('br'), new Response(page, { headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="x.csv"' } }));
		expect(csvDownload.headers.get('content-encoding')).toBeNull();
		const png = await compressResponse(req('br'), new Response(new Uint8Array(5000), { headers: { 'content-type': 'image/png' } }));
		expect(png.headers.get('content-encoding')).toBeNull();
		const untouched = html();
		const plain = await compressResponse(req(), untouched);
		expect(plain).toBe(untouched);
		expect(plain.headers.get('vary')).toMatch(/Accept-Encoding/);
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(await plain.text()).toBe(page);
		const head = await compressResponse(req('br', 'HEAD'), html());
		expect(head.headers.get('content-encoding')).toBeNull();
	});

	it('compresses JSON from the API too', async () => {
		const body = JSON.stringify({ items: Array.from({ length: 100 }, (_, i) => ({ id: i, title: 'Session on open contracting' })) });
		const r = await compressResponse(req('gzip'), new Response(body, { headers: { 'content-type': 'application/json' } }));
		expect(r.headers.get('content-encoding')).toBe('gzip');
		expect(JSON.parse(gunzipSync(await bytesOf(r)).toString()).items).toHaveLength(100);
	});
});
