// Saves a draft a moment after typing stops: the one autosave behind strategy steps and
// applicants' drafts. The page sends no framework script: this file is its only script, bundled
// on its own, and every text it shows is in the page already. The form names its save address in
// `data-autosave` and sends either JSON of its text fields (`data-autosave-as="json"`, PUT, the
// strategy steps' API) or the form itself without its files (POST, an application's draft). When
// someone else saved first (409), or their changes to other questions were merged in, it posts the
// form as the Save button would, and the page that comes back shows both versions or the merged
// answers, exactly as it does without script.
function enhance(form: HTMLFormElement) {
	const base = form.querySelector<HTMLInputElement>('input[name="baseVersion"]');
	const status = form.querySelector<HTMLElement>('[data-autosave-status]');
	if (!base || !status) return;
	const say = (key: 'saving' | 'saved' | 'failed') => (status.textContent = status.dataset[key] ?? '');
	// "Saved at 14:02", in the reader's language and time zone, when the server says when.
	const sayWhen = (iso: string) => {
		const time = new Intl.DateTimeFormat(document.documentElement.lang || 'en', { timeStyle: 'short', timeZone: status.dataset.timeZone || undefined }).format(new Date(iso));
		status.textContent = (status.dataset.savedAt ?? '').replace('{time}', time);
	};
	let timer: ReturnType<typeof setTimeout> | undefined;
	let submitting = false;

	function request(): RequestInit {
		if (form.dataset.autosaveAs === 'json') {
			const body: Record<string, string | number> = { baseVersion: Number(base!.value) };
			for (const [name, value] of new FormData(form)) if (name !== 'baseVersion' && typeof value === 'string') body[name] = value;
			return { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
		}
		const body = new FormData(form);
		for (const [name, value] of [...body]) if (typeof value !== 'string') body.delete(name);
		return { method: 'POST', body };
	}

	async function save() {
		say('saving');
		try {
			const res = await fetch(form.dataset.autosave!, request());
			const data = (await res.json()) as { version?: number; savedAt?: string | null; theirs?: unknown; merged?: boolean };
			if (res.ok && data.merged) {
				// A colleague's changes to other questions were kept beside these: the page that comes
				// back from a plain save shows them, instead of this form saving over them next time.
				submitting = true;
				form.requestSubmit();
			} else if (res.ok && typeof data.version === 'number') {
				base!.value = String(data.version);
				if (data.savedAt && status!.dataset.savedAt) sayWhen(data.savedAt);
				else say('saved');
			} else if (res.status === 409 && data.theirs) {
				submitting = true;
				form.requestSubmit();
			} else say('failed');
		} catch {
			say('failed');
		}
	}

	form.addEventListener('input', () => {
		clearTimeout(timer);
		if (!submitting) timer = setTimeout(save, 1200);
	});
	form.addEventListener('submit', () => {
		submitting = true;
		clearTimeout(timer);
	});
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-autosave]')) enhance(form);
