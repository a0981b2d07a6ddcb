/**
 * A quick reading of a goal for three of its SMART parts that can be spotted in the text itself:
 * a measurable target, a date or time frame, and an owner who will act. Used by the assessment's
 * first criterion and by the strategy workspace. It helps a writer see what is missing; it does
 * not judge whether the goal is specific, achievable or relevant, which only people can do.
 * Works on English, Spanish and French text. No zod here: pages import it.
 */
export type SmartPart = 'measurable' | 'dated' | 'owned';
export type SmartCheck = Record<SmartPart, boolean> & { missing: SmartPart[] };

export const SMART_PARTS: SmartPart[] = ['measurable', 'dated', 'owned'];

const MONTHS = [
	// en
	'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
	// es
	'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre', 'octubre', 'noviembre', 'diciembre',
	// fr
	'janvier', 'février', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'aout', 'septembre', 'octobre', 'novembre', 'décembre', 'decembre'
];

const UNITS = '(?:days?|weeks?|months?|years?|d[ií]as?|semanas?|mes(?:es)?|años?|anos?|jours?|semaines?|mois|ans?|ann[ée]es?)';

const DATE_PATTERNS: RegExp[] = [
	/\b(?:19|20)\d{2}\b/, // a year
	/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/, // 31/12/2027
	/\bq[1-4]\b/i, // a quarter
	new RegExp(`\\b(?:${MONTHS.join('|')})\\b`, 'iu'),
	new RegExp(`\\b(?:within|in|next|dentro de|en|los próximos|las próximas|d'ici|dans|sous|les prochains|les prochaines)\\s+(?:\\d+|one|two|three|six|twelve|un|una|uno|dos|tres|seis|doce|deux|trois|six|douze)?\\s*${UNITS}\\b`, 'iu'),
	/\b(?:next|this) (?:year|quarter|month)\b/i,
	/\b(?:el|este) próximo (?:año|mes|trimestre)\b|\b(?:este|el) año\b|\bfin(?:al)? de(?:l)? año\b/iu,
	/\b(?:l'année prochaine|cette année|fin d'année|fin de l'année|le mois prochain|le trimestre prochain)\b/iu,
	/\bby the end of\b|\bbefore the (?:next )?(?:election|budget)\b|\bantes de (?:las|la|el)? ?(?:elecciones|presupuesto)\b|\bavant (?:les|le) (?:élections|budget)\b/iu
];

const YEAR = /^(?:19|20)\d{2}$/;
const QUANTITY_WORDS =
	/\b(?:all|every|each|half|double|twice|triple|percent|per cent|todos|todas|cada|la mitad|el doble|por ciento|tous|toutes|chaque|la moitié|le double|pour cent|pourcent)\b|%/iu;
const NUMBER_WORDS =
	/\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|thousand|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|veinte|cincuenta|cien|mil|deux|trois|quatre|cinq|sept|huit|neuf|dix|douze|vingt|cinquante|cent|mille)\b/iu;

const OWNERS =
	/\b(?:we|our (?:organi[sz]ation|team|coalition)|the (?:ministry|minister|government|agency|authority|department|council|parliament|congress|senate|municipality|city|mayor|treasury|procurement (?:office|agency|authority)|regulator|president|cabinet)|ministry|minister|government|procurement agency|procurement office|nosotros|nosotras|nuestra organización|nuestro equipo|nuestra coalición|el ministerio|la ministra|el ministro|el gobierno|la agencia|la autoridad|la secretaría|el congreso|el senado|el municipio|la alcaldía|el ayuntamiento|la contraloría|la dirección|ministerio|gobierno|nous|notre organisation|notre équipe|notre coalition|le ministère|la ministre|le ministre|le gouvernement|l'agence|l'autorité|la direction|le parlement|l'assemblée|la commune|la mairie|le conseil|ministère|gouvernement)\b/iu;

function hasMeasure(text: string): boolean {
	if (QUANTITY_WORDS.test(text)) return true;
	// Numbers count unless they are only years, dates or time frames ("within 6 months").
	const withoutFrames = text
		.replace(/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g, ' ')
		.replace(new RegExp(`\\b\\d+\\s*${UNITS}\\b`, 'giu'), ' ')
		.replace(/\bq[1-4]\b/gi, ' ');
	const numbers = withoutFrames.match(/\d[\d.,]*/g) ?? [];
	if (numbers.some((n) => !YEAR.test(n))) return true;
	const withoutFrameWords = text.replace(new RegExp(`\\b\\w+\\s+${UNITS}\\b`, 'giu'), ' ');
	return NUMBER_WORDS.test(withoutFrameWords);
}

export function checkSmartGoal(text: string): SmartCheck {
	const t = text.normalize('NFC');
	const found: Record<SmartPart, boolean> = {
		measurable: hasMeasure(t),
		dated: DATE_PATTERNS.some((p) => p.test(t)),
		owned: OWNERS.test(t)
	};
	return { ...found, missing: SMART_PARTS.filter((p) => !found[p]) };
}
