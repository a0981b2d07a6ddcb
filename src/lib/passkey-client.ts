// The browser half of the passkey ceremonies: ask the hub for a challenge, let the authenticator
// answer it, send the answer back. Pages show these controls only where scripts and WebAuthn run;
// everything else on them works without.
import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';

export { browserSupportsWebAuthn };

export class PasskeyProblem extends Error {
	constructor(
		message: string,
		readonly code: string | null
	) {
		super(message);
	}
}

async function post(url: string, body: unknown, fallback: string): Promise<Record<string, unknown>> {
	let res: Response;
	try {
		res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	} catch {
		throw new PasskeyProblem(fallback, null);
	}
	const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
	if (!res.ok) throw new PasskeyProblem(data?.error?.message ?? fallback, data?.error?.code ?? null);
	return (data ?? {}) as Record<string, unknown>;
}

/** Signs in, or confirms who one is: returns where the hub says to go next. */
export async function usePasskey(optionsUrl: string, verifyUrl: string, messages: { failed: string; cancelled: string }): Promise<string | null> {
	const options = await post(optionsUrl, {}, messages.failed);
	let response;
	try {
		response = await startAuthentication({ optionsJSON: options as never });
	} catch {
		throw new PasskeyProblem(messages.cancelled, 'CANCELLED');
	}
	const done = await post(verifyUrl, { response }, messages.failed);
	return typeof done.next === 'string' ? done.next : null;
}

/** Adds a passkey under the given name. */
export async function addPasskey(optionsUrl: string, addUrl: string, name: string, messages: { failed: string; cancelled: string }): Promise<void> {
	const options = await post(optionsUrl, {}, messages.failed);
	let response;
	try {
		response = await startRegistration({ optionsJSON: options as never });
	} catch {
		throw new PasskeyProblem(messages.cancelled, 'CANCELLED');
	}
	await post(addUrl, { name, response }, messages.failed);
}
