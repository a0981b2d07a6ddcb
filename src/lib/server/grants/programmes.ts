import type { CallDefinition } from '../../validation/grants.ts';

// The two programmes Support Hub starts with, written purely as data. The engine knows nothing
// of either: a new programme is another definition like these.

const yesNo = [
	{ value: 'yes', label: { en: 'Yes', es: 'Sí', fr: 'Oui' } },
	{ value: 'no', label: { en: 'No', es: 'No', fr: 'Non' } }
];

export const MINI_GRANT_CALL: CallDefinition = {
	programme: {
		slug: 'rapid-response',
		name: { en: 'Rapid-response mini-grants', es: 'Minisubvenciones de respuesta rápida', fr: 'Mini-subventions de réponse rapide' },
		description: {
			en: 'Small grants for civil-society partners running an advocacy campaign for open contracting: staff time and materials.',
			es: 'Pequeñas subvenciones para organizaciones de la sociedad civil con una campaña de incidencia por la contratación abierta: tiempo del personal y materiales.',
			fr: 'Petites subventions pour les organisations de la société civile menant une campagne de plaidoyer pour la commande publique ouverte : temps de travail et matériel.'
		},
		leadEmail: 'officer@demo.supporthub.org'
	},
	slug: 'rapid-response',
	title: { en: 'Rapid-response mini-grants', es: 'Minisubvenciones de respuesta rápida', fr: 'Mini-subventions de réponse rapide' },
	summary: {
		en: 'Up to USD 5,000 for a time-bound campaign that moves a government towards a mandate for open contracting. Decisions within ten working days.',
		es: 'Hasta 5.000 USD para una campaña con plazo que acerque a un gobierno a un mandato de contratación abierta. Decisión en diez días hábiles.',
		fr: 'Jusqu’à 5 000 USD pour une campagne limitée dans le temps qui rapproche un gouvernement d’un mandat pour la commande publique ouverte. Décision en dix jours ouvrables.'
	},
	rolling: true,
	timeZone: 'America/New_York',
	currency: 'USD',
	budget: 60000,
	maxAward: 5000,
	languages: ['en', 'es', 'fr'],
	whoMayApply: ['civil_society', 'media', 'academia'],
	decisionTargetDays: 10,
	reportMonths: [3],
	screener: {
		questions: [
			{
				id: 'goal',
				text: { en: 'Does your campaign have a clear, specific goal with a deadline?', es: '¿Tiene su campaña un objetivo claro y específico, con fecha límite?', fr: 'Votre campagne a-t-elle un objectif clair et précis, avec une échéance ?' },
				options: yesNo,
				qualifying: ['yes'],
				failReason: { en: 'Mini-grants fund campaigns with a clear, specific and time-bound goal.', es: 'Las minisubvenciones financian campañas con un objetivo claro, específico y con plazo.', fr: 'Les mini-subventions financent des campagnes dont l’objectif est clair, précis et daté.' }
			},
			{
				id: 'mandate',
				text: { en: 'Does the goal secure, or move towards, a political mandate for open contracting with budget and staff behind it?', es: '¿El objetivo logra, o acerca, un mandato político de contratación abierta con presupuesto y personal?', fr: 'L’objectif obtient-il, ou rapproche-t-il, un mandat politique pour la commande publique ouverte doté d’un budget et de personnel ?' },
				options: yesNo,
				qualifying: ['yes'],
				failReason: { en: 'The campaign must aim at a political mandate with budget and staff commitments.', es: 'La campaña debe buscar un mandato político con compromisos de presupuesto y personal.', fr: 'La campagne doit viser un mandat politique assorti d’engagements budgétaires et humains.' }
			},
			{
				id: 'plan',
				text: { en: 'Do you have a draft campaign plan with targets, deadlines, deliverables and external milestones?', es: '¿Tiene un borrador de plan de campaña con metas, plazos, entregables e hitos externos?', fr: 'Avez-vous un projet de plan de campagne avec cibles, échéances, livrables et jalons externes ?' },
				options: yesNo,
				qualifying: ['yes'],
				failReason: { en: 'A draft campaign plan is needed before applying.', es: 'Se necesita un borrador de plan de campaña antes de postular.', fr: 'Un projet de plan de campagne est nécessaire avant de postuler.' }
			},
			{
				id: 'manager',
				text: { en: 'Is a permanent staff member dedicated to managing the campaign?', es: '¿Hay una persona de planta dedicada a gestionar la campaña?', fr: 'Un membre permanent du personnel est-il dédié à la gestion de la campagne ?' },
				options: yesNo,
				qualifying: ['yes'],
				failReason: { en: 'A dedicated campaign manager from your permanent staff is required.', es: 'Se requiere una persona de planta dedicada a gestionar la campaña.', fr: 'Un responsable de campagne dédié, membre permanent du personnel, est requis.' }
			}
		]
	},
	stages: [
		{
			id: 'review',
			name: { en: 'Application and review', es: 'Solicitud y revisión', fr: 'Candidature et examen' },
			reviewers: { roles: ['reviewer', 'external_reviewer', 'programme_officer'], count: 2 },
			rubric: {
				criteria: [
					{ id: 'mandate', label: { en: 'Path to a mandate', es: 'Camino hacia un mandato', fr: 'Chemin vers un mandat' }, weight: 2, maxPoints: 5 },
					{ id: 'plan', label: { en: 'Plan and milestones', es: 'Plan e hitos', fr: 'Plan et jalons' }, weight: 1, maxPoints: 5 },
					{ id: 'value', label: { en: 'Value for money', es: 'Relación costo-beneficio', fr: 'Rapport coût-efficacité' }, weight: 1, maxPoints: 5 }
				]
			},
			form: {
				titleField: 'goal',
				amount: { field: 'budget', column: 'amount' },
				justificationField: 'justification',
				sections: [
					{
						id: 'campaign',
						title: { en: 'The campaign', es: 'La campaña', fr: 'La campagne' },
						fields: [
							{ id: 'goal', type: 'short_text', required: true, maxLength: 300, label: { en: 'Campaign goal', es: 'Objetivo de la campaña', fr: 'Objectif de la campagne' }, help: { en: 'What will have changed, and for whom, when the campaign succeeds?', es: '¿Qué habrá cambiado, y para quién, si la campaña tiene éxito?', fr: 'Qu’est-ce qui aura changé, et pour qui, si la campagne réussit ?' } },
							{ id: 'deadline', type: 'date', required: true, notPast: true, label: { en: 'Deadline for the goal', es: 'Fecha límite del objetivo', fr: 'Échéance de l’objectif' } },
							{ id: 'mandate', type: 'long_text', required: true, maxLength: 3000, label: { en: 'Mandate sought', es: 'Mandato que se busca', fr: 'Mandat recherché' }, help: { en: 'The political commitment, with its budget and staff.', es: 'El compromiso político, con su presupuesto y personal.', fr: 'L’engagement politique, avec son budget et son personnel.' } },
							{
								id: 'milestones',
								type: 'rows',
								required: true,
								minRows: 1,
								maxRows: 20,
								label: { en: 'Plan: milestones', es: 'Plan: hitos', fr: 'Plan : jalons' },
								columns: [
									{ id: 'title', type: 'short_text', required: true, maxLength: 300, label: { en: 'Milestone', es: 'Hito', fr: 'Jalon' } },
									{ id: 'due', type: 'date', label: { en: 'Due', es: 'Fecha', fr: 'Échéance' } },
									{ id: 'deliverable', type: 'short_text', maxLength: 300, label: { en: 'Deliverable', es: 'Entregable', fr: 'Livrable' } }
								]
							},
							{ id: 'deliverables', type: 'long_text', maxLength: 3000, label: { en: 'Other deliverables', es: 'Otros entregables', fr: 'Autres livrables' } }
						]
					},
					{
						id: 'manager',
						title: { en: 'Campaign manager', es: 'Responsable de la campaña', fr: 'Responsable de la campagne' },
						fields: [
							{ id: 'manager_name', type: 'short_text', identifying: true, required: true, maxLength: 200, label: { en: 'Name', es: 'Nombre', fr: 'Nom' } },
							{ id: 'manager_role', type: 'short_text', required: true, maxLength: 200, label: { en: 'Position', es: 'Cargo', fr: 'Poste' } },
							{ id: 'manager_email', type: 'short_text', identifying: true, maxLength: 200, label: { en: 'E-mail', es: 'Correo electrónico', fr: 'Courriel' } }
						]
					},
					{
						id: 'budget',
						title: { en: 'Budget', es: 'Presupuesto', fr: 'Budget' },
						fields: [
							{
								id: 'budget',
								type: 'rows',
								required: true,
								minRows: 1,
								maxRows: 30,
								label: { en: 'Budget lines (USD)', es: 'Partidas del presupuesto (USD)', fr: 'Lignes budgétaires (USD)' },
								columns: [
									{ id: 'item', type: 'short_text', required: true, maxLength: 200, label: { en: 'Item', es: 'Concepto', fr: 'Poste' } },
									{ id: 'amount', type: 'money', required: true, min: 1, label: { en: 'Amount', es: 'Monto', fr: 'Montant' } }
								]
							},
							{ id: 'justification', type: 'long_text', maxLength: 3000, label: { en: 'Justification for more than USD 5,000', es: 'Justificación para más de 5.000 USD', fr: 'Justification au-delà de 5 000 USD' }, help: { en: 'Only needed when the budget is over the maximum.', es: 'Solo si el presupuesto supera el máximo.', fr: 'Seulement si le budget dépasse le maximum.' } }
						]
					}
				]
			}
		}
	]
};

