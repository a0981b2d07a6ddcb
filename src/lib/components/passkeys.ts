// The passkey buttons and the form that adds one. They are the only script on their pages, bundled
// on their own (decision 063). The page draws them hidden with every text they may show; this
// reveals them where WebAuthn runs and performs the ceremony. Without script or WebAuthn the
// password form and the authenticator app serve, as before.
import { addPasskey, browserSupportsWebAuthn, PasskeyProblem, usePasskey } from '#lib/passkey-client.ts';

const supported = browserSupportsWebAuthn();

/** A failure in an alert inserted where the control is, so that it is announced. */
function problem(box: HTMLElement, before: Element, text: string) {
	box.querySelector('[data-problem]')?.remove();
	const p = document.createElement('p');
	p.setAttribute('role', 'alert');
	p.dataset.problem = '';
	p.className = 'field-error mb-2';
	p.textContent = text;
	before.before(p);
}

for (const box of document.querySelectorAll<HTMLElement>('[data-passkey-use]')) {
	if (!supported) continue;
	box.hidden = false;
	const button = box.querySelector('button')!;
	const { options, verify, next, failed, cancelled } = box.dataset as Record<string, string>;
	button.addEventListener('click', async () => {
		button.disabled = true;
		box.querySelector('[data-problem]')?.remove();
		try {
			location.assign((await usePasskey(options, verify, { failed, cancelled })) ?? next);
		} catch (e) {
			problem(box, button, e instanceof PasskeyProblem ? e.message : failed);
			button.disabled = false;
		}
	});
}

for (const box of document.querySelectorAll<HTMLElement>('[data-passkey-add]')) {
	box.hidden = false;
	box.querySelector<HTMLElement>(supported ? '[data-supported]' : '[data-unsupported]')?.removeAttribute('hidden');
	const form = box.querySelector('form');
	if (!supported || !form) continue;
	const name = form.querySelector('input')!;
	const button = form.querySelector('button')!;
	const { options, add, confirm, failed, cancelled } = box.dataset as Record<string, string>;
	name.addEventListener('input', () => (button.disabled = !name.value.trim()));
	form.addEventListener('submit', async (e) => {
		e.preventDefault();
		button.disabled = true;
		form.querySelector('[data-problem]')?.remove();
		try {
			await addPasskey(options, add, name.value.trim(), { failed, cancelled });
			location.assign('/settings/security?passkey=added');
		} catch (err) {
			if (err instanceof PasskeyProblem && err.code === 'FRESH_PROOF_REQUIRED') location.assign(confirm);
			problem(form, form.firstElementChild!, err instanceof PasskeyProblem ? err.message : failed);
			button.disabled = !name.value.trim();
		}
	});
}
