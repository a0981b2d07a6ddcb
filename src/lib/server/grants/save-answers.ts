import { and, eq, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';
import { diff, recordActivity } from '../activity/record-activity.ts';
import type { Db, DbOrTx } from '../db/types.ts';
import { decideSave, mergeSave } from '../drafts/decide-save.ts';
import { DomainError } from '../errors.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { parseInput } from '../validate.ts';
import { answersInput } from '../../validation/grants.ts';
import { checkAnswers } from './answers.ts';
import { allFields, type Answers } from './definition.ts';
import { findApplication, todayIn } from './find-application.ts';
import { canActForApplicant } from './policies.ts';
import { grantAnswerVersions, grantApplications } from './schema.ts';

/** The statuses in which the applicant may change their answers. */
export const EDITABLE = ['draft', 'more_information'] as const;

/** The application, its form and the answers' check, or the refusal saveAnswers would give. */
async function judgeAnswers(db: DbOrTx, actor: Actor, applicationId: string, answers: Answers) {
	const { application: app, call } = await findApplication(db, actor, applicationId);
	ensure(canActForApplicant(actor, app.organisationId));
	if (!(EDITABLE as readonly string[]).includes(app.status)) throw new DomainError('INVALID_TRANSITION', m.grant_e_not_editable());
	const form = call.stages[app.stageIndex]?.form;
	if (!form) throw new DomainError('INVALID_TRANSITION', m.grant_e_not_editable());
	// File answers are set only by attachAnswerFile, which stores the bytes it names.
	const files = allFields(form).filter((f) => f.type === 'file').map((f) => f.id);
	for (const id of files) if (id in answers) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { [id]: [m.v_invalid()] });
	const check = checkAnswers(form, answers, { today: todayIn(call.timeZone), complete: false, maxAward: call.maxAward });
	if (Object.keys(check.errors).length) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), check.errors);
	return { app, call, form, check };
}

/** How many earlier versions of a draft's answers are kept for merging a stale page's save. */
const VERSIONS_KEPT = 20;

type Application = typeof grantApplications.$inferSelect;
type Decision = { kind: 'unchanged' | 'write' | 'conflict'; fields: string[]; merged: Answers; kept: string[] };

/**
 * What a save does to the saved answers. On the version it started from, or naming none, the
 * person's answers are written as they are. On an older version the hub still keeps, it is merged
 * question by question against that version (`drafts/decide-save.ts`): only a question both
 * changed differently is a conflict. On a version no longer kept, every differing question is.
 */
async function decide(db: DbOrTx, app: Application, own: string[], answers: Answers, baseVersion: number | undefined): Promise<Decision> {
	const stale = baseVersion !== undefined && baseVersion !== app.answersVersion;
	if (stale) {
		const [base] = await db
			.select({ answers: grantAnswerVersions.answers })
			.from(grantAnswerVersions)
			.where(and(eq(grantAnswerVersions.applicationId, app.id), eq(grantAnswerVersions.version, baseVersion)));
		if (base) {
			const r = mergeSave(app.answers, base.answers, answers, own);
			return { kind: r.kind, fields: r.kind === 'unchanged' ? [] : r.fields, merged: r.merged as Answers, kept: r.kind === 'conflict' ? [] : r.kept };
		}
	}
	const d = decideSave({ version: app.answersVersion, content: app.answers }, baseVersion, answers, own);
	return { kind: d.kind, fields: d.kind === 'unchanged' ? [] : d.fields, merged: answers, kept: [] };
}

/**
 * Refuses what saveAnswers would refuse, without writing anything, and says whether it would
 * save (false: another member saved meanwhile). The page attaches the posted files before it saves
 * the typed answers, and a refused or conflicting save must not leave a file behind.
 */
export async function checkAnswersToSave(db: Db, actor: Actor, applicationId: string, raw: unknown): Promise<boolean> {
	const input = parseInput(answersInput, raw);
	const { app, form } = await judgeAnswers(db, actor, applicationId, input.answers as Answers);
	return (await decide(db, app, ownFields(form), input.answers as Answers, input.baseVersion)).kind !== 'conflict';
}

/** The questions a save writes: not files (attachAnswerFile sets those), not archived ones. */
const ownFields = (form: Parameters<typeof allFields>[0]) =>
	allFields(form)
		.filter((f) => f.type !== 'file' && !f.archived)
		.map((f) => f.id);

/** The saved answers someone else wrote while this person was typing. */
export type SavedAnswers = { answers: Answers; version: number; savedByName: string | null; savedAt: Date | null };
export type SaveAnswersResult =
	/** `kept`: questions where another member's saved change was kept beside this person's own. */
	| { status: 'saved'; application: Application; kept: string[] }
	| { status: 'conflict'; theirs: SavedAnswers; yours: Answers; fields: string[] };

async function savedBy(db: DbOrTx, userId: string | null) {
	if (!userId) return null;
	const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
	return u?.name ?? null;
}

