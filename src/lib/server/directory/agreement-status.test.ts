import { describe, expect, it } from 'vitest';
import { agreementStatus } from './agreement-status.ts';

describe('agreement status', () => {
	it('an active agreement past its end date reads as expired', () => {
		expect(agreementStatus('active', '2026-01-31', '2026-02-01')).toBe('expired');
	});
	it('an active agreement is still active on its last day', () => {
		expect(agreementStatus('active', '2026-01-31', '2026-01-31')).toBe('active');
	});
	it('an open-ended active agreement never expires', () => {
		expect(agreementStatus('active', null, '2099-01-01')).toBe('active');
	});
	it('draft and ended agreements keep their recorded status whatever the date', () => {
		expect(agreementStatus('draft', '2020-01-01', '2026-01-01')).toBe('draft');
		expect(agreementStatus('ended', '2030-01-01', '2026-01-01')).toBe('ended');
	});
});
