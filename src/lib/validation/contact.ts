import { CONTACT_TOPICS } from '../contact/codes.ts';
import { z } from './zod.ts';

/** The public contact form: a topic and a message; a name and an address only if one wants a reply. */
export const contactInput = z.object({
	topic: z.enum(CONTACT_TOPICS),
	name: z.string().trim().max(200).default(''),
	email: z.union([z.literal(''), z.string().trim().toLowerCase().email().max(320)]).default(''),
	message: z.string().trim().min(10).max(4000)
});
export type ContactInput = z.infer<typeof contactInput>;

export const contactAnswerInput = z.object({ answer: z.string().trim().min(2).max(4000) });
