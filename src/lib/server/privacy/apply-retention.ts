import type { FileStore } from '../uploads/file-store.ts';
import { answerFileKeys } from '../grants/answer-files.ts';
import { and, eq, inArray, isNull, lt, ne, notLike, sql } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivities } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { eventRegistrations, events } from '../events/schema.ts';
import { grantLink } from '../grants/mail.ts';
import { grantApplications, grantRevisions } from '../grants/schema.ts';
import { ANONYMOUS } from '../identity/actor.ts';
import { users } from '../identity/schema.ts';
import { ERASED_NAME } from '../../people.ts';
import { toLocale } from '../i18n.ts';
import { queueMail } from '../mail/mailer.ts';
import { outboxMessages } from '../mail/schema.ts';
import type { RetentionInput } from '../../validation/privacy.ts';
import { retentionNotices } from './schema.ts';

// The daily retention rules. Each one selects only rows it has not handled yet, so running it twice
// (a retried job, two instances) changes nothing the second time.

const DAY = 86_400_000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

/**
 * Guests (no account) of events that ended more than N days ago lose name, address and group: the
 * registration keeps that someone came, not who. No name is stored (pages say "former user" in the
 * reader's language, the API gives `null`).
 */
export async function anonymiseGuestRegistrations(db: Db, rules: RetentionInput, now = new Date()): Promise<number> {
	const ended = db.select({ id: events.id }).from(events).where(lt(events.endsAt, daysBefore(now, rules.guestRegistrationDays)));
	const rows = await db
		.update(eventRegistrations)
		.set({
			name: ERASED_NAME,
			email: sql`'erased-' || ${eventRegistrations.id}::text || '@erased.invalid'`,
			organisationName: '',
			tokenHash: sql`'erased-' || ${eventRegistrations.id}::text`
		})
		.where(and(isNull(eventRegistrations.userId), inArray(eventRegistrations.eventId, ended), notLike(eventRegistrations.email, 'erased-%')))
		.returning({ id: eventRegistrations.id });
	return rows.length;
}

/** Copies of mails older than N days keep who, when and what kind, but no longer their text. */
export async function purgeOutboxBodies(db: Db, rules: RetentionInput, now = new Date()): Promise<number> {
	// Only mails the worker is done with: one still owed keeps its text until it is sent or given up.
	const rows = await db
		.update(outboxMessages)
		.set({ textBody: '', attachments: null })
		.where(
			and(
				lt(outboxMessages.createdAt, daysBefore(now, rules.outboxBodyDays)),
				ne(outboxMessages.textBody, ''),
				inArray(outboxMessages.status, ['stored', 'sent', 'given_up', 'failed'])
			)
		)
		.returning({ id: outboxMessages.id });
	return rows.length;
}

/**
 * Drafts untouched for N days: first a warning mail to the person who started it (and a notice),
 * then, at least `draftWarningDays` later and still untouched, the draft is deleted. Editing the
 * draft after the warning withdraws the notice.
 */
export async function sweepIdleDrafts(db: Db, rules: RetentionInput, now = new Date(), files?: FileStore): Promise<{ warned: number; deleted: number }> {
	const fileKeys: string[] = [];
	const result = await db.transaction(async (tx) => {
		// Touched since the warning: the notice no longer holds.
		await tx.execute(sql`
			DELETE FROM ${retentionNotices} n USING ${grantApplications} a
			WHERE a.id = n.application_id AND (a.status <> 'draft' OR a.updated_at > n.warned_at)`);

		const due = await tx
			.select({ id: grantApplications.id, organisationId: grantApplications.organisationId, answers: grantApplications.answers })
			.from(retentionNotices)
			.innerJoin(grantApplications, eq(grantApplications.id, retentionNotices.applicationId))
			.where(and(eq(grantApplications.status, 'draft'), lt(retentionNotices.warnedAt, daysBefore(now, rules.draftWarningDays))));
		if (due.length) {
			await tx.delete(grantApplications).where(inArray(grantApplications.id, due.map((d) => d.id)));
			fileKeys.push(...due.flatMap((d) => answerFileKeys(d.answers)));
			await recordActivities(tx, ANONYMOUS, due.map((d) => ({ subjectType: 'application', subjectId: d.id, organisationId: d.organisationId, action: 'application.deleted_by_retention' })));
		}

		const idle = await tx
			.select({ id: grantApplications.id, title: grantApplications.title, email: users.email, locale: users.locale, erasedAt: users.erasedAt })
			.from(grantApplications)
			.leftJoin(retentionNotices, eq(retentionNotices.applicationId, grantApplications.id))
			.leftJoin(users, eq(users.id, grantApplications.createdBy))
			.where(and(eq(grantApplications.status, 'draft'), lt(grantApplications.updatedAt, daysBefore(now, rules.draftIdleDays)), isNull(retentionNotices.applicationId)));
		const deleteOn = new Date(now.getTime() + rules.draftWarningDays * DAY).toISOString().slice(0, 10);
		for (const d of idle) {
			if (d.email && !d.erasedAt) {
				const o = { locale: toLocale(d.locale ?? 'en') };
				const p = { title: d.title || '—', date: deleteOn, url: grantLink(`/grants/applications/${d.id}`) };
				await queueMail(tx, { kind: 'retention_draft_warning', to: d.email, locale: o.locale, subject: m.privacy_mail_draft_subject(p, o), text: m.privacy_mail_draft_body(p, o) });
			}
		}
		if (idle.length) await tx.insert(retentionNotices).values(idle.map((d) => ({ applicationId: d.id, warnedAt: now }))).onConflictDoNothing();
		return { warned: idle.length, deleted: due.length };
	});
	await removeFiles(files, fileKeys);
	return result;
}

/**
 * Files go once the rows that pointed at them are gone (the store is not part of the transaction).
 * Removing a missing key is no error, so a second run, or one after a failed removal, is harmless.
 */
async function removeFiles(files: FileStore | undefined, keys: string[]) {
	if (!files) return;
	for (const key of new Set(keys)) await files.remove(key).catch(() => undefined);
}

/** Declined applications older than N days keep their outcome and amounts, not their answers. */
export async function purgeDeclinedAnswers(db: Db, rules: RetentionInput, now = new Date(), files?: FileStore): Promise<number> {
	const fileKeys: string[] = [];
	const purged = await db.transaction(async (tx) => {
		const due = await tx
			.select({ id: grantApplications.id, answers: grantApplications.answers })
			.from(grantApplications)
			.where(
				and(
					eq(grantApplications.status, 'declined'),
					lt(sql`coalesce(${grantApplications.decidedAt}, ${grantApplications.updatedAt})`, daysBefore(now, rules.declinedAnswersDays)),
					sql`(${grantApplications.answers} <> '{}'::jsonb OR ${grantApplications.screenerAnswers} IS NOT NULL)`
				)
			)
			.for('update');
		if (!due.length) return 0;
		const ids = due.map((r) => r.id);
		// The files uploaded into the answers go with them, from every revision.
		const revisions = await tx.select({ answers: grantRevisions.answers }).from(grantRevisions).where(inArray(grantRevisions.applicationId, ids));
		fileKeys.push(...[...due, ...revisions].flatMap((r) => answerFileKeys(r.answers)));
		await tx.update(grantApplications).set({ answers: {}, screenerAnswers: null, infoRequest: null }).where(inArray(grantApplications.id, ids));
		await tx.update(grantRevisions).set({ answers: {} }).where(inArray(grantRevisions.applicationId, ids));
		return due.length;
	});
	await removeFiles(files, fileKeys);
	return purged;
}
