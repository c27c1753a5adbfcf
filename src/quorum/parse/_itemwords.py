"""The vocabulary of the agenda and the votes, as data: heading words, number words, vote and
event phrasings. Patterns run on *folded* text (see ``_text.fold``) and only on short strings
(a line, a statement). Adding a phrasing is adding a line here and a test.
"""

from __future__ import annotations

import re

_X = re.VERBOSE

# --- item headings -------------------------------------------------------------------------------

HEADING_WORDS = (
    "projet de deliberation",
    "deliberation",
    "rapport",
    "question",
    "point",
    "dossier",
    "affaire",
    "objet",
    "delib",
    "dcm",
    "dcc",
)
"""Words that may open a numbered heading: "Rapport n°19", "Point 1 :", "Délibération n°1",
"Délib. n°3", "DCM n° 2024-001" (délibération du conseil municipal / communautaire)."""

UNNUMBERED_HEADINGS = (
    "questions diverses",
    "affaires diverses",
    "informations diverses",
    "questions et informations diverses",
)
"""Headings without a number under which a vote may still be taken."""

_WORD = "|".join(w.replace(" ", r"\ +") for w in HEADING_WORDS)
_SIGN = r"(?:n\ ?[°o*]\ ?\.?|no\.|numero)"

HEADING = re.compile(
    rf"""^[\ \-*•·>#|_]*
    (?:(?P<word>{_WORD})s?\.?\ *)?(?:{_SIGN}\ *)?
    (?P<ref>
        \d{{4,8}}(?:\ \d\d)*\ \d{{1,3}}(?=[\ \-:.)]|$)  # a date code ("2021 06"), then the number
      | (?:[a-z]{{1,4}}-)?\d{{1,8}}(?:[-/.]\d{{1,4}}){{1,3}}(?![\d/])  # 2021-045, CC-2024-045
      | \d{{1,3}}(?:\ ?(?:bis|ter)\b)?               # 1, 12 bis
      | [ivxl]{{1,6}}(?![a-z'])                      # roman numerals
    )
    \ *(?P<sep>[-:).|]|/(?![\d])|°)?\ *
    (?P<rest>.*)$""",
    _X,
)
"""A numbered heading at the start of a line (folded); the style is read from its shape."""

UNNUMBERED = re.compile(
    r"^[\ \-*•·>#|_]*(?:\d{1,3}\ *[-:).\/]?\ *)?(?P<title>"
    + "|".join(h.replace(" ", r"\ +") for h in UNNUMBERED_HEADINGS)
    + r")\b",
    _X,
)

TITLE_LINE = re.compile(r"^[\ \-*•]*(?:objet|intitule)\ *:\ *(?=\S)", _X)
"""A title without a number ("Objet : Budget primitif"): it opens an item (a bound between two
votes, and the item's title)."""

SUB_POINT = re.compile(
    r"^[\ \-*•]*(?:[a-h]\ ?[)./]|\d{1,2}\.\d{1,2}\ ?[)./]?|\d{1,2}-\d{1,2}(?=\ +[a-z]))"
    r"(?:\ +\S|$)",
    _X,
)
"""A sub-point ("a)", "b.", "6.1 Ecole", "6-2 Subvention"): it separates two votes, it is no
item."""

# --- numbers in words ----------------------------------------------------------------------------

NUMBER_WORDS = {
    "zero": 0, "aucun": 0, "aucune": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4,
    "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
    "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "dix-sept": 17, "dix-huit": 18,
    "dix-neuf": 19, "vingt": 20, "vingt et un": 21, "vingt-et-un": 21, "vingt-deux": 22,
    "vingt-trois": 23, "vingt-quatre": 24, "vingt-cinq": 25, "vingt-six": 26, "vingt-sept": 27,
    "vingt-huit": 28, "vingt-neuf": 29, "trente": 30,
}  # fmt: skip
"""Counts written in words ("DEUX voix POUR - ONZE voix CONTRE", "une abstention")."""

