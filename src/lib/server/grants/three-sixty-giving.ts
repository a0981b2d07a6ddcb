import { stringify } from 'csv-stringify/sync';
import { neutraliseRow } from '../exports/spreadsheet-cells.ts';
import type { RegisterEntry } from './list-register.ts';

// The register as 360Giving open data. Identifiers carry the publisher's prefix; recipients are
// named by the hub's neutral reference, so a sensitive grantee cannot be found through them.

export const PREFIX = '360G-supporthub';
export const FUNDER = { id: 'XI-SUPPORTHUB', name: 'Support Hub' };

export function toThreeSixtyGiving(entries: RegisterEntry[]) {
	return {
		grants: entries.map((e) => ({
			id: `${PREFIX}-${e.id}`,
			title: e.title,
			description: e.description || e.title,
			currency: e.currency,
			amountAwarded: e.amount,
			awardDate: e.awardDate,
			recipientOrganization: [{ id: `${PREFIX}-org-${e.recipientId}`, name: e.recipientName, ...(e.recipientCountry ? { countryCode: e.recipientCountry } : {}) }],
			fundingOrganization: [FUNDER],
			grantProgramme: [{ title: e.programme }]
		}))
	};
}

export const CSV_COLUMNS = [
	'Identifier',
	'Title',
	'Description',
	'Currency',
	'Amount Awarded',
	'Award Date',
	'Recipient Org:Identifier',
	'Recipient Org:Name',
	'Recipient Org:Country Code',
	'Funding Org:Identifier',
	'Funding Org:Name',
	'Grant Programme:Title'
];

export function toThreeSixtyGivingCsv(entries: RegisterEntry[]): string {
	const g = toThreeSixtyGiving(entries).grants;
	return stringify(
		g.map((x) =>
			neutraliseRow([
			x.id,
			x.title,
			x.description,
			x.currency,
			x.amountAwarded,
			x.awardDate,
			x.recipientOrganization[0].id,
			x.recipientOrganization[0].name,
			x.recipientOrganization[0].countryCode ?? '',
			FUNDER.id,
			FUNDER.name,
			x.grantProgramme[0].title
			])
		),
		{ header: true, columns: CSV_COLUMNS }
	);
}
