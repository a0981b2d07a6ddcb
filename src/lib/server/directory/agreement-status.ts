import type { AgreementDisplayStatus } from '../../roles.ts';

/**
 * An active agreement whose end date has passed reads as expired; nobody has to remember to
 * change it. Draft and ended stay as recorded. Dates are compared as calendar days (YYYY-MM-DD).
 */
export function agreementStatus(
	stored: 'draft' | 'active' | 'ended',
	endDate: string | null,
	today: string
): AgreementDisplayStatus {
	if (stored === 'active' && endDate && endDate < today) return 'expired';
	return stored;
}

export const todayIso = (now = new Date()) => now.toISOString().slice(0, 10);
