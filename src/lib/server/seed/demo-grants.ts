import { eq } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { memberships, organisations } from '../directory/schema.ts';
import { assignReviewer } from '../grants/assign-reviewer.ts';
import { awardGrant } from '../grants/award-grant.ts';
import { declareInterest } from '../grants/declare-interest.ts';
import { loadCallDefinition } from '../grants/call-record.ts';
import { messageApplicants } from '../grants/message-applicants.ts';
import { grantCallMessages } from '../grants/message-schema.ts';
import { sendMessageBatch } from '../grants/send-message-batch.ts';
import { defineCall } from '../grants/define-call.ts';
import { updateCall } from '../grants/update-call.ts';
import { ACCELERATOR_CALL, MINI_GRANT_CALL } from '../grants/programmes.ts';
import { saveAnswers } from '../grants/save-answers.ts';
import { startApplication } from '../grants/start-application.ts';
import { submitReview } from '../grants/submit-review.ts';
import { transitionApplication } from '../grants/transition-application.ts';
import { users } from '../identity/schema.ts';
import { loadActor } from '../identity/load-actor.ts';
import { makeUser } from './factories.ts';
import { ELIGIBLE_MINI, miniGrantAnswers } from './grants-factories.ts';

/**
 * The two programmes, and mini-grant applications in several states: an awarded one, one
 * awarded to a sensitive partner (anonymised in the register), one waiting for screening.
 */
/** A second internal reviewer for the grants, so that a mini-grant can have two reviews. */
export const GRANTS_REVIEWER = { email: 'grants-reviewer@demo.supporthub.org', name: 'Gabriel Reviewer', role: 'reviewer' as const, locale: 'fr', timeZone: 'Europe/Paris' };

export async function seedDemoGrants(db: Db, password: string): Promise<void> {
	await makeUser(db, { ...GRANTS_REVIEWER, password, verified: true });
	const byEmail = async (email: string) => loadActor(db, (await db.select().from(users).where(eq(users.email, email)))[0].id, 'session');
	const officer = await byEmail('officer@demo.supporthub.org');
	const reviewer = await byEmail('reviewer@demo.supporthub.org');
	const mini = await defineCall(db, officer, MINI_GRANT_CALL);
	await defineCall(db, officer, ACCELERATOR_CALL);

	const orgNamed = async (name: string) => (await db.select().from(organisations).where(eq(organisations.name, name)))[0];
	// Steps are dated in the past, days apart, so time to decision shows real spreads (one award
	// within the call's 10-day target, one after it).
	const DAY = 86_400_000;
	const daysAgo = (d: number) => new Date(Date.now() - d * DAY);
	const apply = async (orgName: string, answers: Record<string, unknown>, submittedDaysAgo: number) => {
		const org = await orgNamed(orgName);
		let [member] = await db.select().from(memberships).where(eq(memberships.organisationId, org.id)).limit(1);
		if (!member) {
			const u = await makeUser(db, { name: `${orgName} team`, locale: 'en' });
			[member] = await db.insert(memberships).values({ organisationId: org.id, userId: u.id, role: 'owner' }).returning();
		}
		const actor = await loadActor(db, member.userId, 'session');
		const app = await startApplication(db, actor, { callId: mini.id, organisationId: org.id, screener: ELIGIBLE_MINI });
		await saveAnswers(db, actor, app.id, { answers: miniGrantAnswers(answers) });
		return transitionApplication(db, actor, app.id, { transition: 'submit', version: 1 }, daysAgo(submittedDaysAgo));
	};
	const award = async (appId: string, version: number, amount: number, submittedDaysAgo: number, decisionDays: number) => {
		const at = (d: number) => daysAgo(submittedDaysAgo - d);
		let a = await transitionApplication(db, officer, appId, { transition: 'start_screening', version }, at(1));
		a = await transitionApplication(db, officer, appId, { transition: 'send_to_review', version: a.version }, at(3));
		await assignReviewer(db, officer, appId, { reviewerId: reviewer.kind === 'user' ? reviewer.userId : '' });
		await declareInterest(db, reviewer, appId, { conflict: false });
		const scores = { mandate: { points: 4, comment: '' }, plan: { points: 4, comment: '' }, value: { points: 4, comment: '' } };
		await submitReview(db, reviewer, appId, { scores, revision: 1, comment: 'Clear plan, credible mandate.' });
		a = await transitionApplication(db, officer, appId, { transition: 'to_decision', version: a.version }, at(decisionDays - 1));
		return awardGrant(db, officer, appId, { version: a.version, amount, message: 'Congratulations.' }, at(decisionDays));
	};

	const a1 = await apply('Paraguay Compras Abiertas', { goal: 'Asunción publica todos sus contratos de medicamentos', manager_name: 'Lucía Benítez' }, 48);
	await award(a1.id, a1.version, 4500, 48, 9);
	const a2 = await apply('Civic Voices Network', { goal: 'Municipal council adopts a contract disclosure rule' }, 33);
	await award(a2.id, a2.version, 3000, 33, 16);
	await apply('Open Budget Nepal', { goal: 'Ward offices publish procurement plans by March' }, 2);

	// The officer then clarifies a question: the call publishes version 2, and the three
	// applications above stay on version 1, the one they were started on.
	const { call, definition } = await loadCallDefinition(db, mini.id);
	const deliverables = definition.stages[0].form!.sections[0].fields.find((f) => f.id === 'deliverables')!;
	deliverables.help = { en: 'Reports, data sets or tools the campaign will publish.', es: 'Informes, conjuntos de datos o herramientas que publicará la campaña.', fr: 'Rapports, jeux de données ou outils que la campagne publiera.' };
	await updateCall(db, officer, mini.id, definition, call.version);

	// A day ago the officer wrote to every applicant of the call in the three languages; it has
	// gone out in full, so the call's message history shows what a sent message looks like.
	const sent = daysAgo(1);
	const message = await messageApplicants(db, officer, mini.id, {
		subject_en: 'Your final report: what we ask and by when',
		body_en: 'Dear {organisation},\n\nThank you for applying to {call}. Awarded teams send a short final report within 30 days of their campaign’s end: what changed, what you learned and what you would do differently. Your application page keeps the form: {link}',
		subject_es: 'Su informe final: qué pedimos y para cuándo',
		body_es: 'Estimado equipo de {organisation}:\n\nGracias por postular a {call}. Los equipos premiados envían un breve informe final dentro de los 30 días siguientes al fin de su campaña: qué cambió, qué aprendieron y qué harían de otro modo. El formulario está en la página de su solicitud: {link}',
		subject_fr: 'Votre rapport final : ce que nous demandons et pour quand',
		body_fr: 'Chère équipe de {organisation},\n\nMerci d’avoir candidaté à {call}. Les équipes retenues envoient un court rapport final dans les 30 jours suivant la fin de leur campagne : ce qui a changé, ce que vous avez appris et ce que vous feriez autrement. Le formulaire se trouve sur la page de votre candidature : {link}'
	}, sent);
	await db.update(grantCallMessages).set({ createdAt: sent }).where(eq(grantCallMessages.id, message.id));
	await sendMessageBatch(db, message.id, sent);
}
