// Public: the honest headline of what the support achieved; no sensitive partner is ever named.
import { getApp } from '#lib/server/app.ts';
import { getPublicPicture } from '#lib/server/insight/public-picture.ts';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals }) => ({ picture: await getPublicPicture(getApp().database.db, locals.locale) });
