# ruff: noqa: E501  (one clause per line reads better than wrapped prose)
"""The text of the example tender: a fictional DCE written for clause-analyzer.

The buyer, the people and the figures are invented. Each document is a list of
(style, text) pairs: "title", "h1", "h2", "p", "bullet", or "table" (a list of rows).
"""

from __future__ import annotations

BUYER = "Communauté d'agglomération du Val de Lézarde"
MARKET = "Marché n° 2026-VL-014 – Entretien des espaces verts et nettoyage des locaux"

RC = [
    ("title", "RÈGLEMENT DE LA CONSULTATION"),
    (
        "p",
        f"{BUYER} – Direction de la commande publique, 4 place des Tanneurs, 76190 Lézarde-sur-Seine.",
    ),
    (
        "p",
        "Procédure adaptée ouverte passée en application des articles L. 2123-1 et R. 2123-1 du code de la commande publique.",
    ),
    ("h1", "ARTICLE 1 – Objet de la consultation"),
    (
        "p",
        "La consultation porte sur l'entretien des espaces verts des zones d'activités communautaires et sur le nettoyage des locaux administratifs de la communauté d'agglomération. Les prestations sont décrites au cahier des clauses techniques particulières (CCTP).",
    ),
    (
        "p",
        "L'avis d'appel public à la concurrence fait l'objet d'une insertion au BOAMP et sur le profil d'acheteur ; les frais d'insertion sont à la charge de la communauté d'agglomération.",
    ),
    ("h1", "ARTICLE 2 – Allotissement et marché réservé"),
    ("p", "La consultation est divisée en deux lots, attribués séparément :"),
    (
        "bullet",
        "lot 1 : entretien des espaces verts des zones d'activités de Bréauté, du Moulin-Neuf et des Hauts-Prés ;",
    ),
    (
        "bullet",
        "lot 2 : nettoyage des locaux administratifs du siège communautaire et des deux pôles de proximité.",
    ),
    (
        "p",
        "En application de l'article L. 2113-13 du code de la commande publique, le lot 2 est réservé aux structures d'insertion par l'activité économique (SIAE) mentionnées à l'article L. 5132-4 du code du travail, ainsi qu'aux structures équivalentes qui emploient une proportion minimale de 50 % de travailleurs défavorisés. Une candidature présentée par une entreprise qui n'a pas cette qualité sera déclarée irrecevable.",
    ),
    ("h1", "ARTICLE 3 – Contenu du dossier de consultation"),
    (
        "p",
        "Le dossier de consultation des entreprises comprend le présent règlement, l'acte d'engagement, le cahier des clauses administratives particulières (CCAP), le cahier des clauses techniques particulières (CCTP) et le bordereau des prix unitaires de chaque lot.",
    ),
    (
        "p",
        "Le pouvoir adjudicateur se réserve le droit d'apporter des modifications de détail au dossier de consultation au plus tard six jours avant la date limite de remise des offres. Les candidats devront alors répondre sur la base du dossier modifié.",
    ),
    ("h1", "ARTICLE 4 – Présentation des candidatures et des offres"),
    (
        "p",
        "Chaque candidat produit les formulaires DC1 et DC2 ou le document unique de marché européen, les attestations d'assurance en cours de validité, ainsi que la raison sociale, l'adresse du siège social et le numéro SIRET de l'entreprise. Pour le lot 2, le candidat joint le justificatif de son conventionnement au titre de l'insertion par l'activité économique.",
    ),
    (
        "p",
        "L'offre comprend l'acte d'engagement complété et signé, le bordereau des prix unitaires et un mémoire technique d'au plus quinze pages. Le mémoire décrit les moyens humains et matériels affectés au marché, l'organisation des interventions, et les mesures prises pour limiter l'impact environnemental des prestations.",
    ),
    ("h1", "ARTICLE 5 – Jugement des offres"),
    (
        "p",
        "Les offres inappropriées, irrégulières ou inacceptables sont éliminées. Les autres offres sont classées selon les critères pondérés suivants :",
    ),
    (
        "table",
        [
            ["Critère", "Pondération"],
            ["Prix des prestations, apprécié au vu du bordereau des prix unitaires", "50 %"],
            ["Valeur technique, appréciée au vu du mémoire technique", "30 %"],
            ["Performances en matière de protection de l'environnement", "20 %"],
        ],
    ),
    (
        "p",
        "Le critère des performances en matière de protection de l'environnement est apprécié au regard des produits et matériels employés, de la réduction des déplacements, et des filières de valorisation des déchets verts proposées par le candidat.",
    ),
    (
        "p",
        "La note de prix est calculée selon la formule : note = 50 × (offre la moins disante / offre analysée). En cas d'égalité, le classement retient l'offre la mieux notée sur la valeur technique.",
    ),
    ("h1", "ARTICLE 6 – Conditions d'envoi et de remise des plis"),
    (
        "p",
        "Les plis sont transmis par voie électronique sur le profil d'acheteur avant le 15 mai 2026 à 12 heures. Les plis reçus après cette date ne seront pas ouverts. La copie de sauvegarde peut être adressée sur support physique, sous pli scellé portant la mention « copie de sauvegarde ».",
    ),
    ("h1", "ARTICLE 7 – Renseignements complémentaires"),
    (
        "p",
        "Les questions sont posées sur le profil d'acheteur au plus tard dix jours avant la date limite de remise des offres. Une réponse est publiée pour l'ensemble des candidats au plus tard six jours avant cette date.",
    ),
    (
        "p",
        "Une visite des sites est conseillée. Elle est organisée sur rendez-vous auprès du service des espaces publics, qui remet au candidat une attestation de visite.",
    ),
]

