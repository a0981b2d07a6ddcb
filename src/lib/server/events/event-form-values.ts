import type { events } from './schema.ts';
import { utcToLocalInput } from './time.ts';

/** A stored event → the event form's values, wall-clock times in its own zone. */
export function eventFormValues(e: typeof events.$inferSelect, topicIds: string[]) {
	const local = (d: Date | null) => (d ? utcToLocalInput(d, e.timeZone) : '');
	return {
		title: e.title,
		description: e.description,
		formatId: e.formatId,
		levelId: e.levelId ?? '',
		seriesId: e.seriesId ?? '',
		organisationId: e.organisationId ?? '',
		topicIds,
		languages: e.languages,
		communityCall: e.communityCall,
		startsLocal: local(e.startsAt),
		endsLocal: local(e.endsAt),
		timeZone: e.timeZone,
		capacity: e.capacity ?? 0,
		registrationOpensLocal: local(e.registrationOpensAt),
		registrationClosesLocal: local(e.registrationClosesAt),
		approvalRequired: e.approvalRequired,
		waitlistEnabled: e.waitlistEnabled,
		meetingUrl: e.meetingUrl,
		recorded: e.recorded,
		status: e.status
	};
}
