import type { Tx } from '../db/types.ts';

/** The person whose data is exported or erased, as they were before anything was changed. */
export type DataSubject = { userId: string; email: string; name: string };

/**
 * What a capability plugs into export and erasure. Each capability that stores something about a
 * person provides one (in its own `privacy.ts`) and is listed once in `registry.ts`; the privacy
 * module never names another capability's tables itself.
 */
export type PrivacyContributor = {
	/** The key under which its part of the export appears. */
	key: string;
	/** The person's data held by this capability, as plain JSON. */
	exportData(tx: Tx, subject: DataSubject): Promise<unknown>;
	/**
	 * Removes or anonymises the person's data, inside the one erasure transaction. What the
	 * organisation must keep (decisions, awards, payments) stays, pointing at the anonymised user.
	 */
	erase(tx: Tx, subject: DataSubject): Promise<void | ErasedFiles>;
};

/** Stored files the erased rows pointed at, removed from storage once the erasure has committed. */
export type ErasedFiles = { fileKeys: string[] };

/** What replaces a name in records the organisation keeps: no name at all; pages show "former user" in the reader's language (see src/lib/people.ts). */
export { ERASED_NAME } from '../../people.ts';

/** A unique, undeliverable address (RFC 2606 `.invalid`) for rows whose e-mail column must stay filled. */
export const erasedAddress = (id: string) => `erased-${id}@erased.invalid`;
