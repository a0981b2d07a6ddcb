import { eq, inArray } from 'drizzle-orm';
import { recordActivity } from '../activity/record-activity.ts';
import type { Tx } from '../db/types.ts';
import { organisations } from '../directory/schema.ts';
import type { Actor } from '../identity/actor.ts';
import { users } from '../identity/schema.ts';
import { clinicRequests, eventFeedback, eventRegistrations, eventSeries, eventSummaries, eventSurveys, events } from '../events/schema.ts';
import { hashToken, registrationToken } from '../events/tokens.ts';
import { localToUtc } from '../events/time.ts';
import { makeEvent, makeTerm } from './events-factories.ts';
import { randomUUID } from 'node:crypto';

const DAY = 86_400_000;

/** A wall-clock time `days` from today in a zone, e.g. 10:30 in New York in ten days. */
function at(days: number, time: string, zone: string): Date {
	const date = new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
	const r = localToUtc(`${date}T${time}`, zone);
	// A demo time that falls in a spring gap is taken as UTC rather than failing the seed.
	return r.ok ? r.utc : new Date(`${date}T${time}:00Z`);
}

/**
 * The demo programme: the three formats, two levels and four topics; a few upcoming sessions in
 * several zones and languages, a community call at 10:30 New York time, past sessions with
 * attendance, summaries and feedback, a series, and a clinic for the sensitive partner.
 */