const rubric25 = {
	criteria: [
		{ id: 'impact', label: { en: 'Impact and plan', es: 'Impacto y plan', fr: 'Impact et plan' }, weight: 1, maxPoints: 10 },
		{ id: 'power', label: { en: 'Power to make change', es: 'Capacidad de lograr el cambio', fr: 'Pouvoir de changement' }, weight: 1, maxPoints: 8 },
		{ id: 'capacity', label: { en: 'Capacity to deliver', es: 'Capacidad de ejecución', fr: 'Capacité de mise en œuvre' }, weight: 1, maxPoints: 7 }
	]
};

export const ACCELERATOR_CALL: CallDefinition = {
	programme: {
		slug: 'accelerator',
		name: { en: 'Open contracting accelerator', es: 'Acelerador de contratación abierta', fr: 'Accélérateur de la commande publique ouverte' },
		description: {
			en: 'Eighteen months of support for a few teams reforming public contracting.',
			es: 'Dieciocho meses de apoyo para algunos equipos que reforman la contratación pública.',
			fr: 'Dix-huit mois d’accompagnement pour quelques équipes qui réforment la commande publique.'
		},
		leadEmail: 'officer@demo.supporthub.org'
	},
	slug: 'accelerator-2027',
	title: { en: 'Accelerator 2027', es: 'Acelerador 2027', fr: 'Accélérateur 2027' },
	summary: {
		en: 'Three stages: a short application, a long application by invitation, and an interview.',
		es: 'Tres etapas: una solicitud breve, una solicitud completa por invitación y una entrevista.',
		fr: 'Trois étapes : une candidature courte, une candidature complète sur invitation et un entretien.'
	},
	rolling: false,
	opensAt: '2026-09-01T00:00:00Z',
	closesAt: '2027-03-31T23:59:59Z',
	timeZone: 'UTC',
	currency: 'USD',
	budget: 600000,
	maxAward: 150000,
	languages: ['en', 'es', 'fr'],
	whoMayApply: [],
	decisionTargetDays: null,
	reportMonths: [6, 12, 18],
	screener: {
		questions: [
			{ id: 'team', text: { en: 'Is your team at least four people with named roles?', es: '¿Su equipo tiene al menos cuatro personas con funciones definidas?', fr: 'Votre équipe compte-t-elle au moins quatre personnes aux rôles nommés ?' }, options: yesNo, qualifying: ['yes'], failReason: { en: 'Teams need at least four people with named roles.', es: 'Los equipos necesitan al menos cuatro personas con funciones definidas.', fr: 'Les équipes doivent compter au moins quatre personnes aux rôles nommés.' } },
			{
				id: 'press',
				text: { en: 'What is your country’s press-freedom category?', es: '¿Cuál es la categoría de libertad de prensa de su país?', fr: 'Quelle est la catégorie de liberté de la presse de votre pays ?' },
				options: [
					{ value: 'good', label: { en: 'Good or satisfactory', es: 'Buena o satisfactoria', fr: 'Bonne ou satisfaisante' } },
					{ value: 'problematic', label: { en: 'Problematic or difficult', es: 'Problemática o difícil', fr: 'Problématique ou difficile' } },
					{ value: 'very_serious', label: { en: 'Very serious', es: 'Muy grave', fr: 'Très grave' } }
				],
				qualifying: ['good', 'problematic'],
				failReason: { en: 'The accelerator cannot work where press freedom is in the worst band.', es: 'El acelerador no puede operar donde la libertad de prensa está en la peor categoría.', fr: 'L’accélérateur ne peut intervenir là où la liberté de la presse est dans la pire catégorie.' }
			},
			{ id: 'community', text: { en: 'Does the reform serve a community of more than 200,000 people?', es: '¿La reforma sirve a una comunidad de más de 200.000 personas?', fr: 'La réforme sert-elle une communauté de plus de 200 000 personnes ?' }, options: yesNo, qualifying: ['yes'], failReason: { en: 'The reform must serve more than 200,000 people.', es: 'La reforma debe servir a más de 200.000 personas.', fr: 'La réforme doit servir plus de 200 000 personnes.' } },
			{ id: 'leadership', text: { en: 'Does your leadership support the application?', es: '¿Su dirección apoya la solicitud?', fr: 'Votre direction soutient-elle la candidature ?' }, options: yesNo, qualifying: ['yes'], failReason: { en: 'Leadership support is required.', es: 'Se requiere el apoyo de la dirección.', fr: 'Le soutien de la direction est requis.' } }
		]
	},
	stages: [
		{
			id: 'short',
			name: { en: 'Short application', es: 'Solicitud breve', fr: 'Candidature courte' },
			reviewers: { roles: ['reviewer', 'external_reviewer'], count: 2 },
			rubric: rubric25,
			advance: { minMeanPercent: 60, minReviews: 1 },
			form: {
				titleField: 'reform',
				sections: [
					{
						id: 'reform',
						title: { en: 'The reform', es: 'La reforma', fr: 'La réforme' },
						fields: [
							{ id: 'reform', type: 'short_text', required: true, maxLength: 300, label: { en: 'The reform in one sentence', es: 'La reforma en una frase', fr: 'La réforme en une phrase' } },
							{ id: 'problem', type: 'long_text', required: true, maxLength: 3000, label: { en: 'The problem it solves', es: 'El problema que resuelve', fr: 'Le problème qu’elle résout' } },
							{ id: 'people_served', type: 'number', required: true, min: 200001, label: { en: 'People served', es: 'Personas atendidas', fr: 'Personnes servies' } },
							{
								id: 'team',
								type: 'rows',
								required: true,
								minRows: 4,
								maxRows: 12,
								label: { en: 'Team members and roles', es: 'Integrantes del equipo y funciones', fr: 'Membres de l’équipe et rôles' },
								columns: [
									{ id: 'name', type: 'short_text', identifying: true, required: true, maxLength: 200, label: { en: 'Name', es: 'Nombre', fr: 'Nom' } },
									{ id: 'role', type: 'short_text', required: true, maxLength: 200, label: { en: 'Role', es: 'Función', fr: 'Rôle' } }
								]
							}
						]
					}
				]
			}
		},
		{
			id: 'long',
			name: { en: 'Long application', es: 'Solicitud completa', fr: 'Candidature complète' },
			reviewers: { roles: ['reviewer', 'external_reviewer'], count: 3 },
			rubric: rubric25,
			advance: { minMeanPercent: 60, minReviews: 1 },
			form: {
				amount: { field: 'amount' },
				sections: [
					{
						id: 'plan',
						title: { en: 'Plan', es: 'Plan', fr: 'Plan' },
						fields: [
							{ id: 'theory', type: 'long_text', required: true, maxLength: 5000, label: { en: 'How change will happen', es: 'Cómo ocurrirá el cambio', fr: 'Comment le changement se produira' } },
							{ id: 'allies', type: 'long_text', required: true, maxLength: 3000, label: { en: 'Allies with power to make change', es: 'Aliados con poder de cambio', fr: 'Alliés ayant le pouvoir de changer les choses' } },
							{ id: 'amount', type: 'money', required: true, min: 1, max: 150000, label: { en: 'Support requested (USD)', es: 'Apoyo solicitado (USD)', fr: 'Soutien demandé (USD)' } }
						]
					}
				]
			}
		},
		{
			id: 'interview',
			name: { en: 'Interview', es: 'Entrevista', fr: 'Entretien' },
			reviewers: { roles: ['reviewer', 'external_reviewer', 'programme_officer'], count: 3 },
			rubric: rubric25
		}
	]
};