CCAP = [
    ("title", "CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES"),
    ("p", f"{BUYER} – {MARKET}."),
    ("h1", "ARTICLE 1 – Objet du marché"),
    (
        "p",
        "Le présent marché a pour objet l'entretien des espaces verts des zones d'activités communautaires (lot 1) et le nettoyage des locaux administratifs de la communauté d'agglomération (lot 2). Il est passé selon une procédure adaptée. L'avis de marché a fait l'objet d'une insertion au BOAMP le 2 avril 2026.",
    ),
    (
        "p",
        "Le titulaire exécute les prestations dans le respect de l'environnement immédiat du chantier : il protège les clôtures, les réseaux et les véhicules stationnés à proximité des zones d'intervention, et remet les abords en état à la fin de chaque intervention.",
    ),
    ("h1", "ARTICLE 2 – Pièces constitutives du marché"),
    (
        "p",
        "Les pièces constitutives du marché sont, par ordre de priorité décroissante : l'acte d'engagement, le présent cahier des clauses administratives particulières, le cahier des clauses techniques particulières, le bordereau des prix unitaires, le cahier des clauses administratives générales applicables aux marchés publics de fournitures courantes et de services (CCAG-FCS) approuvé par l'arrêté du 30 mars 2021, et le mémoire technique du titulaire.",
    ),
    ("h1", "ARTICLE 3 – Durée du marché"),
    (
        "p",
        "Le marché est conclu pour une durée d'un an à compter de sa notification. Il peut être reconduit tacitement trois fois par périodes d'un an, sans que sa durée totale puisse excéder quatre ans. Le pouvoir adjudicateur qui décide de ne pas reconduire le marché en informe le titulaire par écrit au moins trois mois avant la fin de la période en cours.",
    ),
    ("h1", "ARTICLE 4 – Prix et règlement"),
    ("h2", "4.1 Forme des prix"),
    (
        "p",
        "Les prestations sont réglées par application des prix unitaires du bordereau aux quantités réellement exécutées. Les prix sont réputés comprendre toutes les charges fiscales, parafiscales et sociales, ainsi que les frais de déplacement et de gestion des déchets produits par les interventions.",
    ),
    ("h2", "4.2 Révision des prix"),
    (
        "p",
        "Les prix sont révisables annuellement à la date anniversaire de la notification, par application de la formule P = P0 × (0,15 + 0,85 × I / I0), dans laquelle I est la dernière valeur publiée de l'indice du coût horaire du travail des services d'entretien et de nettoyage. Le coefficient de révision est arrondi au millième supérieur.",
    ),
    ("h2", "4.3 Avance"),
    (
        "p",
        "Une avance de 10 % du montant initial du marché est versée au titulaire, sauf renonciation de sa part dans l'acte d'engagement. Son remboursement commence lorsque le montant des prestations exécutées atteint 65 % du montant initial.",
    ),
    ("h1", "ARTICLE 5 – Modalités de paiement"),
    (
        "p",
        "Les sommes dues au titulaire sont payées par virement dans un délai global de trente jours à compter de la réception de la demande de paiement. Les factures sont déposées sur le portail Chorus Pro ; elles mentionnent le numéro du marché, le lot, la période concernée et le détail des prestations exécutées.",
    ),
    (
        "p",
        "Le dépassement du délai de paiement ouvre droit, sans autre formalité, au versement d'intérêts moratoires et d'une indemnité forfaitaire pour frais de recouvrement de quarante euros.",
    ),
    ("h1", "ARTICLE 6 – Sous-traitance"),
    (
        "p",
        "Le titulaire peut sous-traiter l'exécution de certaines parties du marché, sous réserve de l'acceptation de chaque sous-traitant et de l'agrément de ses conditions de paiement par le pouvoir adjudicateur. La déclaration de sous-traitance indique la raison sociale et le siège social du sous-traitant, la nature et le montant des prestations sous-traitées.",
    ),
    (
        "p",
        "Le sous-traitant dont le montant des prestations dépasse 600 euros TTC bénéficie du paiement direct.",
    ),
    ("h1", "ARTICLE 7 – Pénalités"),
    ("h2", "7.1 Pénalités de retard"),
    (
        "p",
        "Lorsque le délai d'intervention fixé par un bon de commande est dépassé, le titulaire encourt, sans mise en demeure préalable, une pénalité de 150 euros par jour calendaire de retard. Le plafond de 10 % du montant du marché prévu par le CCAG-FCS ne s'applique pas.",
    ),
    ("h2", "7.2 Pénalités pour prestations non conformes"),
    (
        "p",
        "Toute prestation jugée non conforme au CCTP lors d'un contrôle contradictoire est reprise par le titulaire dans un délai de quarante-huit heures. À défaut, une pénalité forfaitaire de 200 euros par constat est appliquée.",
    ),
    ("h1", "ARTICLE 8 – Assurances"),
    (
        "p",
        "Le titulaire justifie, dans un délai de quinze jours à compter de la notification et avant tout commencement d'exécution, qu'il est titulaire d'une assurance garantissant sa responsabilité civile à l'égard des tiers en cas d'accident ou de dommages causés par l'exécution des prestations. L'attestation mentionne l'adresse du siège social de l'assureur et le montant des garanties.",
    ),
    ("h1", "ARTICLE 9 – Conditions particulières d'exécution"),
    ("h2", "9.1 Dispositions générales"),
    (
        "p",
        "Le titulaire organise ses interventions de manière à limiter la gêne pour les usagers des zones d'activités. Les horaires d'intervention sont fixés en accord avec le représentant du pouvoir adjudicateur.",
    ),
    ("h2", "9.2 Clause sociale d'insertion"),
    (
        "p",
        "En application de l'article L. 2112-2 du code de la commande publique, le titulaire du lot 1 s'engage à réaliser une action d'insertion professionnelle au profit de personnes rencontrant des difficultés sociales ou professionnelles particulières. Le volume d'heures d'insertion à réaliser est fixé à 350 heures par année d'exécution du marché.",
    ),
    (
        "p",
        "Peuvent notamment bénéficier de cette action les demandeurs d'emploi de longue durée, les bénéficiaires des minima sociaux, les travailleurs reconnus handicapés, les jeunes de moins de 26 ans sans qualification et les personnes suivies par un plan local pour l'insertion et l'emploi.",
    ),
    (
        "p",
        "Le titulaire peut embaucher directement les personnes concernées, recourir à la mise à disposition de salariés par une entreprise de travail temporaire d'insertion ou un groupement d'employeurs pour l'insertion et la qualification, ou sous-traiter une partie des prestations à une structure d'insertion par l'activité économique.",
    ),
    (
        "p",
        "Le facilitateur de la Maison de l'emploi du Val de Lézarde accompagne le titulaire, vérifie l'éligibilité des personnes et contrôle l'exécution de l'engagement. Le titulaire lui transmet chaque mois un état des heures réalisées.",
    ),
    (
        "p",
        "En cas de non-respect de l'engagement, le titulaire encourt une pénalité de 60 euros par heure d'insertion non réalisée, appliquée à la fin de chaque année d'exécution.",
    ),
    ("h2", "9.3 Gestion des déchets et préservation de l'environnement"),
    (
        "p",
        "Le titulaire assure le tri à la source des déchets produits par ses interventions. Les déchets verts sont valorisés par compostage ou broyage sur place ; ils ne peuvent être ni brûlés ni mis en décharge. Les emballages et les autres déchets sont orientés vers des filières de recyclage agréées.",
    ),
    (
        "p",
        "Le titulaire tient à jour un registre des déchets indiquant, pour chaque enlèvement, la nature et la quantité des déchets ainsi que leur filière de traitement. Il remet ce registre et les bordereaux de suivi des déchets au pouvoir adjudicateur chaque trimestre.",
    ),
    (
        "p",
        "Les produits phytosanitaires de synthèse sont proscrits. Les véhicules affectés au marché respectent au minimum la norme Euro 6 ; le titulaire forme son personnel à l'éco-conduite.",
    ),
    ("h1", "ARTICLE 10 – Résiliation"),
    (
        "p",
        "Les stipulations du chapitre 7 du CCAG-FCS relatives à la résiliation sont applicables. En cas d'inexactitude des documents et renseignements fournis par le titulaire, ou de refus de produire les pièces prévues aux articles D. 8222-5 du code du travail, le marché peut être résilié aux torts du titulaire sans mise en demeure préalable.",
    ),
    ("h1", "ARTICLE 11 – Dérogations au CCAG-FCS"),
    (
        "p",
        "L'article 7.1 du présent CCAP déroge à l'article 14.1 du CCAG-FCS. Les autres stipulations du CCAG-FCS s'appliquent sans modification.",
    ),
]

