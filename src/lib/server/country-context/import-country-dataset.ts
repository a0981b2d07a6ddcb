import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { COUNTRY_DATASET_MAX_BYTES } from '../../country-context/codes.ts';
import { countryDatasetInput } from '../../validation/country-context.ts';
import { parsePublications } from './parse-publications.ts';
import { parseRatings } from './parse-ratings.ts';
import { canImportCountryData } from './policies.ts';
import { describeProblems } from './row-problems.ts';
import { countryDatasetImports, countryPublications, countryRatings } from './schema.ts';

export type DatasetFile = { name: string; bytes: Uint8Array };

const maxMb = String(COUNTRY_DATASET_MAX_BYTES / 1048576);

/**
 * Imports one country dataset file with its source, date and licence. The whole file is checked
 * first and every problem reported by row; a file with any problem imports nothing. Earlier
 * imports stay as they were.
 */
export async function importCountryDataset(db: Db, actor: Actor, raw: unknown, file: DatasetFile | null) {
	ensure(canImportCountryData(actor));
	const input = parseInput(countryDatasetInput, raw);
	if (!file || file.bytes.length === 0) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { file: [m.v_file_required()] });
	if (file.bytes.length > COUNTRY_DATASET_MAX_BYTES)
		throw new DomainError('PAYLOAD_TOO_LARGE', m.v_file_too_large({ max: maxMb }), { file: [m.v_file_too_large({ max: maxMb })] });
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
	} catch {
		throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { file: [m.cc_e_encoding()] });
	}
	const ratings = input.kind === 'civic_space' ? parseRatings(text) : null;
	const publications = ratings ? null : parsePublications(text);
	const parsed = ratings ?? publications!;
	if (parsed.problems.length)
		throw new DomainError('INVALID_INPUT', m.cc_e_file_refused({ count: String(parsed.problems.length) }), {
			file: describeProblems(parsed.problems, input.kind === 'civic_space' ? 'row' : 'entry')
		});
	const fileName = file.name.replace(/[\\/\0\r\n]/g, '_').slice(0, 200) || 'dataset';

	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(countryDatasetImports)
			.values({ ...input, fileName, rowCount: parsed.rows.length, importedBy: isUser(actor) ? actor.userId : null })
			.returning();
		if (ratings) await tx.insert(countryRatings).values(ratings.rows.map((r) => ({ ...r, importId: row.id })));
		else await tx.insert(countryPublications).values(publications!.rows.map((r) => ({ ...r, importId: row.id })));
		await recordActivity(tx, actor, { subjectType: 'country_dataset', subjectId: row.id, action: 'imported', changes: { file: { from: null, to: fileName } } });
		return row;
	});
}
