import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { FileBody, FileStore } from './file-store.ts';

export type S3Location = {
	bucket: string;
	prefix: string;
	endpoint?: string;
	region: string;
	credentials?: { accessKeyId: string; secretAccessKey: string };
};

/**
 * Reads STORAGE_URL for an object store:
 * - `s3://bucket/prefix` — Amazon S3 itself; region and credentials from the usual AWS settings
 *   (AWS_REGION, AWS_ACCESS_KEY_ID, an instance role…);
 * - `s3+https://KEY:SECRET@host[:port]/bucket/prefix?region=…` (or `s3+http://` inside a private
 *   network) — any S3-compatible store, addressed by path rather than by bucket host name.
 */
export function parseS3Url(raw: string, env: NodeJS.ProcessEnv = process.env): S3Location {
	const url = new URL(raw);
	const region = url.searchParams.get('region') ?? env.AWS_REGION ?? 'us-east-1';
	if (url.protocol === 's3:') {
		const prefix = url.pathname.replace(/^\/+|\/+$/g, '');
		if (!url.hostname) throw new Error('STORAGE_URL s3://… must name a bucket');
		return { bucket: url.hostname, prefix, region };
	}
	if (url.protocol !== 's3+http:' && url.protocol !== 's3+https:') throw new Error('STORAGE_URL must start with s3://, s3+https:// or s3+http://');
	const [bucket, ...rest] = url.pathname.replace(/^\/+|\/+$/g, '').split('/');
	if (!bucket) throw new Error('STORAGE_URL must name a bucket after the host, e.g. s3+https://host/bucket');
	const endpoint = `${url.protocol === 's3+https:' ? 'https' : 'http'}://${url.host}`;
	const credentials = url.username ? { accessKeyId: decodeURIComponent(url.username), secretAccessKey: decodeURIComponent(url.password) } : undefined;
	return { bucket, prefix: rest.join('/'), endpoint, region, credentials };
}

const missing = (err: unknown) =>
	err instanceof NoSuchKey || (err instanceof S3ServiceException && (err.name === 'NoSuchKey' || err.$metadata.httpStatusCode === 404));

/** Files as objects in one bucket, under an optional prefix; bodies are streamed both ways. */
export function s3FileStore(loc: S3Location): FileStore {
	const client = new S3Client({
		region: loc.region,
		endpoint: loc.endpoint,
		forcePathStyle: Boolean(loc.endpoint),
		credentials: loc.credentials,
		// Newer SDKs frame streamed bodies as aws-chunked with a trailing checksum, which many
		// S3-compatible stores do not understand (they would store the framing): elsewhere than
		// Amazon, checksums are sent only where the operation requires them.
		...(loc.endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED' as const, responseChecksumValidation: 'WHEN_REQUIRED' as const } : {})
	});
	const objectKey = (key: string) => (loc.prefix ? `${loc.prefix}/${key}` : key);
	return {
		kind: 's3',
		async put(body: FileBody, key = randomUUID()) {
			const Body = body instanceof Uint8Array ? body : Readable.fromWeb(body.stream() as import('node:stream/web').ReadableStream<Uint8Array>);
			const ContentLength = body instanceof Uint8Array ? body.byteLength : body.size;
			// Stored objects are private bytes; their type is kept in the hub's own tables.
			await client.send(new PutObjectCommand({ Bucket: loc.bucket, Key: objectKey(key), Body, ContentLength, ContentType: 'application/octet-stream' }));
			return key;
		},
		async open(key: string) {
			try {
				const out = await client.send(new GetObjectCommand({ Bucket: loc.bucket, Key: objectKey(key) }));
				if (!out.Body) return null;
				return { size: out.ContentLength ?? 0, stream: out.Body.transformToWebStream() as ReadableStream<Uint8Array> };
			} catch (err) {
				if (missing(err)) return null;
				throw err;
			}
		},
		async remove(key: string) {
			await client.send(new DeleteObjectCommand({ Bucket: loc.bucket, Key: objectKey(key) }));
		},
		async *list() {
			const Prefix = loc.prefix ? `${loc.prefix}/` : undefined;
			let ContinuationToken: string | undefined;
			do {
				const page = await client.send(new ListObjectsV2Command({ Bucket: loc.bucket, Prefix, ContinuationToken }));
				for (const o of page.Contents ?? []) if (o.Key) yield Prefix ? o.Key.slice(Prefix.length) : o.Key;
				ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
			} while (ContinuationToken);
		}
	};
}