export async function seedDemoEvents(tx: Tx, actor: Actor, officerId: string) {
	const webinar = await makeTerm(tx, { kind: 'format', code: 'open_webinar', name: { en: 'Open webinar', es: 'Seminario web abierto', fr: 'Webinaire ouvert' }, defaultCapacity: null, position: 1 });
	const circle = await makeTerm(tx, { kind: 'format', code: 'learning_circle', name: { en: 'Learning circle', es: 'Círculo de aprendizaje', fr: 'Cercle d’apprentissage' }, defaultCapacity: 20, position: 2 });
	const clinic = await makeTerm(tx, { kind: 'format', code: 'clinic', name: { en: 'Clinic', es: 'Clínica', fr: 'Clinique' }, approvalByDefault: true, byRequest: true, position: 3 });
	const foundations = await makeTerm(tx, { kind: 'level', code: 'foundations', name: { en: 'Foundations', es: 'Fundamentos', fr: 'Fondamentaux' }, position: 1 });
	const advanced = await makeTerm(tx, { kind: 'level', code: 'advanced', name: { en: 'Advanced', es: 'Avanzado', fr: 'Avancé' }, position: 2 });
	const power = await makeTerm(tx, { kind: 'topic', code: 'building_power', name: { en: 'Building power against vested interests', es: 'Construir poder frente a intereses creados', fr: 'Construire du pouvoir face aux intérêts établis' }, position: 1 });
	const coalitions = await makeTerm(tx, { kind: 'topic', code: 'coalition_building', name: { en: 'Coalition building', es: 'Construcción de coaliciones', fr: 'Construction de coalitions' }, position: 2 });
	const messaging = await makeTerm(tx, { kind: 'topic', code: 'messaging', name: { en: 'Messaging', es: 'Mensajes', fr: 'Messages' }, position: 3 });
	const tactics = await makeTerm(tx, { kind: 'topic', code: 'tactical_campaign_planning', name: { en: 'Tactical campaign planning', es: 'Planificación táctica de campañas', fr: 'Planification tactique de campagne' }, position: 4 });

	const [series] = await tx.insert(eventSeries).values({ title: 'Advocacy foundations', description: 'Three sessions for teams new to advocacy: power, coalitions, messages.' }).returning();
	const meet = (slug: string) => `https://meet.example.org/support-hub-${slug}`;
	const base = { createdBy: officerId, status: 'published' as const };

	const made = [
		await makeEvent(tx, { ...base, title: 'Community call: what should the hub do next?', communityCall: true, formatId: webinar.id, languages: ['en', 'es', 'fr'], timeZone: 'America/New_York', startsAt: at(9, '10:30', 'America/New_York'), hours: 1, capacity: null, meetingUrl: meet('community-call'), description: 'An open feedback call for partners and anyone interested. Interpretation into Spanish and French.' }),
		await makeEvent(tx, { ...base, title: 'Building power against vested interests', formatId: webinar.id, levelId: foundations.id, seriesId: series.id, topicIds: [power.id], languages: ['en'], timeZone: 'Europe/London', startsAt: at(5, '14:00', 'Europe/London'), hours: 1.5, capacity: 500, recorded: true, meetingUrl: meet('power'), description: 'Who gains from opaque contracts, and how reform coalitions outweigh them. With case studies from Ukraine and Colombia.' }),
		await makeEvent(tx, { ...base, title: 'Círculo de aprendizaje: construir coaliciones', formatId: circle.id, levelId: foundations.id, seriesId: series.id, topicIds: [coalitions.id], languages: ['es'], timeZone: 'America/Bogota', startsAt: at(12, '09:00', 'America/Bogota'), hours: 2, capacity: 20, meetingUrl: meet('coaliciones'), description: 'Sesión práctica en grupo pequeño para mapear aliados y opositores.' }),
		await makeEvent(tx, { ...base, title: 'Messages that move decision-makers', formatId: circle.id, levelId: advanced.id, seriesId: series.id, topicIds: [messaging.id], languages: ['en'], timeZone: 'Africa/Nairobi', startsAt: at(16, '15:00', 'Africa/Nairobi'), hours: 1.5, capacity: 2, approvalRequired: true, meetingUrl: meet('messages'), description: 'For teams stuck on a difficult audience. Places are approved by the team.' }),
		await makeEvent(tx, { ...base, title: 'Planification tactique de campagne', formatId: webinar.id, levelId: advanced.id, topicIds: [tactics.id], languages: ['fr'], timeZone: 'Africa/Dakar', startsAt: at(20, '11:00', 'Africa/Dakar'), hours: 1, capacity: 300, meetingUrl: meet('tactique'), description: 'Cibles, échéances et jalons externes : construire un plan de campagne réaliste.' }),
		await makeEvent(tx, { ...base, title: 'Tactical campaign planning for procurement reform', formatId: webinar.id, levelId: foundations.id, topicIds: [tactics.id, power.id], languages: ['en'], timeZone: 'Asia/Manila', startsAt: at(-14, '16:00', 'Asia/Manila'), hours: 1, capacity: 300, recorded: true, meetingUrl: meet('tactics-past') }),
		await makeEvent(tx, { ...base, title: 'Learning circle: coalitions under pressure', formatId: circle.id, levelId: advanced.id, topicIds: [coalitions.id], languages: ['en', 'es'], timeZone: 'America/Mexico_City', startsAt: at(-7, '10:00', 'America/Mexico_City'), hours: 2, capacity: 20, meetingUrl: meet('coalitions-past') })
	];
	const [pastWebinar, pastCircle] = made.slice(5);

	// Past sessions: people who came, a summary in two languages, and anonymous feedback.
	const [partner] = await tx.select().from(users).where(eq(users.email, 'partner@demo.supporthub.org'));
	const orgs = await tx.select().from(organisations).where(inArray(organisations.name, ['Transparencia Ciudadana', 'Civic Voices Network', 'Observatoire des Marchés Publics']));
	const org = (name: string) => orgs.find((o) => o.name === name)!;
	for (const e of [pastWebinar, pastCircle]) {
		const people = [
			{ name: partner.name, email: partner.email, userId: partner.id, organisationId: org('Transparencia Ciudadana').id, organisationName: 'Transparencia Ciudadana', country: 'MX', locale: 'es' },
			{ name: 'Lina Guest', email: `lina.${e.id.slice(0, 4)}@example.org`, userId: null, organisationId: org('Civic Voices Network').id, organisationName: '', country: 'LB', locale: 'en' },
			{ name: 'Awa Diop', email: `awa.${e.id.slice(0, 4)}@example.org`, userId: null, organisationId: org('Observatoire des Marchés Publics').id, organisationName: 'Observatoire des Marchés Publics', country: 'SN', locale: 'fr' }
		];
		for (const [i, p] of people.entries()) {
			const id = randomUUID();
			await tx.insert(eventRegistrations).values({ id, eventId: e.id, ...p, status: 'confirmed', tokenHash: hashToken(registrationToken(id)), consentAt: new Date(), attended: i < 2, feedbackGivenAt: i === 0 ? new Date() : null });
			await recordActivity(tx, actor, { subjectType: 'event_registration', subjectId: id, organisationId: p.organisationId, action: 'registered' });
		}
		await tx.update(events).set({ confirmedCount: people.length }).where(eq(events.id, e.id));
		await tx.insert(eventSurveys).values({ eventId: e.id, anonymous: true, questions: [{ id: 'q1', text: { en: 'What will you use from this session?', es: '¿Qué usará de esta sesión?', fr: 'Que retiendrez-vous de cette session ?' } }] });
		await tx.insert(eventFeedback).values({ eventId: e.id, rating: e === pastCircle ? 5 : 4, answers: { q1: 'The stakeholder map exercise.' } });
	}
	await tx.insert(eventSummaries).values([
		{ eventId: pastWebinar.id, locale: 'en', version: 1, body: 'We walked through a campaign plan: targets, deadlines, deliverables and external milestones.\nRecording and slides below.', materials: [{ title: 'Slides', url: 'https://example.org/materials/tactics-slides.pdf' }, { title: 'Recording', url: 'https://example.org/materials/tactics-recording' }], publishedBy: officerId },
		{ eventId: pastCircle.id, locale: 'en', version: 1, body: 'Participants mapped supporters and detractors by power and position, and shared how their coalitions held under pressure.', materials: [{ title: 'Power map template', url: 'https://example.org/materials/power-map.pdf' }], publishedBy: officerId },
		{ eventId: pastCircle.id, locale: 'es', version: 1, body: 'Los participantes mapearon aliados y opositores según su poder y posición, y compartieron cómo resistieron sus coaliciones.', materials: [{ title: 'Plantilla de mapa de poder', url: 'https://example.org/materials/power-map.pdf' }], publishedBy: officerId }
	]);

	// A clinic asked for by the sensitive partner, scheduled by staff, and one request waiting.
	const sensitive = org('Civic Voices Network');
	const clinicEvent = await makeEvent(tx, { ...base, title: 'Clinic: responding to pressure on monitors', formatId: clinic.id, organisationId: sensitive.id, topicIds: [power.id], languages: ['en', 'ar'], timeZone: 'Asia/Beirut', startsAt: at(7, '13:00', 'Asia/Beirut'), hours: 1.5, capacity: 6, approvalRequired: false, meetingUrl: meet('clinic-cvn') });
	await tx.insert(clinicRequests).values([
		{ organisationId: sensitive.id, requestedBy: officerId, problem: 'Our monitors face pressure from a supplier cartel; how do we keep publishing safely?', language: 'en', status: 'scheduled', eventId: clinicEvent.id },
		{ organisationId: org('Transparencia Ciudadana').id, requestedBy: partner.id, problem: 'El municipio no publica las modificaciones de contratos; ¿cómo construimos presión?', language: 'es' }
	]);
	for (const e of [...made, clinicEvent]) await recordActivity(tx, actor, { subjectType: 'event', subjectId: e.id, organisationId: e.organisationId, action: 'created' });
}
