import { z } from './zod.ts';
import { DELIVERY_MODES, NOTIFICATION_CATEGORIES } from '../notifications/categories.ts';

/** How a person wants each category delivered; categories left out keep their current choice. */
export const notificationPreferencesInput = z.strictObject(
	Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, z.enum(DELIVERY_MODES).optional()])) as Record<
		(typeof NOTIFICATION_CATEGORIES)[number],
		z.ZodOptional<z.ZodEnum<{ [K in (typeof DELIVERY_MODES)[number]]: K }>>
	>
);