_NUMBER = "|".join(sorted((re.escape(w).replace(r"\ ", r"\ +") for w in NUMBER_WORDS), key=len,
                          reverse=True))  # fmt: skip
WORD_COUNT = re.compile(
    rf"""(?<![a-z\-])(?P<n>{_NUMBER})\ +(?P<voix>voix\ +|votes?\ +)?
        (?P<what>pour|contre|abstentions?)\b""",
    _X,
)
"""A count in words before its category: "DEUX voix POUR", "une abstention"."""

UNANIMITY_LESS = re.compile(
    rf"unanimite\ +(?:moins|sauf|a\ +l'exception\ +d[e']?)\ *(?P<n>\d{{1,3}}|{_NUMBER})\ +"
    r"(?P<what>(?:voix\ +|votes?\ +)?contre|abstentions?|voix|votes?)",
    _X,
)
"""Unanimity less some votes: "à l'unanimité moins une voix", "sauf 2 abstentions" (not
unanimous; a bare "moins une voix" does not say whether against or abstaining)."""

CANDIDATE = re.compile(
    r"(?:^[\ \-*•]*|[,;/(]|\bet\b)\ *(?P<who>[a-z][^,;:/()\d]{1,60}?)\ *:\ *\d{1,4}\ +"
    r"(?:voix|votes?|suffrages?)\b",
    _X,
)
"""A count by candidate: "M. DUPONT : 15 voix" (what precedes is a name, not a category)."""
CATEGORY = re.compile(
    r"(?:voix\ +|votes?\ +)?(?:pour|contre|abstentions?|blancs?|nuls?|bulletins|votants|presents"
    r"|suffrages|exprimes|majorite|resultat|vote|scrutin|total)\b",
    _X,
)
"""Words that name a category of a tally, not a candidate."""
ELECTED = re.compile(
    r"\b(?:a|ont|ayant)\ +obtenu\ +\d|\bobtien(?:t|nent)\ +\d"
    r"|\b(?:est|sont)\ +(?:proclamee?s?\ +)?elue?s?(?:\ *[.!]\ *$|\ +(?:au\ +(?:premier|second|\d)"
    r"|a\ +la\ +majorite|avec\ +\d|par\ +\d|maire\b|adjointe?s?\b|delegue|president))",
    _X,
)
"""An election: "a obtenu 12 voix", "M. X est élu.", "est élue au premier tour", "est élu avec 15
voix" (not "ils sont élus par les grands électeurs")."""

BARE_COUNT = re.compile(r"(?<![a-z])(?P<what>pour|contre|abstentions?)\ +(?P<n>\d{1,4})\b", _X)
"""A category then its count without a colon ("Pour 3, Contre 0"): read only when at least two
categories are written so in one statement ("pour 10 ans" alone is not a vote)."""

COUNT_END = re.compile(
    r"\ *(?:$|[,;.)\-:/|(]|et\b|contre\b|pour\b|abstentions?\b|\d"
    r"|des\ +(?:membres|presents|votants)|(?:des\ +)?(?:voix|votes|suffrages)"
    r"|adopt|approuv|rejet)",
    _X,
)
"""What may follow "11 pour" without "voix" for it to be a count ("2031 pour pouvoir" is not)."""

VOIX_CONTRE = re.compile(
    rf"\bpar\ +(?P<a>\d{{1,4}}|{_NUMBER})\ +voix\ +contre\ +(?P<b>\d{{1,4}}|{_NUMBER})\b"
    r"(?!\ *(?:voix\ +)?(?:pour|contre|abstention))",
    _X,
)
""""Adopté par 12 voix contre 3" (12 pour, 3 contre); "rejeté par 8 voix contre 6" (8 contre,
6 pour): the majority first."""

