// Fills the suggestion lists of country fields, in the page's language, from the country codes and
// the browser's own country names: the 250 names are not sent in every page, and this file is
// cached like the other built files. Without script a country field is a text box the server reads.
import { countryOptions } from '#lib/countries.ts';

export function fillCountrySuggestions(list: HTMLDataListElement) {
	if (list.options.length) return;
	for (const c of countryOptions(document.documentElement.lang || 'en')) list.append(new Option('', c.name));
}

// A list drawn again by the page after this ran is filled when its field is reached.
document.addEventListener('focusin', (e) => {
	const list = e.target instanceof HTMLInputElement ? e.target.list : null;
	if (list instanceof HTMLDataListElement && list.hasAttribute('data-countries')) fillCountrySuggestions(list);
});
for (const list of document.querySelectorAll<HTMLDataListElement>('datalist[data-countries]')) fillCountrySuggestions(list);
