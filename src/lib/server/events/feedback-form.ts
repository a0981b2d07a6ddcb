/** The survey form's fields (rating, q1…q10) → the feedback input. */
export function feedbackFromForm(data: FormData) {
	const answers: Record<string, string> = {};
	for (const [k, v] of data.entries()) if (/^q\d{1,2}$/.test(k) && typeof v === 'string') answers[k] = v;
	return { rating: data.get('rating') ?? '', answers };
}
