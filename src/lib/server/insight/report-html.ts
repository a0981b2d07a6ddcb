import type { Component } from 'svelte';
import { render } from 'svelte/server';
import ReportBody from '#lib/components/insight/ReportBody.svelte';
import ReportFilters from '#lib/components/insight/ReportFilters.svelte';
import { reportTables } from '../../insight/report-tables.ts';
import type { Insight } from './get-insight.ts';

/** Rendered parts kept by this instance: a few filter sets in each language is what staff use. */
const KEEP = 64;
const rendered = new Map<string, string>();

/**
 * `Part` rendered with `props`, or the same HTML as last time for the same `key`: the most
 * recently used parts are kept, the oldest go first. Only an optimisation: an instance that never
 * rendered a part renders it. The markers Svelte leaves for hydration go: the page runs no script,
 * and HTML put in with {@html} is never hydrated.
 */
function renderedOnce<P extends Record<string, unknown>>(key: string, Part: Component<P>, props: () => P): string {
	const kept = rendered.get(key);
	if (kept !== undefined) {
		rendered.delete(key);
		rendered.set(key, kept);
		return kept;
	}
	const html = render(Part, { props: props() }).body.replace(/<!--[\s\S]*?-->/g, '');
	rendered.set(key, html);
	if (rendered.size > KEEP) rendered.delete(rendered.keys().next().value!);
	return html;
}

/**
 * The filter form and the report's tables and charts as HTML. The same kept snapshot, read in the
 * same language with the same filters, always renders the same, so each is rendered once per
 * instance and reused until the snapshot is computed again (its time is part of the key), instead
 * of building every table, chart, number and country option on each visit.
 */
export function reportHtml(insight: Insight, locale: string, exportQuery: string): { filters: string; report: string } {
	const { query, programmes } = insight;
	return {
		filters: renderedOnce(JSON.stringify(['filters', query, programmes, locale]), ReportFilters, () => ({ query, programmes, locale })),
		report: renderedOnce(JSON.stringify(['report', query, insight.asOf, insight.rollupsAsOf, insight.areas, locale, exportQuery]), ReportBody, () => ({
			tables: reportTables(insight, locale),
			locale,
			exportQuery
		}))
	};
}
