import type { FileAnswer } from './definition.ts';

export const attachAnswerFileHeaders = (f: FileAnswer) => ({
	'Content-Type': f.type,
	'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
	'Cache-Control': 'private, no-store',
	'X-Content-Type-Options': 'nosniff'
});
