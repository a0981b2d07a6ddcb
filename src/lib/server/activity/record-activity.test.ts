import { describe, expect, it } from 'vitest';
import { diff } from './record-activity.ts';

describe('activity diff', () => {
	it('records only the fields whose value changed, before and after', () => {
		expect(diff({ name: 'A', kind: 'media', languages: ['en'] }, { name: 'B', kind: 'media', languages: ['en'] })).toEqual({
			name: { from: 'A', to: 'B' }
		});
	});
	it('compares lists by content', () => {
		expect(diff({ languages: ['en'] }, { languages: ['en', 'es'] })).toEqual({ languages: { from: ['en'], to: ['en', 'es'] } });
	});
	it('an unchanged record gives no changes', () => {
		expect(diff({ a: 1 }, { a: 1 })).toEqual({});
	});
});
