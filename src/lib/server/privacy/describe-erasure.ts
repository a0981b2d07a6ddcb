import { and, eq, ne, notExists } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/types.ts';
import { memberships, organisations } from '../directory/schema.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { findSubject } from './erase-person.ts';
import { canErasePerson } from './policies.ts';

/**
 * What the confirmation page shows before an erasure: who, and the organisations that will be
 * left without an owner (they stay; staff invite a new owner).
 */
export async function describeErasure(db: Db, actor: Actor, userId: string) {
	ensure(canErasePerson(actor, userId));
	const subject = await findSubject(db, userId);
	const other = alias(memberships, 'other_owner');
	const lastOwnerOf = await db
		.select({ id: organisations.id, name: organisations.name })
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(
			and(
				eq(memberships.userId, userId),
				eq(memberships.role, 'owner'),
				notExists(
					db
						.select({ one: other.id })
						.from(other)
						.where(and(eq(other.organisationId, memberships.organisationId), eq(other.role, 'owner'), ne(other.userId, userId)))
				)
			)
		);
	return { userId: subject.userId, name: subject.name, email: subject.email, lastOwnerOf };
}
