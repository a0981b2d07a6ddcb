import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { asInputError } from './database-input-error.ts';

describe('a database refusal of client input', () => {
	it('a malformed uuid (22P02), even wrapped by the query builder, is a not-found', () => {
		const wrapped = new Error('Failed query', { cause: Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' }) });
		const e = asInputError(wrapped);
		expect(e).toBeInstanceOf(DomainError);
		expect((e as DomainError).code).toBe('NOT_FOUND');
	});
	it('a date filter read to the end of 9999-12-31 (an instant PostgreSQL cannot read, 22009) is a not-found, not a 500', () => {
		const wrapped = new Error('Failed query', { cause: Object.assign(new Error('time zone displacement out of range: "+010000-01-01T00:00:00.000Z"'), { code: '22009' }) });
		const e = asInputError(wrapped);
		expect(e).toBeInstanceOf(DomainError);
		expect((e as DomainError).code).toBe('NOT_FOUND');
	});
	it('any other failure stays what it is', () => {
		const broken = Object.assign(new Error('connection lost'), { code: '08006' });
		expect(asInputError(broken)).toBe(broken);
		const plain = new Error('bug');
		expect(asInputError(plain)).toBe(plain);
	});
});
