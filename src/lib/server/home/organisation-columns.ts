import { organisations } from '../directory/schema.ts';
import { partnerLabel } from '../directory/partner-label.ts';
import type { Actor } from '../identity/actor.ts';

/** The columns a home needs to name an organisation through the labelling rule. */
export const ORGANISATION = {
	organisationId: organisations.id,
	organisationName: organisations.name,
	organisationReference: organisations.reference,
	sensitive: organisations.sensitive
};

type Named = { organisationId: string; organisationName: string; organisationReference: string; sensitive: boolean };

/** Replaces the raw organisation columns of a row with the one label the actor may read. */
export function labelled<T extends Named>(actor: Actor, row: T): Omit<T, keyof Named> & { organisation: string } {
	const { organisationId, organisationName, organisationReference, sensitive, ...rest } = row;
	return { ...rest, organisation: partnerLabel(actor, { id: organisationId, name: organisationName, reference: organisationReference, sensitive }) };
}
