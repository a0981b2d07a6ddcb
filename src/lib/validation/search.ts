import { z } from './zod.ts';

/** The header's staff search: a few words, at least two characters. */
export const searchQuery = z.object({ q: z.string().trim().min(2).max(100) });
export type SearchQuery = z.infer<typeof searchQuery>;
