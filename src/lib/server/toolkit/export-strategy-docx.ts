import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { recordExport } from '../activity/record-export.ts';
import { getStrategy } from './get-strategy.ts';
import { strategyOutline, type Block } from './strategy-outline.ts';

// Text goes into TextRuns as it is: Word shows it literally, so markup stays visible as typed.
const lines = (text: string) => text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 }));

function render(block: Block): (Paragraph | Table)[] {
	if (block.kind === 'field')
		return [new Paragraph({ text: block.label, heading: HeadingLevel.HEADING_3 }), new Paragraph({ children: lines(block.text || '—') })];
	if (block.kind === 'list')
		return [new Paragraph({ text: block.label, heading: HeadingLevel.HEADING_3 }), ...block.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }))];
	const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
	return [
		new Paragraph({ text: block.caption, heading: HeadingLevel.HEADING_3 }),
		block.rows.length
			? new Table({
					width: { size: 100, type: WidthType.PERCENTAGE },
					rows: [new TableRow({ tableHeader: true, children: block.head.map((h) => cell(h, true)) }), ...block.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))]
				})
			: new Paragraph({ text: '—' })
	];
}

/** The strategy as a Word document in the team's language. */
export async function exportStrategyDocx(db: DbOrTx, actor: Actor, strategyId: string) {
	const view = await getStrategy(db, actor, strategyId);
	const outline = strategyOutline(view, view.strategy.language);
	const doc = new Document({
		title: outline.title,
		creator: 'Support Hub',
		sections: [
			{
				children: [
					new Paragraph({ text: outline.title, heading: HeadingLevel.TITLE }),
					new Paragraph({ text: outline.subtitle }),
					new Paragraph({ children: [new TextRun({ text: outline.prepared, italics: true })] }),
					...outline.sections.flatMap((s) => [new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1 }), ...s.blocks.flatMap(render)])
				]
			}
		]
	});
	const filename = `${outline.title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().slice(0, 80) || 'strategy'}.docx`;
	const bytes = await Packer.toBuffer(doc);
	// A strategy names risks to people: who took a copy out of the hub belongs in the audit trail.
	await recordExport(db, actor, 'strategy_docx', { format: 'docx', subjectId: view.strategy.id, organisationId: view.strategy.organisationId });
	return { filename, bytes };
}
