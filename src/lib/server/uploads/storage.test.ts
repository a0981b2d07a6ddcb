import { describe, expect, it } from 'vitest';
import { detectType } from './storage.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('upload type detection', () => {
	it('recognises a PDF by its bytes', async () => {
		expect(await detectType(bytes('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n'), 'agreement.pdf')).toBe('application/pdf');
	});
	it('refuses an executable renamed to .pdf', async () => {
		const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
		expect(await detectType(exe, 'agreement.pdf')).toBeNull();
	});
	it('accepts plain UTF-8 text by extension but not binary data named .txt', async () => {
		expect(await detectType(bytes('Notas de la reunión'), 'notes.txt')).toBe('text/plain');
		expect(await detectType(new Uint8Array([0x00, 0x01, 0x02]), 'notes.txt')).toBeNull();
	});
	it('refuses text with an unknown extension', async () => {
		expect(await detectType(bytes('<script>alert(1)</script>'), 'page.html')).toBeNull();
	});
});
