import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'sh-config-'));

describe('configuration', () => {
	it('defaults serve the demo: port 3000 and embedded database', () => {
		const c = parseConfig({ DATA_DIR: dir() });
		expect(c.port).toBe(3000);
		expect(c.databaseUrl).toBeUndefined();
	});
	it('a bad value stops the start with a message naming the variable', () => {
		expect(() => parseConfig({ DATA_DIR: dir(), PORT: 'eighty' })).toThrow(ConfigError);
		expect(() => parseConfig({ DATA_DIR: dir(), DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres/);
		expect(() => parseConfig({ DATA_DIR: dir(), ORIGIN: 'hub.example.org' })).toThrow(/ORIGIN/);
	});
	it('without AUTH_SECRET a secret is generated once and kept in the data directory', () => {
		const d = dir();
		const first = parseConfig({ DATA_DIR: d }).authSecret;
		expect(first.length).toBeGreaterThanOrEqual(32);
		expect(parseConfig({ DATA_DIR: d }).authSecret).toBe(first);
		expect(readFileSync(join(d, 'auth-secret'), 'utf8').trim()).toBe(first);
	});
	it('empty variables count as not set', () => {
		expect(parseConfig({ DATA_DIR: dir(), SMTP_URL: '' }).smtpUrl).toBeUndefined();
	});
	it('database timeouts default to 5 s and 30 s and refuse values that are not whole milliseconds', () => {
		const c = parseConfig({ DATA_DIR: dir() });
		expect([c.dbConnectTimeoutMs, c.dbStatementTimeoutMs, c.dbPoolSize]).toEqual([5_000, 30_000, 10]);
		expect(parseConfig({ DATA_DIR: dir(), DB_CONNECT_TIMEOUT_MS: '1500' }).dbConnectTimeoutMs).toBe(1_500);
		expect(() => parseConfig({ DATA_DIR: dir(), DB_CONNECT_TIMEOUT_MS: 'soon' })).toThrow(/DB_CONNECT_TIMEOUT_MS must be a number of milliseconds/);
		expect(() => parseConfig({ DATA_DIR: dir(), DB_STATEMENT_TIMEOUT_MS: '2.5' })).toThrow(/DB_STATEMENT_TIMEOUT_MS must be a whole number/);
		expect(() => parseConfig({ DATA_DIR: dir(), DB_STATEMENT_TIMEOUT_MS: '10' })).toThrow(/at least 100/);
		expect(() => parseConfig({ DATA_DIR: dir(), DB_POOL_SIZE: '0' })).toThrow(/DB_POOL_SIZE must be at least 1/);
	});
	it('an API token may make 600 requests a minute unless API_REQUESTS_PER_MINUTE says otherwise', () => {
		expect(parseConfig({ DATA_DIR: dir() }).apiRequestsPerMinute).toBe(600);
		expect(parseConfig({ DATA_DIR: dir(), API_REQUESTS_PER_MINUTE: '1000000' }).apiRequestsPerMinute).toBe(1_000_000);
		expect(() => parseConfig({ DATA_DIR: dir(), API_REQUESTS_PER_MINUTE: 'lots' })).toThrow(/API_REQUESTS_PER_MINUTE must be a number of requests/);
		expect(() => parseConfig({ DATA_DIR: dir(), API_REQUESTS_PER_MINUTE: '0' })).toThrow(/API_REQUESTS_PER_MINUTE must be at least 1/);
	});
});
