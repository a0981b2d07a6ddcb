import type { Band, Criterion, Gate, Translated } from '../../engagement-codes.ts';

// The first version of the eleven criteria, seeded into every new hub. Admins edit them from
// there; each edit is a new version. Level 0 is the weakest answer to the question, 4 the strongest.
const t = (en: string, es: string, fr: string): Translated => ({ en, es, fr });
type Five = Criterion['descriptors'];

function criterion(key: string, weight: number, title: Translated, question: Translated, descriptors: Five, polarity: Criterion['polarity'] = 'positive'): Criterion {
	return { key, title, question, descriptors, weight, polarity };
}

export const DEFAULT_CRITERIA: Criterion[] = [
	criterion('clear_goal', 1.5,
		t('Clear goal', 'Objetivo claro', 'Objectif clair'),
		t('How clearly is the goal stated as a measurable, dated result tied to a specific problem?',
			'¿Con qué claridad se expresa el objetivo como un resultado medible y con fecha, ligado a un problema concreto?',
			'Dans quelle mesure l’objectif est-il formulé comme un résultat mesurable et daté, lié à un problème précis ?'),
		[
			t('No goal beyond a general wish for openness.', 'Ningún objetivo más allá de un deseo general de apertura.', 'Aucun objectif au-delà d’un souhait général d’ouverture.'),
			t('A broad aim, with no target or date.', 'Una aspiración amplia, sin meta ni fecha.', 'Une intention large, sans cible ni date.'),
			t('A problem is named, but the target or date is missing.', 'Se nombra un problema, pero falta la meta o la fecha.', 'Un problème est nommé, mais la cible ou la date manque.'),
			t('A specific, measurable target with a date; the owner is unclear.', 'Una meta concreta y medible con fecha; no está claro quién la lleva.', 'Une cible précise et mesurable, datée ; le responsable reste flou.'),
			t('A specific, measurable, dated goal with a named owner and a social result.', 'Un objetivo concreto, medible y con fecha, con responsable y un resultado social.', 'Un objectif précis, mesurable et daté, avec un responsable nommé et un résultat social.')
		]),
	criterion('mandate', 1.5,
		t('Mandate', 'Mandato', 'Mandat'),
		t('Is there a political mandate, clear leadership and a plan or mechanism to carry the reform?',
			'¿Existe un mandato político, un liderazgo claro y un plan o mecanismo para llevar adelante la reforma?',
			'Existe-t-il un mandat politique, un leadership clair et un plan ou un mécanisme pour porter la réforme ?'),
		[
			t('No mandate and nobody in charge.', 'Sin mandato y sin nadie a cargo.', 'Aucun mandat, personne aux commandes.'),
			t('Informal interest from a few officials.', 'Interés informal de algunos funcionarios.', 'Un intérêt informel de quelques responsables.'),
			t('A stated commitment, without a plan or a lead.', 'Un compromiso declarado, sin plan ni responsable.', 'Un engagement affiché, sans plan ni pilote.'),
			t('A formal mandate with a lead; the plan is still thin.', 'Un mandato formal con responsable; el plan aún es débil.', 'Un mandat formel avec un pilote ; le plan reste mince.'),
			t('A formal mandate, clear leadership and an action plan or compliance mechanism.', 'Mandato formal, liderazgo claro y un plan de acción o mecanismo de cumplimiento.', 'Un mandat formel, un leadership clair et un plan d’action ou un mécanisme de suivi.')
		]),
	criterion('political_buy_in', 1.5,
		t('Political buy-in', 'Apoyo político', 'Adhésion politique'),
		t('Are influential actors willing to spend political capital and resources on the goal?',
			'¿Hay actores influyentes dispuestos a invertir capital político y recursos en el objetivo?',
			'Des acteurs influents sont-ils prêts à engager du capital politique et des moyens pour cet objectif ?'),
		[
			t('No influential supporter.', 'Ningún apoyo influyente.', 'Aucun soutien influent.'),
			t('Sympathy in words only.', 'Simpatía solo de palabra.', 'Une sympathie de principe seulement.'),
			t('One champion, with limited reach.', 'Un promotor, con alcance limitado.', 'Un champion, à la portée limitée.'),
			t('Several influential actors have acted in support.', 'Varios actores influyentes ya han actuado en apoyo.', 'Plusieurs acteurs influents ont déjà agi en soutien.'),
			t('Senior leaders visibly commit their standing and budgets.', 'Altos dirigentes comprometen visiblemente su prestigio y presupuesto.', 'Des dirigeants de haut niveau engagent visiblement leur crédit et leurs budgets.')
		]),
	criterion('resources', 1,
		t('Resources', 'Recursos', 'Ressources'),
		t('Are money and other resources identified to carry out the work?',
			'¿Se han identificado dinero y otros recursos para llevar a cabo el trabajo?',
			'Des fonds et d’autres moyens sont-ils identifiés pour mener le travail ?'),
		[
			t('Nothing identified.', 'Nada identificado.', 'Rien d’identifié.'),
			t('Hopes of funding, nothing committed.', 'Esperanzas de financiación, nada comprometido.', 'Des espoirs de financement, rien d’engagé.'),
			t('Some resources committed, large gaps remain.', 'Algunos recursos comprometidos; quedan grandes vacíos.', 'Quelques moyens engagés ; de grands manques subsistent.'),
			t('Most of what is needed is committed.', 'La mayor parte de lo necesario está comprometido.', 'L’essentiel des besoins est couvert par des engagements.'),
			t('Full budget and staff committed for the whole effort.', 'Presupuesto y personal completos comprometidos para todo el esfuerzo.', 'Budget et personnel complets engagés pour toute la durée.')
		]),
	criterion('skills', 1,
		t('Skills', 'Capacidades', 'Compétences'),
		t('Do the actors have the procurement, sector and data or technical know-how the work needs?',
			'¿Tienen los actores los conocimientos de contratación, del sector y de datos o técnicos que el trabajo requiere?',
			'Les acteurs ont-ils les savoir-faire en marchés publics, dans le secteur et en données ou technique dont le travail a besoin ?'),
		[
			t('None of the needed skills.', 'Ninguna de las capacidades necesarias.', 'Aucune des compétences nécessaires.'),
			t('One area covered, weakly.', 'Un área cubierta, con debilidad.', 'Un domaine couvert, faiblement.'),
			t('Some skills present, with clear gaps.', 'Algunas capacidades presentes, con vacíos claros.', 'Certaines compétences présentes, avec des manques nets.'),
			t('Most skills present; small gaps.', 'La mayoría de las capacidades presentes; pequeños vacíos.', 'La plupart des compétences présentes ; petits manques.'),
			t('Strong skills in procurement, the sector and data.', 'Sólidas capacidades en contratación, en el sector y en datos.', 'De solides compétences en marchés publics, dans le secteur et en données.')
		]),
	criterion('data_infrastructure', 1,
		t('Data infrastructure', 'Infraestructura de datos', 'Infrastructure de données'),
		t('How far does existing technical infrastructure support the goal, and how big a lift is left?',
			'¿En qué medida la infraestructura técnica existente sostiene el objetivo y cuánto esfuerzo queda?',
			'Dans quelle mesure l’infrastructure technique existante soutient-elle l’objectif, et quel effort reste-t-il ?'),
		[
			t('No systems; everything is on paper.', 'Sin sistemas; todo está en papel.', 'Aucun système ; tout est sur papier.'),
			t('Scattered systems, little usable data.', 'Sistemas dispersos, pocos datos utilizables.', 'Des systèmes épars, peu de données exploitables.'),
			t('A core system exists; a major lift is needed.', 'Existe un sistema central; se requiere un gran esfuerzo.', 'Un système central existe ; un gros effort est nécessaire.'),
			t('Good systems; a moderate lift is needed.', 'Buenos sistemas; se requiere un esfuerzo moderado.', 'De bons systèmes ; un effort modéré est nécessaire.'),
			t('Systems already publish usable data; little lift needed.', 'Los sistemas ya publican datos utilizables; poco esfuerzo.', 'Les systèmes publient déjà des données exploitables ; peu d’effort.')
		]),
	criterion('collaboration', 1,
		t('Collaboration', 'Colaboración', 'Collaboration'),
		t('Are the actors willing and able to work together?',
			'¿Están los actores dispuestos y en condiciones de trabajar juntos?',
			'Les acteurs sont-ils disposés et aptes à travailler ensemble ?'),
		[
			t('Actors refuse to work together.', 'Los actores se niegan a trabajar juntos.', 'Les acteurs refusent de travailler ensemble.'),
			t('Occasional contact, low trust.', 'Contacto ocasional, poca confianza.', 'Des contacts occasionnels, peu de confiance.'),
			t('Willing, but no shared way of working.', 'Dispuestos, pero sin una forma común de trabajar.', 'Disposés, mais sans façon de travailler commune.'),
			t('Working together on some tasks.', 'Trabajan juntos en algunas tareas.', 'Ils travaillent ensemble sur certaines tâches.'),
			t('An established coalition with shared plans.', 'Una coalición establecida con planes compartidos.', 'Une coalition établie aux plans partagés.')
		]),
	criterion('opposition', 1,
		t('Opposition', 'Oposición', 'Opposition'),
		t('How much opposition does the goal face? (More opposition is worse.)',
			'¿Cuánta oposición enfrenta el objetivo? (Más oposición es peor.)',
			'Quelle opposition l’objectif rencontre-t-il ? (Plus d’opposition est moins favorable.)'),
		[
			t('No visible opposition.', 'Ninguna oposición visible.', 'Aucune opposition visible.'),
			t('Some doubts, easily answered.', 'Algunas dudas, fáciles de responder.', 'Quelques doutes, faciles à lever.'),
			t('Organised resistance from some actors.', 'Resistencia organizada de algunos actores.', 'Une résistance organisée de certains acteurs.'),
			t('Strong resistance from powerful interests.', 'Fuerte resistencia de intereses poderosos.', 'Une forte résistance d’intérêts puissants.'),
			t('Opposition able to block or reverse the reform.', 'Oposición capaz de bloquear o revertir la reforma.', 'Une opposition capable de bloquer ou d’annuler la réforme.')
		], 'negative'),
	criterion('physical_security', 1,
		t('Physical security', 'Seguridad física', 'Sécurité physique'),
		t('Can partners work safely: access to information, civil liberties, and freedom from repression of civil society?',
			'¿Pueden los socios trabajar con seguridad: acceso a la información, libertades civiles y ausencia de represión de la sociedad civil?',
			'Les partenaires peuvent-ils travailler en sécurité : accès à l’information, libertés civiles, absence de répression de la société civile ?'),
		[
			t('Severe repression; people are at risk.', 'Represión severa; las personas corren peligro.', 'Répression sévère ; des personnes sont en danger.'),
			t('Frequent threats or harassment.', 'Amenazas o acoso frecuentes.', 'Menaces ou harcèlement fréquents.'),
			t('Restrictions, with occasional incidents.', 'Restricciones, con incidentes ocasionales.', 'Des restrictions, avec des incidents ponctuels.'),
			t('Mostly safe, with minor limits.', 'Mayormente seguro, con límites menores.', 'Globalement sûr, avec des limites mineures.'),
			t('Open civic space and protected freedoms.', 'Espacio cívico abierto y libertades protegidas.', 'Espace civique ouvert et libertés protégées.')
		]),
	criterion('strategy_learning', 1,
		t('Strategy, learning and community', 'Estrategia, aprendizaje y comunidad', 'Stratégie, apprentissage et communauté'),
		t('What would the work teach us, our partners and the wider community, and what would it add to global advocacy?',
			'¿Qué enseñaría el trabajo a nosotros, a los socios y a la comunidad, y qué aportaría a la incidencia global?',
			'Qu’apprendrait ce travail à nous, aux partenaires et à la communauté, et qu’apporterait-il au plaidoyer mondial ?'),
		[
			t('Nothing new to learn or share.', 'Nada nuevo que aprender ni compartir.', 'Rien de nouveau à apprendre ni à partager.'),
			t('Lessons of local interest only.', 'Lecciones de interés solo local.', 'Des leçons d’intérêt seulement local.'),
			t('Useful lessons for similar partners.', 'Lecciones útiles para socios similares.', 'Des leçons utiles pour des partenaires semblables.'),
			t('Lessons that strengthen our strategy.', 'Lecciones que fortalecen nuestra estrategia.', 'Des leçons qui renforcent notre stratégie.'),
			t('A case that shapes global advocacy and the community.', 'Un caso que marca la incidencia global y la comunidad.', 'Un cas qui façonne le plaidoyer mondial et la communauté.')
		]),
	criterion('internal_capacity', 1,
		t('Internal skills and capacity', 'Capacidad interna', 'Capacités internes'),
		t('Can our own team deliver the support asked for, with the skills and time it needs?',
			'¿Puede nuestro propio equipo prestar el apoyo solicitado, con las capacidades y el tiempo necesarios?',
			'Notre propre équipe peut-elle apporter le soutien demandé, avec les compétences et le temps nécessaires ?'),
		[
			t('We cannot deliver this.', 'No podemos prestarlo.', 'Nous ne pouvons pas l’assurer.'),
			t('Only by dropping other commitments.', 'Solo dejando otros compromisos.', 'Seulement en renonçant à d’autres engagements.'),
			t('Possible, with outside help.', 'Posible, con ayuda externa.', 'Possible, avec une aide extérieure.'),
			t('We have the skills; time is tight.', 'Tenemos las capacidades; el tiempo es justo.', 'Nous avons les compétences ; le temps est compté.'),
			t('We have the skills and the time.', 'Tenemos las capacidades y el tiempo.', 'Nous avons les compétences et le temps.')
		])
];

export const DEFAULT_BANDS: Band[] = [
	{ code: 'invest', min: 70, label: t('Invest', 'Invertir', 'Investir') },
	{ code: 'discuss', min: 45, label: t('Discuss', 'Debatir', 'À discuter') },
	{ code: 'decline', min: 0, label: t('Decline', 'Rechazar', 'Refuser') }
];

/** At or below level 1 on physical security, the engagement needs a safety plan before it can go ahead. */
export const DEFAULT_GATE: Gate = { criterion: 'physical_security', atOrBelow: 1 };
