import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { memberships, organisations } from '../directory/schema.ts';
import { faqs, resources, strategyMessages, strategyMonitoring, strategyStakeholders, strategyTactics, strategyActivities } from '../toolkit/schema.ts';
import type { ContentLanguage } from '../../toolkit-codes.ts';
import { versionKey } from '../toolkit/resource-versions.ts';
import { makeStrategy } from './toolkit-factories.ts';

// The toolkit's demo content: a library and an FAQ written for Support Hub in three languages,
// and a strategy in progress for a partner (plus one for the sensitive partner).

type Version = { title: string; summary: string; body: string };
type Item = { key: string; type: string; topics: string[]; countries: string[]; versions: Partial<Record<ContentLanguage, Version>> };
// One item per piece of material, with the languages it exists in (decision 065): the evidence on
// savings in all three, the confidentiality brief in English and Spanish, the letter only in English.
const LIBRARY: Item[] = [
	{ key: 'savings', type: 'evidence', topics: ['open_contracting', 'procurement_data', 'budget'], countries: ['MX', 'PY', 'SN', 'CI'], versions: { en: { title: 'What publishing contract data changed: savings and competition', summary: 'A short digest of public findings on how open procurement data relates to more bidders and lower prices.', body: 'Where buyers publish tenders, awards and contracts in a structured, timely way, more firms learn about opportunities and bid. More bidders usually means lower prices.\n\nUse this digest when officials worry about cost: the question is not what publishing costs, but what opacity already costs.' }, es: { title: 'Evidencia: la publicación de datos de contratación y los ahorros', summary: 'Resumen de hallazgos públicos sobre cómo los datos abiertos de compras se relacionan con más oferentes y mejores precios.', body: 'Cuando las entidades publican licitaciones, adjudicaciones y contratos de forma estructurada y oportuna, más empresas se enteran de las oportunidades y participan. Más competencia suele significar mejores precios.\n\nUse este resumen en negociaciones con funcionarios preocupados por los costos.' }, fr: { title: 'Preuves : ce que coûte l’opacité dans la commande publique', summary: 'Synthèse de constats publics sur le lien entre publication des données et concurrence accrue.', body: 'Lorsque les acheteurs publient les avis, attributions et contrats de façon structurée et à temps, davantage d’entreprises soumissionnent. La concurrence fait baisser les prix.\n\nÀ utiliser face aux objections sur le coût de la publication.' } } },
	{ key: 'confidential', type: 'brief', topics: ['legal_reform', 'open_contracting'], countries: [], versions: { en: { title: 'Commercial confidentiality: what can be withheld, and what cannot', summary: 'A two-page brief separating genuine trade secrets from the contract terms the public has a right to see.', body: 'Prices, quantities, delivery dates, the identity of the supplier and amendments are not trade secrets. Narrow, justified redactions — for example a proprietary formula — can be published with a reason.\n\nAsk for a public-interest test and a list of redactions with their grounds.' }, es: { title: 'Nota informativa: confidencialidad comercial y contratos públicos', summary: 'Qué puede reservarse y qué no: precios, cantidades, plazos y proveedores son información pública.', body: 'La confidencialidad comercial protege secretos industriales concretos, no los términos del contrato. Pida una prueba de interés público y la lista de partes reservadas con su justificación.' } } },
	{ key: 'officials', type: 'discussion_guide', topics: ['civic_monitoring'], countries: [], versions: { en: { title: 'Discussion guide: talking with officials who fear exposure', summary: 'Questions and framing for meetings with procurement officers who worry that open data will be used against them.', body: 'Start from their problems: late payments, complaints, audits. Show how published data protects officers who follow the rules.\n\nQuestions: What complaints take most of your time? Which data would let you answer them faster?' } } },
	{ key: 'already', type: 'template', topics: ['procurement_data'], countries: [], versions: { en: { title: 'Template: checking what a buyer "already publishes"', summary: 'A checklist to compare existing publication with the full contracting cycle, from planning to implementation.', body: 'For each stage — planning, tender, award, contract, implementation — note: is it published? Is it machine-readable? Is it timely? Can records be linked by an identifier?' } } },
	{ key: 'quality', type: 'case_study', topics: ['procurement_data', 'health'], countries: ['UA'], versions: { en: { title: 'Case study: improving data quality by publishing it first', summary: 'How a health buyer found and fixed errors faster once its data was public and users reported problems.', body: 'The team feared publishing flawed records. After publication, journalists and suppliers reported errors that internal checks had missed, and a feedback form turned users into quality checkers.' } } },
	{ key: 'letter', type: 'template', topics: ['open_contracting'], countries: [], versions: { en: { title: 'Template: letter requesting a meeting with a minister', summary: 'A short letter with placeholders for the problem, the evidence and a concrete ask.', body: 'Dear Minister,\n\n[One sentence on the problem and who it affects.]\n[One piece of evidence.]\n[The concrete step we ask you to take, and by when.]\n\nWe would welcome 30 minutes to discuss how we can support this.' } } },
	{ key: 'guia', type: 'discussion_guide', topics: ['civic_monitoring', 'health'], countries: ['MX', 'SN'], versions: { es: { title: 'Guía de discusión para negociar con ministerios', summary: 'Preguntas para preparar reuniones con funcionarios de compras y acordar compromisos concretos.', body: 'Antes de la reunión: identifique el problema que el ministerio quiere resolver. Durante la reunión: proponga un primer paso pequeño y medible. Después: envíe por escrito lo acordado.' }, fr: { title: 'Guide de discussion : préparer une rencontre avec un ministère', summary: 'Questions pour préparer une réunion avec les services des marchés publics et obtenir un engagement concret.', body: 'Avant : identifiez le problème que le ministère veut résoudre. Pendant : proposez un premier pas modeste et mesurable. Après : confirmez par écrit ce qui a été convenu.' } } },
	{ key: 'caso', type: 'case_study', topics: ['infrastructure', 'civic_monitoring'], countries: ['CO'], versions: { es: { title: 'Estudio de caso: monitoreo ciudadano de obras viales', summary: 'Cómo una red de periodistas y vecinos usó datos abiertos para seguir contratos de carreteras regionales.', body: 'La red cruzó los datos de contratos con visitas a las obras y publicó alertas cuando los plazos se vencían. La entidad respondió publicando las modificaciones de los contratos.' } } },
];