NPV_COUNT = re.compile(
    rf"(?<![\d,.])(?P<n>\d{{1,3}}|{_NUMBER})\ +(?:(?:conseill\w*|elue?s?|membres?|personnes?)\ +)?"
    r"(?:ne\ +)?(?:prenant|prend|prennent|participant|participe(?:nt)?)\ +pas\b",
    _X,
)
"""A count of members taking no part: "1 ne prenant pas part au vote", "un élu ne prenant pas
part au vote"."""

LONE_COUNT = re.compile(
    r"^[\ \-*•]*(?P<n>\d{1,4})\ +(?:voix\ +|votes?\ +)?(?P<what>pour|contre|abstentions?)"
    r"\ *[.;,]?$",
    _X,
)
"""A line that is one count and nothing else: "15 pour." under "Vote du budget primitif 2021 :"."""

LABELLED_COUNT = re.compile(
    r"^[\ \-*•]*(?P<what>pour|contre|abstentions?)\b[^:\d]{0,80}:\ *(?P<n>\d{1,4})"
    r"\ *(?:votes?|voix)?\ *\.?$",
    _X,
)
"""A category, what it is about, then the count: "Pour le changement de prestataire : 13 votes"."""

# --- decisions -----------------------------------------------------------------------------------

UNANIMITY = re.compile(
    r"(?:^|[\ ,;(])(?:a|&|par)?\ *l?'?\ ?'?(?:[pf]?unanimite|unaminite|unaminte|unanimte)\b"
    r"(?!\ +(?:de\ +principe))(?P<expr>\ +des\ +suffrages)?",
    _X,
)
"""Unanimity anywhere in a decision: "le Conseil municipal, à l'unanimité des membres présents",
"Adopté à l'unanimité", "unanimité des suffrages exprimés" (``expr``: of the votes cast only);
OCR misspellings ("unaminité", "à Punanimité" or "à Funanimité" for "à l'unanimité")."""

MAJORITY = re.compile(r"(?:^|[\ ,;(])(?:a|&)\ +la\ +majorite\b(?!\ +(?:absolue|relative))", _X)
"""A vote "à la majorité" (with or without the figures: without them, nothing to compare); not
the rule of an election ("le maire est élu au scrutin secret et à la majorité absolue")."""

DELIBERATED = re.compile(
    r"(?:apres\ +)?(?:en\ +)?avoir\ +delibere|apres\ +(?:en\ +)?delibere|apres\ +deliberation", _X
)
"""A decision of the assembly whose result is not written ("Après en avoir délibéré, le Conseil
municipal : …"): a vote with nothing to compare."""

_THING = (
    r"(?:(?:le|la|l')\ *)?(?:rapport|projet|deliberation|proposition|point|dossier|motion"
    r"|amendement|voeu|question|proces\ ?-?\ ?verbal|compte\ ?-?\ ?rendu)?"
    r"(?:\ +n\ ?°\ ?\d{1,4})?\ *(?:est\ +|sont\ +)?"
)
ADOPTED_PHRASES = (
    # "ADOPTÉ", "Rapport adopté", "Approuve le projet …"
    rf"^{_THING}(?:adopte|approuve)",
    # "la délibération est adoptée"
    r"\b(?:est|sont)\ +(?:adopte|approuve)",
    # a noun: "Adoption à 0 Contre, 0 abstention, 11 voix pour"
    r"^(?:adoption|approbation)\ +(?:a|&|par)\ ",
    # the outcome last: "Vote : 14 pour / 0 contre / 0 abstention adopté"
    r"[\ /:-](?:adopte|approuve)e?s?\ *[.!]?$",
    # the assembly as subject: "Le Conseil municipal, après en avoir délibéré, ADOPTE le budget"
    r"\b(?:le|la|l')\ *(?:conseil|comite|commission|assemblee|bureau)\b[^.;]{0,160}?"
    r"\b(?:adopte|approuve)(?:nt)?\b(?!\ +pas)",
)
ADOPTED = re.compile("|".join(ADOPTED_PHRASES), _X)
"""A reported adoption (unanimity is one too: see ``UNANIMITY``)."""
REJECTED_PHRASES = (
    # "REJETÉ", "le rapport est rejeté"
    rf"^{_THING}(?:rejete|rejette)",
    r"\b(?:est|sont)\ +rejete",
    # "n'est pas adoptée", "n'a pas été approuvé"
    r"n'?\ ?(?:est|sont)\ +pas\ +(?:adopte|approuve)|n'?\ ?a\ +pas\ +ete\ +(?:adopte|approuve)",
    # "N'adopte pas la proposition"
    r"\bn'?\ ?(?:adopte|approuve)(?:nt)?\ +pas\b",
)
REJECTED = re.compile("|".join(REJECTED_PHRASES), _X)
"""A reported rejection (it wins over an adoption: "n'est pas adoptée")."""
OPERATIVE = re.compile(r"^[\ \-*•]*(?:adopte|approuve)", _X)
"""The operative verb opening a statement ("Approuve le projet …"): the body of the decision
announced above ("Le Conseil, à l'unanimité :"), not another decision."""

