import { z } from './zod.ts';

const code = z.string().trim().regex(/^[a-z_]{0,40}$/).default('');
const day = z.union([z.literal(''), z.iso.date()]).default('');

/** The audit log's filters: who (name or e-mail), what (an action), which subject, and when. */
export const auditQuery = z.object({
	who: z.string().trim().max(200).default(''),
	action: code,
	subjectType: code,
	subject: z.string().trim().max(100).default(''),
	from: day,
	to: day,
	page: z.coerce.number().int().min(1).max(100000).optional().default(1),
	pageSize: z.coerce.number().int().min(1).max(200).optional().default(50)
});
export type AuditQuery = z.infer<typeof auditQuery>;
