import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { diff, recordActivity } from '../activity/record-activity.ts';
import type { Db, DbOrTx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { answersInput } from '../../validation/grants.ts';
import { checkAnswers } from './answers.ts';
import { allFields, type Answers } from './definition.ts';
import { findApplication, todayIn } from './find-application.ts';
import { canActForApplicant } from './policies.ts';
import { grantApplications } from './schema.ts';

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

/**
 * Refuses what saveAnswers would refuse, without writing anything: the page attaches the posted
 * files before it saves the typed answers, and a refused save must not leave a file behind.
 */
export async function checkAnswersToSave(db: Db, actor: Actor, applicationId: string, raw: unknown): Promise<void> {
	const input = parseInput(answersInput, raw);
	await judgeAnswers(db, actor, applicationId, input.answers as Answers);
}

/**
 * Saves the answers to the current stage's form as they are; a draft may be incomplete but
 * nothing malformed is kept. Answers to earlier stages stay as they were.
 */
export async function saveAnswers(db: Db, actor: Actor, applicationId: string, raw: unknown) {
	const input = parseInput(answersInput, raw);
	return db.transaction(async (tx) => {
		const { app, form, check } = await judgeAnswers(tx, actor, applicationId, input.answers as Answers);
		const own = new Set(allFields(form).filter((f) => f.type !== 'file').map((f) => f.id));
		const kept = Object.fromEntries(Object.entries(app.answers).filter(([k]) => !own.has(k)));
		const values = {
			answers: { ...kept, ...(input.answers as Answers) },
			title: check.title || app.title,
			requestedAmount: check.amount,
			...(input.screener ? { screenerAnswers: input.screener } : {})
		};
		const changes = diff(app as unknown as Record<string, unknown>, values);
		if (!Object.keys(changes).length) return app;
		const [after] = await tx
			.update(grantApplications)
			.set(values)
			.where(and(eq(grantApplications.id, app.id), eq(grantApplications.status, app.status)))
			.returning();
		if (!after) throw new DomainError('CONFLICT', m.grant_e_changed_meanwhile());
		await recordActivity(tx, actor, {
			subjectType: 'application',
			subjectId: app.id,
			organisationId: app.organisationId,
			action: 'updated',
			changes: Object.fromEntries(Object.keys(changes).map((k) => [k, { from: k === 'answers' ? '…' : changes[k].from, to: k === 'answers' ? '…' : changes[k].to }]))
		});
		return after;
	});
}