NOT_A_DECISION = re.compile(
    r"^[\ \-*•]*(?:vu|considerant|rappel|pour\ +memoire|comme\ +vous\ +le\ +savez"
    r"|dans\ +le\ +cas\ +ou)\b|^[\ \-*•]*[«\"]",
    _X,
)
"""A recital, a reminder or a quotation (of the law): not a vote of this session."""

ALREADY = re.compile(r"\bdeja\ +(?:ete\ +)?(?:vote|adopte|approuve|recueilli|delibere)", _X)
"""A decision taken before ("ce projet déjà voté à l'unanimité"), not a vote of this session."""

NOT_VOTING_LABEL = re.compile(
    r"^[\ \-*•]*(?:ne\ +prend(?:nent)?\ +pas\ +part\ +au\ +vote"
    r"|n'a\ +pas\ +pris\ +part\ +au\ +vote|ne\ +participe(?:nt)?\ +pas\ +au\ +vote)"
    r"\ *:\ *(?P<names>(?:m\.|mme|monsieur|madame|mm\.).{2,150})$",
    _X,
)
"""A label then the members taking no part, named: "Ne prend pas part au vote : M. X"."""

OTHER_BODY = re.compile(
    r"\b(?:(?:la|une|les)\ +commissions?(?!\ +permanente)|(?:le\ +)?conseil\ +d'(?:ecole"
    r"|exploitation)|(?:le\ +)?comite\ +(?:technique|social)|(?:la\ +)?cao|le\ +jury"
    r"|le\ +conseil\ +portuaire)\b[^.;]{0,120}?"
    r"\b(?:a|ont|avait|avaient)\ +(?:emis|adopte|approuve|retenu|vote|donne|rendu|valide)\b",
    _X,
)
"""Another body's vote told in the item ("La commission des finances a émis un avis favorable par
5 voix pour", "le conseil d'école a adopté … par 8 voix pour"): not a vote of this session."""

_CELL_SEP = r"(?:\ *[|\t;]\ *|\ +)"
_CATEGORY_CELL = r"(?:pour|contre|abstentions?|votants|exprimes)"
TABLE_HEAD = re.compile(
    rf"^\|?\ *(?P<cells>{_CATEGORY_CELL}(?:{_CELL_SEP}{_CATEGORY_CELL}){{1,4}})\ *\|?$", _X
)
"""The head row of a vote table: "Pour | Contre | Abstention" (the counts are the row below)."""
TABLE_ROW = re.compile(rf"^\|?\ *(?P<cells>\d{{1,4}}(?:{_CELL_SEP}\d{{1,4}}){{1,4}})\ *\|?$", _X)
"""The row of counts under a vote table's head: "14 | 0 | 0"."""
CELL_SEP = re.compile(rf"{_CELL_SEP}(?=[a-z0-9])", _X)
"""Between two cells of a table row."""

# --- events inside an item -----------------------------------------------------------------------

