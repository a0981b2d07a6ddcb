// Moves cards on the server-drawn power map with the arrow keys or by dragging. The page itself
// sends no framework script (it would weigh 65 KB): this file is its only script, bundled on its
// own. Every text it shows comes from the page, so it needs no messages: after a move it saves
// through the JSON API, fetches the page again and takes the map and table from it, in the
// reader's language. Without script the edit form changes position and power.
import { fromGridPoint, moveByKey } from '#lib/toolkit-power-map.ts';

const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];

function enhance(map: HTMLElement) {
	const grid = () => map.querySelector<HTMLElement>('[data-testid="power-grid"]');
	const live = map.querySelector<HTMLElement>('[aria-live]');
	let latest = 0;
	let dragging: { id: string; x: number; y: number } | null = null;

	const cardOf = (t: EventTarget | null) => (t instanceof Element ? t.closest<HTMLButtonElement>('button[data-id]') : null);
	const at = (c: HTMLElement) => ({ position: Number(c.dataset.position), power: Number(c.dataset.power) });

	/** Takes the grid and the table from a fresh copy of the page (the cards' names and labels as the hub has them). */
	async function refresh(seq: number) {
		const res = await fetch(location.href, { headers: { accept: 'text/html' } });
		if (!res.ok || seq !== latest) return;
		const next = new DOMParser().parseFromString(await res.text(), 'text/html');
		for (const part of map.querySelectorAll<HTMLElement>('[data-part]')) {
			const fresh = next.querySelector(`[data-power-map] [data-part="${part.dataset.part}"]`);
			if (fresh) part.replaceWith(document.importNode(fresh, true));
		}
	}

	async function move(card: HTMLButtonElement, to: { position: number; power: number }) {
		const from = at(card);
		if (to.position === from.position && to.power === from.power) return;
		const id = card.dataset.id!;
		const seq = ++latest;
		// Shown at once where it was put; the saved page then confirms it (or puts it back).
		grid()?.children[(5 - to.power) * 5 + to.position + 2]?.append(card);
		Object.assign(card.dataset, { position: String(to.position), power: String(to.power) });
		card.focus();
		let saved = false;
		try {
			const res = await fetch(`/api/v1/strategies/${map.dataset.strategy}/stakeholders/${id}`, {
				method: 'PATCH',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(to)
			});
			saved = res.ok;
		} catch {
			// Not reached: the page below puts the card back where it is stored.
		}
		try {
			await refresh(seq);
		} catch {
			if (!saved) Object.assign(card.dataset, { position: String(from.position), power: String(from.power) });
		}
		if (seq !== latest) return;
		const now = document.getElementById(`card-${id}`);
		now?.focus();
		if (live) live.textContent = saved ? (now?.dataset.moved ?? '') : (map.dataset.failed ?? '');
	}

	map.addEventListener('keydown', (e) => {
		const card = cardOf(e.target);
		if (!card || !ARROWS.includes(e.key)) return;
		e.preventDefault();
		const p = at(card);
		void move(card, moveByKey(p.position, p.power, e.key));
	});
	map.addEventListener('pointerdown', (e) => {
		const card = cardOf(e.target);
		if (!card) return;
		dragging = { id: card.dataset.id!, x: e.clientX, y: e.clientY };
		card.setPointerCapture(e.pointerId);
	});
	map.addEventListener('pointerup', (e) => {
		const card = cardOf(e.target);
		const g = grid();
		if (!card || !g || !dragging || dragging.id !== card.dataset.id) return;
		const moved = Math.abs(e.clientX - dragging.x) + Math.abs(e.clientY - dragging.y) > 6;
		dragging = null;
		if (!moved) return;
		const r = g.getBoundingClientRect();
		void move(card, fromGridPoint((e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height));
	});
}

const map = document.querySelector<HTMLElement>('[data-power-map][data-editable]');
if (map) enhance(map);
