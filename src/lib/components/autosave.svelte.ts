/** What one automatic save came to: saved (with the new version), refused for a newer one, or failed. */
export type AutosaveOutcome<C> = { saved: true; version: number; savedAt?: string | null } | { conflict: C; version: number } | { failed: true };

/**
 * Saves a form a moment after typing stops: the one mechanism behind the toolkit's strategy steps
 * and applicants' drafts. Each save names the version it started from (`base`); a save refused
 * because someone else saved meanwhile keeps the conflict for the page to show, moves `base` to
 * their version (so saving again is a deliberate choice) and stops saving automatically until the
 * page is reloaded. The page's own Save button posts the same form without JavaScript.
 */
export class Autosave<C> {
	status = $state<'idle' | 'saving' | 'saved' | 'failed'>('idle');
	savedAt = $state<string | null>(null);
	conflict = $state<C | null>(null);
	#base = $state<number | null>(null);
	#initial: () => number;
	#send: (form: HTMLFormElement, base: number) => Promise<AutosaveOutcome<C>>;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#paused: () => boolean;
	#delay: number;

	/**
	 * `initialBase` is the version the page was rendered from; `paused` stops automatic saving while
	 * the page shows a conflict from its Save button (only a deliberate save may follow one).
	 */
	constructor(initialBase: () => number, send: (form: HTMLFormElement, base: number) => Promise<AutosaveOutcome<C>>, options: { paused?: () => boolean; delay?: number } = {}) {
		this.#initial = initialBase;
		this.#send = send;
		this.#paused = options.paused ?? (() => false);
		this.#delay = options.delay ?? 1200;
	}

	/** The version the next save starts from. */
	get base(): number {
		return this.#base ?? this.#initial();
	}

	/** The form's `oninput`: (re)starts the pause after which the form is saved. */
	schedule = (event: Event) => {
		const form = event.currentTarget as HTMLFormElement;
		clearTimeout(this.#timer);
		if (this.conflict || this.#paused()) return;
		this.#timer = setTimeout(() => this.#save(form), this.#delay);
	};

	async #save(form: HTMLFormElement) {
		this.status = 'saving';
		try {
			const r = await this.#send(form, this.base);
			if ('saved' in r) {
				this.#base = r.version;
				this.savedAt = r.savedAt ?? null;
				this.status = 'saved';
			} else if ('conflict' in r) {
				this.conflict = r.conflict;
				this.#base = r.version;
				this.status = 'idle';
			} else this.status = 'failed';
		} catch {
			this.status = 'failed';
		}
	}
}