_WHO = r"(?P<who>[^,;:()]{3,80}?)"
LEAVE_VERBS = (
    r"(?:quitte(?:nt)?|doi(?:t|vent)\ +quitter)\ +(?:definitivement\ +|momentanement\ +)?"
    r"(?:la\ +salle|la\ +seance|la\ +reunion|l'assemblee|le\ +conseil)",
    r"(?:est|sont)\ +sortie?s?\ +de\ +la\ +(?:salle|seance)",
    r"sort(?:ent)?(?=\ *(?:[.;]|$|a\ +\d))",
    r"part(?:ent)?(?=\ +a\ +\d)",  # "X part à 21 h 30" ("ne prend pas part." is no departure)
    r"(?:a|ont)\ +quitte\ +(?:definitivement\ +)?(?:la\ +salle|la\ +seance)",
    r"se\ +retire(?:nt)?",
    r"s'est\ +retiree?|se\ +sont\ +retire(?:e)?s",
    r"sort(?:ent)?\ +de\ +la\ +(?:salle|seance)",
    r"se\ +deporte(?:nt)?",
    r"s'absente(?:nt)?",
    r"(?:est|sont)\ +(?:invitee?s?|priee?s?)\ +(?:a|de)\ +(?:quitter|sortir\ +de)"
    r"\ +la\ +(?:salle|seance)",
)
RETURN_VERBS = (
    r"siege(?:nt)?\ +(?:a\ +nouveau|de\ +nouveau)",
    r"revien(?:t|nent)",
    r"regagne(?:nt)?\ +(?:la\ +salle|la\ +seance|l'assemblee)",
    r"reintegre(?:nt)?\ +(?:la\ +salle|la\ +seance|l'assemblee)",
    r"reprend(?:nent)?\ +(?:sa\ +|leur\ +)?place",
    r"reprend(?:nent)?\ +(?:la\ +)?presidence",
    r"rentre(?:nt)?\ +(?:dans\ +la\ +salle|en\ +seance)",
)
"""A return: only after a departure that was read (else the member was there all along)."""
ARRIVE_VERBS = (
    r"rejoin(?:t|ent|s)\ +(?:la\ +seance|la\ +salle|l'assemblee|le\ +conseil)",
    r"arrive(?:nt)?\ +en\ +(?:cours\ +de\ +)?seance",
    r"arrive(?:nt)?\ +(?=a\ +\d|au\ +(?:point|rapport|dossier|cours)|pendant|lors\ +d|avant|apres"
    r"|dans\ +la\ +salle)",
    r"prend(?:nent)?\ +(?:place|seance)\b",
    r"(?:nous\ +)?rejoin(?:t|ent)(?=\ *(?:[.;]|$|a\ +\d))",
    r"arrive(?:nt)?(?=\ *(?:[.;]|$))",
    r"(?:est|sont)\ +presente?s?\ +(?:a\ +partir\ +d(?:e|u)|des\ )",
    r"assiste(?:nt)?\ +a\ +la\ +seance\ +(?:a\ +partir\ +d(?:e|u)|des\ )",
    r"entre(?:nt)?\ +en\ +seance",
    r"(?:est|sont)\ +arrivee?s?",
)
FOR_THIS_ITEM = re.compile(
    r"le\ +temps\ +de|pendant\ +l'examen|durant\ +l'examen|pour\ +l'examen"
    r"|pour\ +(?:ce|le\ +present)\ +(?:point|rapport|dossier|vote)"
    r"|(?:pour|pendant|durant)\ +(?:le|ce)\ +vote|le\ +temps\ +du\ +vote"
    r"|lors\ +d[ue]\ +(?:ce\ +)?vote",
    _X,
)
"""A departure for one item only: "quitte la séance le temps de l'examen de ce rapport"."""
CHAIR_WHO = re.compile(r"\b(?:maire|presidente?|ordonnateur)\b", _X)
"""The chair, named by title ("Le Maire sort de la salle")."""
ACCOUNTS = re.compile(r"compte\ +administratif|compte\ +financier\ +unique", _X)
"""The item the ordonnateur withdraws from at its vote (CGCT L2121-14, L1612-12)."""
LEAVE_PROXY = re.compile(
    r"\b(?:donne|donnant|a\ +donne|ayant\ +donne|confie)\ +(?:son\ +|sa\ +)?"
    r"(?:pouvoir|procuration|delegation\ +de\ +vote)\ +(?:a|au|pour\ +la\ +suite\ +a)\ +"
    r"(?P<holder>[^,;()]{3,60}?)(?=\ *(?:[,;()]|\.(?:\ |$)|$|\ +(?:pour|jusqu|et)\b))",
    _X,
)
"""A member leaving who gives a proxy for the rest of the session ("M. X quitte la séance et
donne pouvoir à M. Y", "M. X quitte la séance. Il donne procuration à M. Y.")."""
LEAVE_PROXY_ASIDE = re.compile(
    r"\(\ *(?:avec\ +|et\ +)?(?:pouvoir|procuration|delegation\ +de\ +vote)\ +"
    r"(?:donnee?\ +)?(?:a|au)\ +(?P<holder>[^()]{3,60}?)\ *\)",
    _X,
)
"""The proxy of a member leaving, in brackets: "M. X quitte la séance (pouvoir à M. Y)"."""
LEAVE_PROXY_LINE = re.compile(
    r"^(?:pouvoir|procuration|delegation\ +de\ +vote)\ +(?:donnee?\ +)?(?:a|au)\ +"
    r"(?P<holder>[^,;()]{3,60}?)\ *\.?$",
    _X,
)
"""The proxy of a member leaving, alone on the line below the departure: "Pouvoir à M. Y."."""
LEAVE_PROXY_NEXT = re.compile(r"^(?:il|elle)\ +" + LEAVE_PROXY.pattern[2:], _X)
"""The proxy of a member leaving, told on the next line: "Il donne pouvoir à M. Y."."""
PROXY_WORD = re.compile(r"\(|\b(?:pouvoir|procuration|mandat|represente)", _X)
"""A proxy told beside a name in a vote by name ("M. A (pouvoir de M. B)")."""
NAMED_VOTE = re.compile(
    r"^[\ \-*•]*(?:(?:ont|a)\ +vote\ +)?(?P<what>pour|contre)\ *:\ *(?P<names>[^\d:]+)$"
    r"|^[\ \-*•]*(?:se\ +sont\ +abstenu(?:e|)s?|s'est\ +abstenue?|abstentions?)\ *:\ *"
    r"(?P<abst>[^\d:]+)$",
    _X,
)
"""A vote by name, one line per side: "Ont voté pour : M. A, Mme B", "Se sont abstenus : M. C";
the names are counted."""
EVENT_AFTER = re.compile(
    rf"^(?:monsieur|madame|m\.|mme|mr)?\ *{_WHO}(?:,\ *(?P<aside>[^,;:()\d]{{3,60}}),)?"
    rf"\ +(?:s'excuse(?:nt)?\ +et\ +)?(?:(?P<leave>{'|'.join(LEAVE_VERBS)})"
    rf"|(?P<arrive>{'|'.join(ARRIVE_VERBS)})|(?P<back>{'|'.join(RETURN_VERBS)}))\b",
    _X,
)
"""An event with its subject first: "M. X quitte la salle", "Monsieur le Maire siège à nouveau",
"Mme X, concernée par ce dossier, quitte la salle" (an aside between)."""
INTERESTED_ASIDE = re.compile(r"\b(?:interess|concern)", _X)
"""An aside that makes a departure a withdrawal for the item ("Mme X, intéressée, se retire")."""
ARRIVED_ASIDE = re.compile(
    rf"^(?:monsieur|madame|m\.|mme|mr)?\ *{_WHO},\ *(?:arrivee?s?|entree?s?)\ +"
    r"(?:en\ +(?:cours\ +de\ +)?seance|a\ +\d)",
    _X,
)
"""An arrival told in an aside: "M. X, arrivé en cours de séance, prend part au vote"."""
EVENT_ASKED = re.compile(
    r"^(?:[^.;:]{0,80},\ *)?(?:il\ +est\ +demande|on\ +demande"
    r"|(?:monsieur\ +|madame\ +)?(?:le|la)\ +(?:maire|presidente?)\ +demande)"
    rf"\ +(?:a|au)\ +{_WHO}\ +de\ +(?:bien\ +vouloir\ +)?"
    r"(?:(?P<leave>quitter|sortir\ +de|se\ +retirer)|(?P<back>rejoindre|regagner|reintegrer))\b",
    _X,
)
"""A departure or a return asked of a member: "Il est demandé à M. X de quitter la salle",
"À la suite de la présente délibération, Monsieur le Maire demande à M. X de bien vouloir
rejoindre l'Assemblée"."""
EVENT_VERB_FIRST = re.compile(
    rf"^(?:(?P<leave>{'|'.join(LEAVE_VERBS)})|(?P<arrive>{'|'.join(ARRIVE_VERBS)})"
    rf"|(?P<back>{'|'.join(RETURN_VERBS)}))\b",
    _X,
)
"""An event whose subject ends the line above: "Monsieur Luc ROUX" / "quitte la salle."."""
EVENT_BEFORE = re.compile(
    r"^(?P<kind>arrivee|arrive|depart|retour|sortie)\ +(?:de\ +)?(?P<who>.{3,80})$", _X
)
"""An event with its noun first: "Arrivée de X", "Départ de M. Y"."""
EVENT_AT_ITEM = re.compile(
    r"\ +(?:au|a\ +la|des|a\ +partir\ +d[eu]|a\ +compter\ +d[eu])"
    r"\ +(?:(?:la|le)\ +|l')?(?:point|question|rapport|dossier|affaire)s?"
    r"\ *(?:n\ ?[°o*]\ ?\.?\ ?)?(?P<n>\d{1,4})\b",
    _X,
)
"""The item a move is written at: "Arrivée de M. X au point 4", "M. X rejoint la séance à partir
du point 4" (present from item 4 on), "M. Y quitte la séance au point 6" (absent from item 6)."""