/** An item's versions as the table stores them (`titleEs`, …). */
const versionColumns = (versions: Item['versions']) =>
	Object.fromEntries(Object.entries(versions).flatMap(([l, v]) => Object.entries(v).map(([f, x]) => [versionKey(f as keyof Version, l as ContentLanguage), x])));

type F = typeof faqs.$inferInsert;
const FAQ: (Omit<F, 'resourceIds'> & { evidence: string[] })[] = [
	{ topic: 'cost', position: 1, evidence: ['savings'],
		questionEn: 'Publishing all this data is too expensive for us.', questionEs: 'Publicar todos estos datos es demasiado caro para nosotros.', questionFr: 'Publier toutes ces données nous coûte trop cher.',
		answerEn: 'Most of the data already exists in your systems; the cost is in making it available, which can start small with the stages you already record. Compare it with what weak competition costs: even a small fall in prices on a few large contracts usually pays for publication many times over.',
		answerEs: 'La mayoría de los datos ya existen en sus sistemas; el costo está en ponerlos a disposición, y se puede empezar por las etapas que ya registran. Compárelo con lo que cuesta la poca competencia: una pequeña baja de precios en pocos contratos grandes suele pagar la publicación muchas veces.',
		answerFr: 'La plupart des données existent déjà dans vos systèmes ; le coût consiste à les rendre accessibles, et l’on peut commencer par les étapes déjà enregistrées. Comparez avec le coût d’une faible concurrence : une petite baisse des prix sur quelques gros marchés paie souvent la publication plusieurs fois.' },
	{ topic: 'confidentiality', position: 1, evidence: ['confidential'],
		questionEn: 'Contracts contain commercially confidential information.', questionEs: 'Los contratos contienen información comercial confidencial.', questionFr: 'Les contrats contiennent des informations commercialement confidentielles.',
		answerEn: 'Some details can be confidential, but prices, quantities, deadlines, the supplier and amendments are not trade secrets. Propose publishing by default, with specific redactions that are justified and listed, so the exception stays an exception.',
		answerEs: 'Algunos detalles pueden ser confidenciales, pero los precios, cantidades, plazos, el proveedor y las modificaciones no son secretos comerciales. Proponga publicar por defecto, con reservas concretas justificadas y listadas, para que la excepción siga siendo excepción.',
		answerFr: 'Certains détails peuvent être confidentiels, mais les prix, quantités, délais, le fournisseur et les avenants ne sont pas des secrets d’affaires. Proposez la publication par défaut, avec des occultations précises, justifiées et listées, pour que l’exception reste l’exception.' },
	{ topic: 'officials', position: 1, evidence: ['officials', 'guia'],
		questionEn: 'Officials will be exposed and attacked for every mistake.', questionEs: 'Los funcionarios quedarán expuestos y serán atacados por cada error.', questionFr: 'Les agents seront exposés et attaqués pour chaque erreur.',
		answerEn: 'Clear, published records protect officials who follow the rules: they can point to the data instead of defending themselves case by case. Agree with them on what is published about individuals, and pair publication with channels to correct errors.',
		answerEs: 'Los registros claros y publicados protegen a quienes siguen las reglas: pueden remitirse a los datos en vez de defenderse caso por caso. Acuerden qué se publica sobre las personas y acompañen la publicación con canales para corregir errores.',
		answerFr: 'Des données claires et publiées protègent les agents qui respectent les règles : ils peuvent renvoyer aux données plutôt que de se défendre au cas par cas. Convenez avec eux de ce qui est publié sur les personnes et associez la publication à des moyens de corriger les erreurs.' },
	{ topic: 'already_publish', position: 1, evidence: ['already'],
		questionEn: 'We already publish our procurement information.', questionEs: 'Nosotros ya publicamos la información de compras.', questionFr: 'Nous publions déjà nos informations sur les marchés.',
		answerEn: 'Welcome what exists, then walk through the whole cycle together: is planning, award, the contract itself and its implementation published? Is it timely, machine-readable and linked by one identifier? The gaps become a practical, shared to-do list.',
		answerEs: 'Reconozca lo que ya existe y recorran juntos todo el ciclo: ¿se publica la planificación, la adjudicación, el contrato y su ejecución? ¿A tiempo, en formato legible por máquinas y vinculado por un identificador? Los vacíos se convierten en una lista de tareas compartida.',
		answerFr: 'Saluez ce qui existe, puis parcourez ensemble tout le cycle : la planification, l’attribution, le contrat lui-même et son exécution sont-ils publiés ? À temps, dans un format lisible par machine, reliés par un identifiant ? Les manques deviennent une liste de tâches commune.' },
	{ topic: 'data_quality', position: 1, evidence: ['quality'],
		questionEn: 'Our data is not good enough to publish yet.', questionEs: 'Nuestros datos todavía no son lo bastante buenos para publicarlos.', questionFr: 'Nos données ne sont pas encore assez bonnes pour être publiées.',
		answerEn: 'Data rarely improves while nobody uses it. Publishing with a note on known issues, and a way for users to report errors, usually finds problems faster than internal review alone.',
		answerEs: 'Los datos rara vez mejoran si nadie los usa. Publicar con una nota sobre los problemas conocidos y una vía para reportar errores suele encontrar fallas más rápido que la revisión interna sola.',
		answerFr: 'Les données s’améliorent rarement tant que personne ne les utilise. Publier avec une note sur les problèmes connus et un moyen de signaler les erreurs permet souvent de les trouver plus vite qu’une revue interne seule.' },
	{ topic: 'capacity', position: 1, evidence: ['letter'],
		questionEn: 'We do not have the staff or skills to do this.', questionEs: 'No tenemos el personal ni las capacidades para hacerlo.', questionFr: 'Nous n’avons ni le personnel ni les compétences pour le faire.',
		answerEn: 'Offer a first step sized to the team they have, and name the support available: peers in other agencies, training, or a small grant. Capacity grows with a concrete task more than with a plan.',
		answerEs: 'Ofrezca un primer paso a la medida del equipo que tienen y mencione el apoyo disponible: pares de otras entidades, capacitación o una pequeña subvención. La capacidad crece con una tarea concreta más que con un plan.',
		answerFr: 'Proposez une première étape à la taille de leur équipe et citez l’appui disponible : des pairs d’autres administrations, une formation ou une petite subvention. Les capacités grandissent avec une tâche concrète plus qu’avec un plan.' },
	{ topic: 'misuse', position: 1, evidence: ['caso'],
		questionEn: 'People will misread the data and spread false claims.', questionEs: 'La gente malinterpretará los datos y difundirá acusaciones falsas.', questionFr: 'Les gens vont mal interpréter les données et diffuser de fausses accusations.',
		answerEn: 'Misreadings happen more when data is partial. Publish context with the data, answer questions publicly, and work with journalists and monitors who can become allies in explaining it.',
		answerEs: 'Las malas lecturas ocurren más cuando los datos son parciales. Publique contexto junto con los datos, responda las preguntas en público y trabaje con periodistas y monitores que pueden ser aliados para explicarlos.',
		answerFr: 'Les erreurs d’interprétation sont plus fréquentes quand les données sont partielles. Publiez le contexte avec les données, répondez publiquement aux questions et travaillez avec les journalistes et observateurs qui peuvent devenir des alliés pour les expliquer.' },
	{ topic: 'legal', position: 1, evidence: ['confidential'],
		questionEn: 'The law does not allow us to publish this.', questionEs: 'La ley no nos permite publicar esto.', questionFr: 'La loi ne nous permet pas de publier cela.',
		answerEn: 'Ask which provision is meant and read it together: access-to-information and procurement laws often require more than is published today. Where a real barrier exists, it becomes a precise reform goal.',
		answerEs: 'Pregunte a qué disposición se refieren y léanla juntos: las leyes de acceso a la información y de compras suelen exigir más de lo que hoy se publica. Si existe una barrera real, se convierte en una meta de reforma precisa.',
		answerFr: 'Demandez de quelle disposition il s’agit et lisez-la ensemble : les lois sur l’accès à l’information et sur les marchés exigent souvent plus que ce qui est publié aujourd’hui. Si un véritable obstacle existe, il devient un objectif de réforme précis.' }
];