CCTP = [
    ("title", "CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES"),
    ("p", f"{BUYER} – {MARKET} – Lot 1."),
    ("h1", "ARTICLE 1 – Objet du cahier"),
    (
        "p",
        "Le présent cahier décrit les prestations d'entretien des espaces verts des zones d'activités communautaires : tonte, taille des haies et des arbustes, désherbage, ramassage des feuilles, entretien des massifs et arrosage des jeunes plantations.",
    ),
    ("h1", "ARTICLE 2 – Description des sites"),
    (
        "p",
        "Les trois zones d'activités couvrent une surface totale de 18,4 hectares, dont 11 hectares de pelouses, 2 300 mètres linéaires de haies et 640 arbres d'alignement. Le plan de chaque zone est joint en annexe.",
    ),
    (
        "table",
        [
            ["Zone d'activités", "Pelouses", "Haies", "Arbres"],
            ["Bréauté", "4,2 ha", "900 ml", "210"],
            ["Moulin-Neuf", "3,9 ha", "750 ml", "260"],
            ["Hauts-Prés", "2,9 ha", "650 ml", "170"],
        ],
    ),
    ("h1", "ARTICLE 3 – Gestion différenciée"),
    (
        "p",
        "Les espaces sont entretenus selon trois classes de gestion différenciée. Les espaces de prestige sont tondus tous les quinze jours, les espaces d'accompagnement une fois par mois, et les espaces naturels font l'objet d'une fauche tardive annuelle après le 15 juillet, afin de préserver la flore et les insectes pollinisateurs.",
    ),
    (
        "p",
        "Le désherbage est exclusivement manuel, mécanique ou thermique. Aucun produit phytosanitaire de synthèse n'est employé.",
    ),
    ("h1", "ARTICLE 4 – Produits et matériaux"),
    (
        "p",
        "Les produits de nettoyage utilisés pour l'entretien du matériel sont titulaires de l'Écolabel européen ou d'un label équivalent. Le paillage des massifs est composé de broyat de déchets verts issus des sites ou de matériaux recyclés à hauteur d'au moins 50 % de sa masse. Les végétaux de remplacement sont de provenance locale et porteurs de la marque Végétal local ou équivalent.",
    ),
    ("h1", "ARTICLE 5 – Matériel"),
    (
        "p",
        "Le petit matériel (taille-haies, souffleurs, débroussailleuses) est à batterie électrique, afin de réduire le bruit et les émissions. Le titulaire tient à disposition du pouvoir adjudicateur les fiches techniques de l'ensemble du matériel affecté au marché.",
    ),
    ("h1", "ARTICLE 6 – Contrôle des prestations"),
    (
        "p",
        "Un contrôle contradictoire est organisé chaque mois en présence du titulaire. Les anomalies relevées font l'objet d'un procès-verbal et sont reprises dans le délai fixé par le CCAP.",
    ),
]

AE = [
    ("title", "ACTE D'ENGAGEMENT"),
    ("p", f"{BUYER} – {MARKET}."),
    ("h1", "ARTICLE 1 – Identification du titulaire"),
    (
        "p",
        "Nom commercial et raison sociale : ...........................................................",
    ),
    ("p", "Adresse du siège social : ..........................................................."),
    ("h1", "ARTICLE 2 – Engagement"),
    (
        "p",
        "Après avoir pris connaissance des pièces du marché, le signataire s'engage à exécuter les prestations du lot désigné ci-dessous aux prix du bordereau des prix unitaires. Pour le lot 2, réservé aux structures d'insertion par l'activité économique, il atteste que sa structure bénéficie d'un conventionnement en cours de validité.",
    ),
    ("h1", "ARTICLE 3 – Avance"),
    ("p", "Le titulaire renonce au bénéfice de l'avance : oui / non (rayer la mention inutile)."),
]