# --- the kind of body (the rule set is chosen from it and the date, never pinned) ----------------

BODY = re.compile(
    r"conseil\ +(?:de\ +communaute|communautaire|municipal|metropolitain|syndical"
    r"|d'administration|departemental|general|regional)"
    r"|comite\ +syndical|commission\ +permanente",
    _X,
)
"""The name of the body in the head of the minutes."""

BODY_ACRONYMS = {
    "siaep": "Syndicat intercommunal",
    "sivom": "Syndicat intercommunal",
    "sivu": "Syndicat intercommunal",
    "smictom": "Syndicat mixte",
    "sictom": "Syndicat intercommunal",
    "epci": "Communauté",
    "agglomeration": "Communauté d'agglomération",
    "metropole": "Métropole",
}
"""A body named only by the acronym of its kind in the letterhead (never one body's own name):
the body its rule set follows."""
ACRONYM = re.compile(r"\b(?P<a>" + "|".join(BODY_ACRONYMS) + r")\b")
NOT_A_PLACE = re.compile(r"(?:la|le|les|l')\b|commission|conseil|comite|bureau|seance")
"""What follows "président(e) de" when it is not the name of the place ("de la commission …")."""

PLACE_PARTICLES = frozenset({"de", "du", "des", "d'", "le", "la", "les", "l'", "sur", "sous", "en",
                             "lès", "lez", "et", "aux", "au"})  # fmt: skip


