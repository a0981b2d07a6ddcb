import type { Component } from 'svelte';
import Activity from './Activity.svelte';
import Agreements from './Agreements.svelte';
import Events from './Events.svelte';
import Members from './Members.svelte';
import People from './People.svelte';
import Requests from './Requests.svelte';
import Strategies from './Strategies.svelte';
import Grants from './Grants.svelte';
import Outcomes from './Outcomes.svelte';
import NeedToKnow from './NeedToKnow.svelte';

export type SectionProps = {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	data: any;
	org: { id: string; name: string };
	can: Record<string, boolean>;
};

/** Components for the partner page's sections, by the id the server-side section uses. */
export const SECTION_COMPONENTS: Record<string, Component<SectionProps>> = {
	people: People,
	members: Members,
	agreements: Agreements,
	requests: Requests,
	events: Events,
	strategies: Strategies,
	grants: Grants,
	outcomes: Outcomes,
	needToKnow: NeedToKnow,
	activity: Activity
};
