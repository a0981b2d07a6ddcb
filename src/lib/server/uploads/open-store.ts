import type { Db } from '../db/types.ts';
import { databaseFileStore } from './db-store.ts';
import type { FileStore } from './file-store.ts';
import { parseS3Url, s3FileStore } from './s3-store.ts';

/** The database unless STORAGE_URL names an object store. */
export function openFileStore(db: Db, storageUrl: string | undefined): FileStore {
	return storageUrl ? s3FileStore(parseS3Url(storageUrl)) : databaseFileStore(db);
}