def place_words(words: list[str]) -> list[str]:
    """The words of a place name, up to the first lower-case word that is not a particle
    ("Putanges-le-Lac peut désormais …" -> "Putanges-le-Lac")."""
    out: list[str] = []
    for w in words:
        if w and not w[0].isupper() and w.casefold() not in PLACE_PARTICLES:
            break
        out.append(w)
    while out and out[-1].casefold() in PLACE_PARTICLES:
        out.pop()
    return out or words[:1]


# --- who does not vote ------------------------------------------------------------------------

CHAIR_TITLES = (
    "maire",
    "president",
    "presidente",
    "premier adjoint",
    "premiere adjointe",
    "vice-president",
    "vice-presidente",
)
"""Titles that name one member where a name is expected ("Le Maire et Madame X ne prennent pas
part au vote": two members)."""


def _titled(titles: tuple[str, ...]) -> re.Pattern[str]:
    """One of ``titles`` with its civility and article ("Monsieur le Maire"), matched whole."""
    words = "|".join(re.escape(t) for t in titles)
    return re.compile(rf"(?:monsieur\ +|madame\ +)?(?:le\ +|la\ +|l')?(?:{words})\W*")


TITLE = _titled(CHAIR_TITLES)
"""A title standing for a member (folded text, matched whole)."""