export async function seedDemoToolkit(tx: DbOrTx, createdBy: string) {
	const ids = new Map<string, string>();
	for (const { key, ...r } of LIBRARY) {
		const [row] = await tx.insert(resources).values({ type: r.type, topics: r.topics, countries: r.countries, ...versionColumns(r.versions), createdBy }).returning({ id: resources.id });
		ids.set(key, row.id);
	}
	await tx.insert(faqs).values(FAQ.map(({ evidence, ...f }) => ({ ...f, resourceIds: evidence.map((k) => ids.get(k)!) })));

	const [partnerOrg] = await tx.select().from(organisations).where(eq(organisations.name, 'Transparencia Ciudadana'));
	const [quiet] = await tx.select().from(organisations).where(eq(organisations.sensitive, true)).limit(1);
	if (partnerOrg) {
		const team = await tx.select().from(memberships).where(eq(memberships.organisationId, partnerOrg.id));
		const s = await makeStrategy(tx, {
			organisationId: partnerOrg.id,
			title: 'Compras de medicamentos abiertas en el estado',
			language: 'es',
			createdBy: team[0]?.userId ?? null,
			editors: team.map((t) => t.userId),
			steps: {
				1: { problem: 'Los hospitales del estado compran medicamentos a precios muy distintos y sin competencia.', context: 'Nueva administración estatal con compromiso de transparencia; ley de compras en revisión.', windows: 'Presupuesto estatal de octubre; foro de gobierno abierto en junio.', risks: 'Presión a periodistas locales; proteger la identidad de informantes en hospitales.' },
				2: { goal: 'La Secretaría de Salud publica el 100 % de sus contratos de medicamentos en formato abierto antes de diciembre de 2027.', deadline: '2027-12-15', mandate: 'Acuerdo de la Secretaría de Salud sobre publicación de contratos', objectives: 'Publicar contratos de 2026; crear un tablero de precios; formar a 20 funcionarios.', tocIf: 'mostramos a la Secretaría cuánto cuesta la falta de competencia', tocThen: 'publicará sus contratos', tocBecause: 'quiere cumplir su compromiso de transparencia y ahorrar presupuesto' },
				3: { managerName: 'Paula Partner', managerRole: 'Coordinadora de campañas', managerEmail: 'partner@demo.supporthub.org' }
			}
		});
		await tx.insert(strategyStakeholders).values([
			{ strategyId: s.id, name: 'Secretaría de Salud', type: 'government', position: -1, power: 5, interest: 4, target: true },
			{ strategyId: s.id, name: 'Congreso estatal', type: 'legislature', position: 0, power: 4, interest: 2 },
			{ strategyId: s.id, name: 'Periodistas de datos', type: 'media', position: 2, power: 2, interest: 5, ally: true },
			{ strategyId: s.id, name: 'Cámara de proveedores', type: 'business', position: -2, power: 3, interest: 4 }
		]);
		await tx.insert(strategyTactics).values([
			{ strategyId: s.id, audience: 'decision_makers', change: 'action', description: 'Reunión con la Secretaría para acordar un plan de publicación' },
			{ strategyId: s.id, audience: 'public', change: 'awareness', description: 'Tablero de precios de medicamentos' }
		]);
		await tx.insert(strategyMessages).values({ strategyId: s.id, audience: 'decision_makers', coreMessage: 'Publicar contratos ahorra dinero y cumple su compromiso.', evidence: 'Diferencias de precio de hasta 300 %.', messenger: 'Asociación de médicos', ask: 'Firmar el acuerdo de publicación antes de junio.' });
		await tx.insert(strategyActivities).values([
			{ strategyId: s.id, title: 'Análisis de precios 2026', owner: 'Equipo de datos', startDate: '2027-01-10', dueDate: '2027-03-01', status: 'in_progress', budget: 2500, milestone: false, deliverable: 'Informe de precios' },
			{ strategyId: s.id, title: 'Acuerdo firmado con la Secretaría', owner: 'Paula', startDate: '2027-04-01', dueDate: '2027-06-15', status: 'planned', budget: 800, milestone: true, deliverable: 'Acuerdo de publicación' },
			{ strategyId: s.id, title: 'Lanzamiento del tablero', owner: 'Equipo de datos', startDate: '2027-07-01', dueDate: '2027-09-30', status: 'planned', budget: 4000, milestone: true, deliverable: 'Tablero público' }
		]);
		await tx.insert(strategyMonitoring).values({ strategyId: s.id, kind: 'indicator', title: 'Contratos de medicamentos publicados', target: '100 %', progress: '15 %' });
	}
	if (quiet) await makeStrategy(tx, { organisationId: quiet.id, title: 'Public contract transparency roadmap', language: 'en' });
}
