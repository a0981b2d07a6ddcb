// Public: the register of awarded grants is open to everyone; sensitive grantees are anonymised.
import { getApp } from '#lib/server/app.ts';
import { listRegister } from '#lib/server/grants/list-register.ts';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals }) => ({ grants: await listRegister(getApp().database.db, locals.locale, { limit: 200 }) });
