// Guests who have not chosen a zone: remember the browser's, so the next page shows it (named, not "your time").
try {
	const z = Intl.DateTimeFormat().resolvedOptions().timeZone;
	if (z && !document.cookie.includes('event_tz_guess=' + encodeURIComponent(z)))
		document.cookie = 'event_tz_guess=' + encodeURIComponent(z) + '; path=/events; max-age=31536000; samesite=lax';
} catch {
	// No Intl: times stay in UTC.
}
