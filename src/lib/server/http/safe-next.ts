/** Only same-site paths are followed after a form, so a link cannot send people elsewhere. */
export function safeNext(value: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
	const v = typeof value === 'string' ? value : '';
	return v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\') ? v : fallback;
}
