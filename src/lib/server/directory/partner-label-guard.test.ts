import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A guard over the code itself: any server module or route that reads organisations (their name
// comes with the row) must name them through the one labelling rule in partner-label.ts, or be
// listed here with the reason its readers are always entitled to the name. A new page or API that
// shows an organisation's name without the rule fails this test until someone decides which.
const LABELLING = /\b(partnerLabel|partnerIdentity|outsideLabel|outsideText|redactIdentity|entitledToIdentity|canSeePartnerName)\b/;
const READS_ORGANISATIONS = /organisations\.name|from\(organisations\)|:\s*organisations\b/;

const ENTITLED_READERS: Record<string, string> = {
	'src/lib/server/directory/find-organisation.ts': 'directory scope: a sensitive partner is NOT_FOUND for anyone not entitled (visibleOrganisations)',
	'src/lib/server/directory/list-organisations.ts': 'directory scope: sensitive partners are left out for anyone not entitled (visibleOrganisations)',
	'src/lib/server/engagement/find-request.ts': 'returns the row to use cases, which label it (get-request.ts)',
	'src/lib/server/engagement/list-requestable-organisations.ts': 'the actor’s own organisations, or every one for admins and programme officers, who see every identity',
	'src/lib/server/grants/find-application.ts': 'returns the row to use cases, which label it (get-application.ts)',
	'src/lib/server/grants/list-applicant-organisations.ts': 'the actor’s own organisations',
	'src/lib/server/grants/sweep-grant-deadlines.ts': 'alerts to the call’s lead programme officer, who sees every identity',
	'src/lib/server/toolkit/find-strategy.ts': 'visibleStrategies: a sensitive partner’s strategies reach only its members and staff entitled to its identity (need-to-know); exports use outsideLabel',
	'src/lib/server/toolkit/list-strategies.ts': 'visibleStrategies: only the partner’s members and staff entitled to its identity (need-to-know)',
	'src/lib/server/privacy/describe-erasure.ts': 'the person’s own organisations, shown to themself or an admin',
	'src/lib/server/grants/change-call-status.ts': 'call runners only; the rows feed grant mails, which name partners with outsideLabel',
	'src/lib/server/grants/bulk-act-on-applications.ts': 'programme officers and admins only (canRunCallsAtVolume); the rows feed grant mails, which name partners with outsideLabel',
	'src/routes/events/clinics/request/+page.server.ts': 'the member’s own organisations'
};

function sources(dir: string): string[] {
	return (readdirSync(dir, { recursive: true }) as string[])
		.filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f) && !/(^|\/)seed\//.test(f))
		.map((f) => join(dir, f));
}

describe('every organisation name goes through the labelling rule', () => {
	const files = [...sources('src/lib/server'), ...sources('src/routes')];
	const readers = files.filter((f) => READS_ORGANISATIONS.test(readFileSync(f, 'utf8')));

	it('finds the modules that read organisations (the scan itself works)', () => {
		expect(readers).toContain('src/lib/server/engagement/list-requests.ts');
		expect(readers.length).toBeGreaterThan(10);
	});

	it('each one labels names, or is a reviewed reader whose audience is always entitled', () => {
		const unlabelled = readers.filter((f) => !LABELLING.test(readFileSync(f, 'utf8')) && !ENTITLED_READERS[f]);
		expect(unlabelled, 'name the organisation with partnerLabel/partnerIdentity (directory/partner-label.ts)').toEqual([]);
	});

	it('the reviewed list has no stale entries', () => {
		const stale = Object.keys(ENTITLED_READERS).filter((f) => !readers.includes(f) || LABELLING.test(readFileSync(f, 'utf8')));
		expect(stale).toEqual([]);
	});
});
