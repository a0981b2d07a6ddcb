import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres, wrapPglite } from '../db/client.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteTemplate: string;
		postgresTemplate: string;
	}
}

/** Migrates one template database; each test file then starts from a copy of it. */
export default async function setup(project: TestProject) {
	const url = process.env.DATABASE_URL;
	if (url) {
		const name = `sh_template_${process.pid}`;
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`DROP DATABASE IF EXISTS ${name}`);
		await admin.query(`CREATE DATABASE ${name}`);
		const templateUrl = new URL(url);
		templateUrl.pathname = `/${name}`;
		const database = openPostgres(templateUrl.toString(), 1);
		await database.migrate();
		await database.close();
		project.provide('postgresTemplate', name);
		project.provide('pgliteTemplate', '');
		return async () => {
			const { rows } = await admin.query(
				`SELECT datname FROM pg_database WHERE datname LIKE 'sh_test_${process.pid}_%' OR datname = $1`,
				[name]
			);
			for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
			await admin.end();
		};
	}
	const dir = mkdtempSync(join(tmpdir(), 'sh-template-'));
	const client = new PGlite();
	const database = wrapPglite(client);
	await database.migrate();
	const dump = await client.dumpDataDir('none');
	const file = join(dir, 'template.tar');
	writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	await client.close();
	project.provide('pgliteTemplate', file);
	project.provide('postgresTemplate', '');
	return () => rmSync(dir, { recursive: true, force: true });
}
