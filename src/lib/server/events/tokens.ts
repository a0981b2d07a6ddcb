import { createHash, createHmac } from 'node:crypto';

// A registration's personal link. Its token is derived from the registration id with the hub's
// secret, so reminders sent days later can link to the page again, while the database holds only
// the token's hash: someone reading the table cannot build a link.

let settings = { baseURL: 'http://localhost:3000', secret: 'support-hub-development-secret' };

export function configureEventLinks(opts: { baseURL: string; secret: string }) {
	settings = { ...opts };
}

export const registrationToken = (registrationId: string) =>
	createHmac('sha256', settings.secret).update('event-registration:' + registrationId).digest('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const manageUrl = (registrationId: string) => `${settings.baseURL}/events/registrations/${registrationToken(registrationId)}`;
export const eventUrl = (eventId: string) => `${settings.baseURL}/events/${eventId}`;
export const baseURL = () => settings.baseURL;