/**
 * Saves the answers to the current stage's form as they are; a draft may be incomplete but
 * nothing malformed is kept. Answers to earlier stages, files and archived questions stay as they
 * were. Members of the organisation may edit one draft at once: a save names the answers version
 * it started from (`baseVersion`). If another member saved in between, the two are merged question
 * by question; only when both changed the same question differently is nothing written, and their
 * saved answers come back with the questions where they differ (`drafts/decide-save.ts`).
 */
export async function saveAnswers(db: Db, actor: Actor, applicationId: string, raw: unknown): Promise<SaveAnswersResult> {
	const input = parseInput(answersInput, raw);
	const first = await saveOnce(db, actor, applicationId, input);
	if (!first.raced) return first.result;
	// Another member's save was written between this one's check and its write: it is judged again,
	// in a new transaction, against what they saved, and merged question by question where it can be.
	return (await saveOnce(db, actor, applicationId, input)).result;
}

/** One attempt at a save; `raced` when another save was written between its check and its write. */
async function saveOnce(db: Db, actor: Actor, applicationId: string, input: z.infer<typeof answersInput>): Promise<{ result: SaveAnswersResult; raced: boolean }> {
	return db.transaction(async (tx) => {
		const judged = await judgeAnswers(tx, actor, applicationId, input.answers as Answers);
		const { app, form, call } = judged;
		const own = ownFields(form);
		const decision = await decide(tx, app, own, input.answers as Answers, input.baseVersion);
		if (decision.kind === 'conflict')
			return {
				raced: false,
				result: {
					status: 'conflict' as const,
					theirs: { answers: Object.fromEntries(own.map((id) => [id, app.answers[id] ?? null])), version: app.answersVersion, savedByName: await savedBy(tx, app.answersSavedBy), savedAt: app.answersSavedAt },
					yours: { ...(input.answers as Answers), ...decision.merged },
					fields: decision.fields
				}
			};
		const { kept } = decision;
		// A merge can bring a colleague's title or amount: they are read from what is written.
		const check = decision.merged === input.answers ? judged.check : checkAnswers(form, { ...(input.answers as Answers), ...decision.merged }, { today: todayIn(call.timeZone), complete: false, maxAward: call.maxAward });
		const ownSet = new Set(own);
		const others = Object.fromEntries(Object.entries(app.answers).filter(([k]) => !ownSet.has(k)));
		const values = {
			answers: { ...others, ...(input.answers as Answers), ...decision.merged },
			title: check.title || app.title,
			requestedAmount: check.amount,
			...(input.screener ? { screenerAnswers: input.screener } : {})
		};
		const changes = diff(app as unknown as Record<string, unknown>, values);
		// The title and amount follow from the answers: answers the same as saved change nothing.
		if (!Object.keys(changes).length || (decision.kind === 'unchanged' && !input.screener)) return { raced: false, result: { status: 'saved' as const, application: app, kept } };
		// The version in the WHERE makes the check and the write one statement: a save that raced
		// past the check above (another member's, committed meanwhile) writes nothing.
		const [after] = await tx
			.update(grantApplications)
			.set({ ...values, answersVersion: sql`${grantApplications.answersVersion} + 1`, answersSavedBy: isUser(actor) ? actor.userId : null, answersSavedAt: new Date() })
			.where(and(eq(grantApplications.id, app.id), eq(grantApplications.status, app.status), eq(grantApplications.answersVersion, app.answersVersion)))
			.returning();
		if (!after) {
			const [now] = await tx.select().from(grantApplications).where(eq(grantApplications.id, app.id));
			if (now.status !== app.status) throw new DomainError('CONFLICT', m.grant_e_changed_meanwhile());
			const fields = own.filter((id) => decideSave({ version: now.answersVersion, content: now.answers }, undefined, input.answers, [id]).kind !== 'unchanged');
			return {
				raced: true,
				result: {
					status: 'conflict' as const,
					theirs: { answers: Object.fromEntries(own.map((id) => [id, now.answers[id] ?? null])), version: now.answersVersion, savedByName: await savedBy(tx, now.answersSavedBy), savedAt: now.answersSavedAt },
					yours: input.answers as Answers,
					fields
				}
			};
		}
		// The answers this save replaces, for merging a page that started from them (the last twenty).
		await tx
			.insert(grantAnswerVersions)
			.values({ applicationId: app.id, version: app.answersVersion, answers: Object.fromEntries(own.map((id) => [id, app.answers[id] ?? null])) })
			.onConflictDoNothing();
		await tx.delete(grantAnswerVersions).where(and(eq(grantAnswerVersions.applicationId, app.id), lte(grantAnswerVersions.version, app.answersVersion - VERSIONS_KEPT)));
		await recordActivity(tx, actor, {
			subjectType: 'application',
			subjectId: app.id,
			organisationId: app.organisationId,
			action: 'updated',
			changes: Object.fromEntries(Object.keys(changes).map((k) => [k, { from: k === 'answers' ? '…' : changes[k].from, to: k === 'answers' ? '…' : changes[k].to }]))
		});
		return { raced: false, result: { status: 'saved' as const, application: after, kept } };
	});
}
