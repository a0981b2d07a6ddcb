import { bigint, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { bytea, createdAt } from '../db/columns.ts';

/**
 * A file kept in the database (the default storage back end). The header row is written last,
 * after every chunk, so a file whose upload broke off half-way is never served.
 */
export const storedFiles = pgTable('stored_files', {
	key: text('key').primaryKey(),
	sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
	chunkCount: integer('chunk_count').notNull(),
	createdAt: createdAt()
});

/** A file's bytes in fixed-size pieces, so neither writing nor reading holds a whole file in memory. */
export const storedFileChunks = pgTable(
	'stored_file_chunks',
	{
		fileKey: text('file_key').notNull(),
		seq: integer('seq').notNull(),
		data: bytea('data').notNull()
	},
	(t) => [primaryKey({ columns: [t.fileKey, t.seq] })]
);
