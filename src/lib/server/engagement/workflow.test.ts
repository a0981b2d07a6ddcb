import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES } from '../../engagement-codes.ts';
import { acceptsAssessors, editableByRequester, nextStatus, TRANSITIONS, type Party, type RequestEvent } from './workflow.ts';

const EVENTS: RequestEvent[] = ['submit', 'start_assessment', 'decide', 'request_information'];
const PARTIES: Party[] = ['requester', 'officer'];

describe('request workflow', () => {
	it('a requester submits a draft', () => expect(nextStatus('draft', 'submit', 'requester')).toBe('submitted'));
	it('an officer starts the assessment of a submitted request', () =>
		expect(nextStatus('submitted', 'start_assessment', 'officer')).toBe('in_assessment'));
	it('an officer decides a request under assessment', () => expect(nextStatus('in_assessment', 'decide', 'officer')).toBe('decided'));
	it('"more information needed" reopens the request to the requester, who submits again', () => {
		expect(nextStatus('in_assessment', 'request_information', 'officer')).toBe('more_info');
		expect(editableByRequester('more_info')).toBe(true);
		expect(nextStatus('more_info', 'submit', 'requester')).toBe('submitted');
	});
	it('a decided request is closed: nothing moves it', () => {
		for (const e of EVENTS) for (const p of PARTIES) expect(nextStatus('decided', e, p)).toBeNull();
	});
	it('a draft cannot be decided or assessed', () => {
		expect(nextStatus('draft', 'decide', 'officer')).toBeNull();
		expect(nextStatus('draft', 'start_assessment', 'officer')).toBeNull();
	});
	it('a request is not decided before it is assessed', () => expect(nextStatus('submitted', 'decide', 'officer')).toBeNull());
	it('a requester cannot decide or start an assessment, and an officer does not submit', () => {
		expect(nextStatus('in_assessment', 'decide', 'requester')).toBeNull();
		expect(nextStatus('submitted', 'start_assessment', 'requester')).toBeNull();
		expect(nextStatus('draft', 'submit', 'officer')).toBeNull();
	});
	it('every move not in the table is refused', () => {
		let allowed = 0;
		for (const s of REQUEST_STATUSES)
			for (const e of EVENTS)
				for (const p of PARTIES) {
					const t = TRANSITIONS.find((x) => x.from === s && x.event === e && x.by === p);
					expect(nextStatus(s, e, p)).toBe(t ? t.to : null);
					if (t) allowed++;
				}
		expect(allowed).toBe(TRANSITIONS.length);
	});
	it('only drafts and requests sent back are editable by the requester', () => {
		expect(REQUEST_STATUSES.filter(editableByRequester)).toEqual(['draft', 'more_info']);
	});
	it('assessors are added while submitted or under assessment', () => {
		expect(REQUEST_STATUSES.filter(acceptsAssessors)).toEqual(['submitted', 'in_assessment']);
	});
});
