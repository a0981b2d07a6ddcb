// Saves a strategy step a moment after typing stops, through the JSON API's step endpoint (the
// use case the Save button's form action calls). The page sends no framework script: this file is
// its only script, bundled on its own, and every text it shows is in the page already. When a
// colleague saved first, it posts the form as the Save button would, and the page that comes back
// shows both versions, exactly as it does without script.
function enhance(form: HTMLFormElement) {
	const base = form.querySelector<HTMLInputElement>('input[name="baseVersion"]');
	const status = form.querySelector<HTMLElement>('[data-autosave-status]');
	if (!base || !status) return;
	const say = (key: 'saving' | 'saved' | 'failed') => (status.textContent = status.dataset[key] ?? '');
	let timer: ReturnType<typeof setTimeout> | undefined;
	let submitting = false;

	async function save() {
		say('saving');
		const body: Record<string, string | number> = { baseVersion: Number(base!.value) };
		for (const [name, value] of new FormData(form)) if (name !== 'baseVersion' && typeof value === 'string') body[name] = value;
		try {
			const res = await fetch(form.dataset.autosave!, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
			const data = (await res.json()) as { version?: number; theirs?: unknown };
			if (res.ok && typeof data.version === 'number') {
				base!.value = String(data.version);
				say('saved');
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
