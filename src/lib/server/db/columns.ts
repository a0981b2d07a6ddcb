import { customType, timestamp } from 'drizzle-orm/pg-core';

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
	timestamp('updated_at', { withTimezone: true })
		.notNull()
		.defaultNow()
		.$onUpdate(() => new Date());

export const tsvector = customType<{ data: string }>({
	dataType: () => 'tsvector'
});

/**
 * Raw bytes. PGlite hands back a Uint8Array and node-postgres a Buffer (a Uint8Array too), so
 * callers see one type on both engines.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	toDriver: (v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength)
});
