// Notification categories and delivery modes, kept free of zod so pages can import them.

export const NOTIFICATION_CATEGORIES = [
	'assigned',
	'request_submitted',
	'clinic_requested',
	'application_submitted',
	'information_answered',
	'decision',
	'payment_recorded',
	'report_submitted',
	'report_overdue',
	'event_changed',
	'waitlist_offered',
	'contact_message'
] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** immediately: a mail per notification; daily: one digest mail at 08:00 local time; in_app: no mail. */
export const DELIVERY_MODES = ['immediately', 'daily', 'in_app'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const DEFAULT_DELIVERY: DeliveryMode = 'immediately';
