import { desc, eq, sql } from 'drizzle-orm';
import type { QueryBuilder } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/types.ts';
import { organisations } from '../directory/schema.ts';
import { outsideLabel } from '../directory/partner-label.ts';
import { tr } from './definition.ts';
import { grantApplications, grantAwards, grantCalls, grantProgrammes, grantTranches } from './schema.ts';

export type RegisterEntry = {
	id: string;
	title: string;
	description: string;
	amount: number;
	currency: string;
	awardDate: string;
	recipientId: string;
	recipientName: string;
	recipientCountry: string | null;
	programme: string;
	call: string;
	paid: number;
};

/**
 * The public register of awarded grants. A sensitive grantee appears only by its neutral
 * reference, with neither its country nor the application's own words.
 */
export function registerQuery(builder: Pick<DbOrTx, 'select'> | QueryBuilder, opts: { limit?: number; offset?: number } = {}) {
	const db = builder as DbOrTx;
	return db
		.select({
			id: grantAwards.id,
			amount: grantAwards.amount,
			currency: grantAwards.currency,
			awardedAt: grantAwards.awardedAt,
			title: grantApplications.title,
			callTitle: grantCalls.title,
			programmeName: grantProgrammes.name,
			org: { id: organisations.id, name: organisations.name, reference: organisations.reference, sensitive: organisations.sensitive, country: organisations.country },
			paid: sql<number>`(SELECT coalesce(sum(${grantTranches.paidAmount}), 0) FROM ${grantTranches} WHERE ${grantTranches.awardId} = ${grantAwards.id})`.mapWith(Number)
		})
		.from(grantAwards)
		.innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
		.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
		.innerJoin(grantProgrammes, eq(grantProgrammes.id, grantCalls.programmeId))
		.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
		.orderBy(desc(grantAwards.awardedAt), desc(grantAwards.id))
		.limit(opts.limit ?? 500)
		.offset(opts.offset ?? 0);
}

export async function listRegister(db: DbOrTx, locale: string, opts: { limit?: number; offset?: number } = {}): Promise<RegisterEntry[]> {
	const rows = await registerQuery(db, opts);
	return rows.map((r) => {
		const call = tr(r.callTitle, locale);
		return {
			id: r.id,
			title: r.org.sensitive ? call : r.title || call,
			description: r.org.sensitive ? '' : r.title,
			amount: r.amount,
			currency: r.currency,
			awardDate: r.awardedAt.toISOString().slice(0, 10),
			recipientId: r.org.reference,
			recipientName: outsideLabel(r.org, locale),
			recipientCountry: r.org.sensitive ? null : r.org.country,
			programme: tr(r.programmeName, locale),
			call,
			paid: r.paid
		};
	});
}
