import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';

import { findPerson } from './find-person.ts';
export async function getPerson(db: Db, actor: Actor, personId: string) {
	return (await findPerson(db, actor, personId)).person;
}
