import { m } from '#lib/paraglide/messages.js';

// The contact form's codes and their words; free of zod so pages may import them.
export const CONTACT_TOPICS = ['training', 'toolkit', 'grants', 'intensive_support', 'other'] as const;
export type ContactTopic = (typeof CONTACT_TOPICS)[number];
export const CONTACT_STATUSES = ['open', 'answered', 'closed'] as const;

export const contactTopicLabel = (t: string) =>
	(({
		training: m.contact_topic_training,
		toolkit: m.contact_topic_toolkit,
		grants: m.contact_topic_grants,
		intensive_support: m.contact_topic_intensive_support,
		other: m.contact_topic_other
	}) as Record<string, () => string>)[t]?.() ?? t;

export const contactStatusLabel = (s: string) =>
	(({ open: m.contact_status_open, answered: m.contact_status_answered, closed: m.contact_status_closed }) as Record<string, () => string>)[s]?.() ?? s;
