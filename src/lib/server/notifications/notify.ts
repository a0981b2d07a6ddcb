import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { users } from '../identity/schema.ts';
import { queueMail, queueMails } from '../mail/mailer.ts';
import { DEFAULT_DELIVERY, type DeliveryMode, type NotificationCategory } from '../../notifications/categories.ts';
import { immediateMail } from './content.ts';
import { notificationPreferences, notifications } from './schema.ts';

export type NotifyInput = {
	/** User ids; duplicates and unknown ids are ignored. */
	recipients: readonly (string | null | undefined)[];
	category: NotificationCategory;
	subjectKind: string;
	subjectId: string;
	/** A path inside the hub where the item is handled. */
	href: string;
	/** The person who caused it is not told about their own action. */
	actorId?: string | null;
	/**
	 * The capability has already mailed these people itself (an event change carries a calendar
	 * file, a decision its own letter): record the notice in the hub only, so nobody gets two mails.
	 */
	mailedElsewhere?: boolean;
};

/**
 * Records a notice for each recipient, inside the caller's transaction, and queues the mail of
 * those who want it immediately. Daily-digest notices wait for the digest job.
 */
export async function notify(tx: DbOrTx, input: NotifyInput): Promise<number> {
	const ids = [...new Set(input.recipients.filter((r): r is string => !!r && r !== input.actorId))];
	if (!ids.length) return 0;
	const people = await tx
		.select({ id: users.id, email: users.email, locale: users.locale, mode: notificationPreferences.mode })
		.from(users)
		.leftJoin(notificationPreferences, and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.category, input.category)))
		.where(inArray(users.id, ids));
	if (!people.length) return 0;
	const modeOf = (p: (typeof people)[number]): DeliveryMode => (input.mailedElsewhere ? 'in_app' : (p.mode ?? DEFAULT_DELIVERY));
	await tx.insert(notifications).values(
		people.map((p) => ({ userId: p.id, category: input.category, subjectKind: input.subjectKind, subjectId: input.subjectId, href: input.href, delivery: modeOf(p) }))
	);
	for (const p of people)
		if (modeOf(p) === 'immediately') await queueMail(tx, { kind: `notification_${input.category}`, to: p.email, locale: p.locale, ...immediateMail(input.category, input.href, p.locale) });
	return people.length;
}

/**
 * Many notices at once (a bulk action over hundreds of applications): the same rules as `notify`,
 * with one read of the recipients per category, one insert of the notices and one of the mails,
 * instead of two statements per subject.
 */
export async function notifyMany(tx: DbOrTx, inputs: NotifyInput[]): Promise<number> {
	const byCategory = new Map<NotificationCategory, NotifyInput[]>();
	for (const i of inputs) byCategory.set(i.category, [...(byCategory.get(i.category) ?? []), i]);
	const rows: (typeof notifications.$inferInsert)[] = [];
	const mails: Parameters<typeof queueMails>[1] = [];
	for (const [category, group] of byCategory) {
		const ids = [...new Set(group.flatMap((i) => i.recipients.filter((r): r is string => !!r && r !== i.actorId)))];
		if (!ids.length) continue;
		const people = await tx
			.select({ id: users.id, email: users.email, locale: users.locale, mode: notificationPreferences.mode })
			.from(users)
			.leftJoin(notificationPreferences, and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.category, category)))
			.where(inArray(users.id, ids));
		const byId = new Map(people.map((p) => [p.id, p]));
		for (const input of group)
			for (const id of new Set(input.recipients)) {
				const p = id && id !== input.actorId ? byId.get(id) : undefined;
				if (!p) continue;
				const delivery: DeliveryMode = input.mailedElsewhere ? 'in_app' : (p.mode ?? DEFAULT_DELIVERY);
				rows.push({ userId: p.id, category, subjectKind: input.subjectKind, subjectId: input.subjectId, href: input.href, delivery });
				if (delivery === 'immediately') mails.push({ kind: `notification_${category}`, to: p.email, locale: p.locale, ...immediateMail(category, input.href, p.locale) });
			}
	}
	for (let i = 0; i < rows.length; i += 1000) await tx.insert(notifications).values(rows.slice(i, i + 1000));
	for (let i = 0; i < mails.length; i += 1000) await queueMails(tx, mails.slice(i, i + 1000));
	return rows.length;
}
