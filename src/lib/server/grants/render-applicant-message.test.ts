import { describe, expect, it } from 'vitest';
import { inLanguage, renderApplicantMessage } from './render-applicant-message.ts';

const msg = { subject: { en: 'News on {call}', es: 'Novedades de {call}', fr: '' }, body: { en: 'Dear {organisation}, see {link}', es: 'Estimada {organisation}: vea {link}' } };
const values = { organisation: 'Partner SH-ABC', call: 'Mini-grants', link: 'https://hub.example/grants' };

describe('a message to applicants in each one’s language', () => {
	it('a reader gets their own language when the officer wrote it', () =>
		expect(renderApplicantMessage(msg, 'es', values)).toEqual({ subject: 'Novedades de Mini-grants', text: 'Estimada Partner SH-ABC: vea https://hub.example/grants' }));
	it('an empty or missing language falls back to English, subject and body each on their own', () => {
		expect(renderApplicantMessage(msg, 'fr', values).subject).toBe('News on Mini-grants');
		expect(inLanguage({ en: 'Hello', fr: '   ' }, 'fr')).toBe('Hello');
	});
	it('a subject never carries a line break; unknown placeholders stay as typed', () =>
		expect(renderApplicantMessage({ subject: { en: 'A\nB {x}' }, body: { en: '' } }, 'en', values).subject).toBe('A B {x}'));
});
