import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('the password rule', () => {
	it.each([
		['twelve spaces', ' '.repeat(12), 'blank'],
		['tabs and spaces', ' \t \t \t \t \t \t', 'blank'],
		['ten digits', '1234567890', 'length'],
		['ten letters', 'aaaaaaaaaa', 'length'],
		['password12', 'password12', 'length'],
		['a listed password', 'qwerty123456', 'common'],
		['a listed password in capitals', 'QWERTY123456', 'common'],
		['a listed word with digits stuck on', 'password1234', 'common'],
		['a listed word with signs stuck on', 'iloveyou!!!!', 'common'],
		['one character repeated', 'aaaaaaaaaaaa', 'common'],
		['a short chunk repeated', 'abcabcabcabc', 'common'],
		['too long', 'x'.repeat(129), 'length']
	])('%s is refused (%j)', (_name, password, problem) => expect(passwordProblem(password)).toBe(problem));

	it.each(['support-hub-demo', 'correct horse battery', 'a long enough pass', 'Tr4nsp4rent-Roads'])('%j is accepted', (p) =>
		expect(passwordProblem(p)).toBeNull()
	);
});
