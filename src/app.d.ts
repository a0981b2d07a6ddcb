import type { Actor } from '#lib/server/identity/actor.ts';

declare global {
	namespace App {
		interface Locals {
			actor: Actor;
			locale: 'en' | 'es' | 'fr';
			timeZone: string;
		}
	}
}

export {};
