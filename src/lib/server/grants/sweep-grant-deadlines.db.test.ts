import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { outboxMessages } from '../mail/schema.ts';
import { makeOrganisation, makeUser } from '../seed/factories.ts';
import { ELIGIBLE_MINI, makeMiniGrantCall, miniGrantAnswers } from '../seed/grants-factories.ts';
import { actorFor } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { awardGrant } from './award-grant.ts';
import { registerGrantJobs } from './jobs.ts';
import { saveAnswers } from './save-answers.ts';
import { grantApplications, grantProgrammes, grantReports } from './schema.ts';
import { startApplication } from './start-application.ts';
import { sweepGrantDeadlines } from './sweep-grant-deadlines.ts';
import { MESSAGE_JOB } from './send-message-batch.ts';
import { transitionApplication } from './transition-application.ts';

let database: Database;
beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(() => database.close());

describe('scheduled grant deadlines', () => {
	it('alerts the programme lead once at 80 % of the decision time, and reminds grantees once of a report due', async () => {
		const db = database.db;
		const call = await makeMiniGrantCall(db);
		const lead = await makeUser(db, { role: 'programme_officer', locale: 'fr' });
		await db.update(grantProgrammes).set({ leadUserId: lead.id }).where(eq(grantProgrammes.id, call.programmeId));
		const org = await makeOrganisation(db, { kind: 'civil_society' });
		const applicant = await actorFor(db, 'member', [[org.id, 'owner']]);
		const officer = await actorFor(db, 'programme_officer');
		const app = await startApplication(db, applicant, { callId: call.id, organisationId: org.id, screener: ELIGIBLE_MINI });
		await saveAnswers(db, applicant, app.id, { answers: miniGrantAnswers() });
		// Submitted on Monday 2026-11-02 (New York): due at the end of Monday 16th.
		const submittedAt = new Date('2026-11-02T15:00:00Z');
		const a = await transitionApplication(db, applicant, app.id, { transition: 'submit', version: 1 }, submittedAt);

		expect(await sweepGrantDeadlines(db, new Date('2026-11-10T15:00:00Z'))).toEqual({ alerts: 0, reminders: 0 });
		expect(await sweepGrantDeadlines(db, new Date('2026-11-12T15:00:00Z'))).toEqual({ alerts: 1, reminders: 0 });
		expect(await sweepGrantDeadlines(db, new Date('2026-11-13T15:00:00Z'))).toEqual({ alerts: 0, reminders: 0 });
		const alerts = await db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'grant_clock_alert'));
		expect(alerts.map((m) => [m.toAddress, m.locale])).toEqual([[lead.email, 'fr']]);
		expect(alerts[0].subject).toMatch(/délai/);

		let b = await transitionApplication(db, officer, app.id, { transition: 'start_screening', version: a.version });
		b = await transitionApplication(db, officer, app.id, { transition: 'to_decision', version: b.version });
		const award = await awardGrant(db, officer, app.id, { version: b.version, amount: 4000 }, new Date('2026-11-13T15:00:00Z'));
		const [report] = await db.select().from(grantReports).where(eq(grantReports.awardId, award.id));
		expect(report.dueDate).toBe('2027-02-13');
		expect((await sweepGrantDeadlines(db, new Date('2027-01-10T12:00:00Z'))).reminders).toBe(0);
		const both = await Promise.all([sweepGrantDeadlines(db, new Date('2027-02-01T12:00:00Z')), sweepGrantDeadlines(db, new Date('2027-02-01T12:00:00Z'))]);
		expect(both.map((x) => x.reminders).sort()).toEqual([0, 1]);
		const reminders = await db.select().from(outboxMessages).where(like(outboxMessages.kind, 'grant_report_due'));
		expect(reminders).toHaveLength(1);
		expect(reminders[0].textBody).toContain('2027-02-13');
		expect((await db.select().from(grantApplications).where(eq(grantApplications.id, app.id)))[0].clockAlertSentAt).not.toBeNull();
	});

	it('registers the recurring sweeps (deadlines, messages to applicants), the calls’ scheduled steps and the message batches', async () => {
		const jobs: { name: string; cron: string; handler: () => Promise<void> }[] = [];
		const oneOff: string[] = [];
		registerGrantJobs({ every: (name, cron, handler) => void jobs.push({ name, cron, handler: () => handler({}) }), register: (name) => void oneOff.push(name) }, database.db);
		expect(jobs.map((j) => j.name)).toEqual(['grants-sweep-deadlines', 'grants-message-sweep']);
		expect(oneOff).toEqual(['grants.call-schedule', MESSAGE_JOB]);
		for (const job of jobs) await expect(job.handler()).resolves.toBeUndefined();
	});
});