CHAIR_OF_SESSION = ("maire", "president", "presidente")
"""The titles of the one who chairs the session: they stand for the chair the minutes name
("sous la présidence de M. X"), not the deputies' titles ("premier adjoint")."""
CHAIR = _titled(CHAIR_OF_SESSION)
"""A title standing for the session's chair ("Monsieur le Maire"; folded text, matched whole)."""
DEPUTY = re.compile(r"\b(?:adjointe?|vice|doyen(?:ne)?|conseill(?:er|ere))\b")
"""A title in the presidency sentence that says the chair is not the mayor or president himself
("sous la présidence de M. X, premier adjoint"): "le Maire" is then someone else."""
CHAIR_ELECTED = re.compile(
    r"election\ +(?:du|de\ +la)\ +(?:maire|presidente?)\b|(?:est|a\ +ete)\ +(?:elue?|proclamee?)"
    r"\ +(?:maire|presidente?)\b|installation\ +du\ +conseil"
)
"""A session that elects its mayor or president: the title may change hands during it, so it
stands for no one."""

# --- clock times ---------------------------------------------------------------------------------

CLOCK_UNTIL = re.compile(r"\bjusqu'?\ ?(?:a|&)\b", _X)
"""A clock time that ends something: "jusqu'à 21 h" (a present member leaves then, an absent
one arrives then)."""
CLOCK_LEAVE = re.compile(
    r"\b(?:depart|parti|partie|partis|parties|quitte\w*|s'absente\w*|sorti|sortie|sortis)\b", _X
)
"""A clock time at which a member leaves: "départ à 20 h 50", "a quitté la séance à 22 h"."""
CLOCK_ARRIVE = re.compile(r"\b(?:arrive\w*|arrivee|rejoin\w*|retour|present\w*\ +a\ +partir)", _X)
"""A clock time at which a member arrives: "arrivé à 19 h 49", "présente à partir de 21 h"
(a bare "à partir de 21 h" depends on the list it is written in)."""
CLOCK_FROM = re.compile(r"\b(?:a\ +partir\ +d[eu]?|a\ +compter\ +d[eu]?|des)\ +\d", _X)
"""A proxy in force from a clock time: "(pouvoir à M. Y à partir de 10 H 50)"."""
TIME_STAMP = re.compile(
    r"(?:^[\ \-*•(]*|\(|\b(?:il\ +est|a|&|vers|des)\ +)(?P<h>[0-2]?\d)\ ?(?:h|heures?)"
    r"\ ?(?P<m>[0-5]\d)?\b(?!\ *(?:a|&)\ +[0-2]?\d\ ?h)",
    _X,
)
"""A time of the session written in the text ("à 10 h 35", "Il est 21 heures", "10h35 :" at the
start of a line); not a range of opening hours ("de 8 h à 12 h")."""
TIME_RANGE_END = re.compile(r"\d\ ?(?:h|heures?)(?:\ ?\d\d)?\ +$", _X)
"""What precedes the second time of a range ("de 8 h" before "à 12 h"), looked for just before."""
