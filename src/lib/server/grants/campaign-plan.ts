/**
 * What the grants domain accepts from elsewhere in the hub to start a mini-grant application
 * already filled in: today the advocacy toolkit hands over a strategy's plan. The grants domain
 * owns this shape and the use case that consumes it (`startApplicationFromPlan`); callers build
 * a `CampaignPlan` and never touch application tables themselves.
 */
export type CampaignPlanMilestone = {
	title: string;
	/** ISO date (YYYY-MM-DD) or empty when the plan has none. */
	dueDate: string;
	deliverable: string;
};

export type CampaignPlan = {
	/** Where the plan came from, kept on the application for traceability (e.g. "strategy"). */
	source: { kind: 'strategy'; id: string };
	organisationId: string;
	goal: string;
	/** ISO date (YYYY-MM-DD) by which the campaign goal should be reached, or empty. */
	deadline: string;
	mandateSought: string;
	milestones: CampaignPlanMilestone[];
	deliverables: string[];
	campaignManager: { name: string; role: string; email: string };
};
