import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileStoreContract } from './contract.ts';
import type { FileStore } from './file-store.ts';
import { parseS3Url, s3FileStore } from './s3-store.ts';

// s3rver speaks the S3 protocol over HTTP, the way smtp-server stands in for a mail server.
const dir = mkdtempSync(join(tmpdir(), 'sh-s3-'));
let server: S3rver;
let store: FileStore;

beforeAll(async () => {
	server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: 'hub-files', configs: [] }] });
	const { port } = await server.run();
	store = s3FileStore(parseS3Url(`s3+http://S3RVER:S3RVER@127.0.0.1:${port}/hub-files/uploads?region=eu-west-1`));
});
afterAll(async () => {
	await server.close();
	rmSync(dir, { recursive: true, force: true });
});

fileStoreContract('S3', () => store);

describe('STORAGE_URL for an object store', () => {
	it('names Amazon S3 by bucket, or any S3-compatible store by host and path', () => {
		expect(parseS3Url('s3://hub-files/prod', { AWS_REGION: 'eu-central-1' })).toEqual({ bucket: 'hub-files', prefix: 'prod', region: 'eu-central-1' });
		expect(parseS3Url('s3+https://ak:s%2Fk@objects.example.org/hub/files?region=fr-par')).toEqual({
			bucket: 'hub',
			prefix: 'files',
			endpoint: 'https://objects.example.org',
			region: 'fr-par',
			credentials: { accessKeyId: 'ak', secretAccessKey: 's/k' }
		});
		expect(() => parseS3Url('s3+https://objects.example.org/')).toThrow(/bucket/);
		expect(() => parseS3Url('ftp://x/y')).toThrow(/STORAGE_URL/);
	});
});
