"""The French vocabulary of minutes, as compiled patterns over *folded* text.

Folded text is lower case, without accents, with straight apostrophes (see ``_text.fold``), so
every pattern here is written in that form: ``etaient presents`` matches "Étaient présents".
OCR reads ``à`` as ``a`` or ``&``; the patterns accept all three. No pattern nests quantifiers over
the same characters, and the complex ones only ever run on short strings (a list entry, a line).
"""

from __future__ import annotations

import re

from quorum.parse._civilities import civility
from quorum.parse._itemwords import EVENT_BEFORE

_X = re.VERBOSE


# --- list entries --------------------------------------------------------------------------------

CIVILITY = re.compile(rf"^{civility()}(?:\.|\b)\ *", _X)
"""A civility at the start of a folded entry (M., Mme, Mlle, MM., Mmes, Monsieur, Madame)."""

ITEM = (
    r"(?:(?:la|le|l')\ *)?(?:questions?|deliberations?|rapports?|points?|dossiers?"
    r"|affaires?)?\ *(?:n\ ?[°o*]\ ?\.?\ ?)?(?P<n>\d{1,4}(?!\d)(?:\ ?(?:bis|ter))?)"
    r"(?!\ ?h(?:eures?)?\b|\ ?h\d)"
)
"""A reference to an item: "la question n°6", "rapport 12", "point n° 3 bis"."""

_A = r"(?:a|&|au|des)"

PROXY_NOUNS: tuple[str, ...] = (
    r"pouvoirs?",
    r"procurations?",
    r"delegations?(?:\ +de\ +vote)?",
    r"mandats?",
    # typos met in real minutes: a proxy word misspelt is still a proxy word
    r"pourvoirs?",
    r"pouvior",
    r"procuations?",
)
"""The words for a proxy, one line each (typos included)."""
PROXY_NOUN = "(?:" + "|".join(PROXY_NOUNS) + ")"

RANGE_FROM = re.compile(
    rf"(?:a\ compter\ d[eu]|a\ partir\ d[eu]|&\ compter\ d[eu]|depuis|des|arrive(?:e|s|es)?\ +{_A}"
    rf"|present(?:e|s|es)?\ +{_A}(?:\ +partir\ +d[eu])?)\ +{ITEM}",
    _X,
)
RANGE_UNTIL = re.compile(rf"(?:jusqu'{{0,2}}\ ?{_A}|jusque)\ +{ITEM}(?P<incl>\ +incluse?)?", _X)
RANGE_BEFORE = re.compile(rf"(?:avant\ +(?:le\ +vote\ +(?:de|du)\ +)?){ITEM}", _X)
RANGE_AFTER = re.compile(rf"apres\ +(?:le\ +vote\ +(?:de|du)\ +)?{ITEM}", _X)
CLOCK = re.compile(r"\b(?P<h>[0-2]?\d)\ ?(?:h|heures?)\ ?(?P<m>[0-5]\d)?\b", _X)
RANGE_CLOCK = re.compile(
    r"(?:a\ +partir\ +d[eu]|a\ +compter\ +d[eu]|des|jusqu'?\ ?(?:a|&)|a|&|vers)"
    r"\ +[0-2]?\d\ ?(?:h|heures?)\b",
    _X,
)
"""A clock time after a name ("M. Y à partir de 10 H 50"): where the name ends."""

SUBSTITUTE = re.compile(r"^suppl[ea]ante?s?$", _X)
SUBSTITUTE_OF = re.compile(
    r"^(?:suppl[ea]ante?\ +(?:de|du)|remplace|remplacante?\ +de|en\ +remplacement\ +de)"
    r"\ +(?P<who>.+)$",
    _X,
)
REPLACED_BY = re.compile(
    r"(?:^|\ )(?:remplace(?:e)?\ +par|supplee(?:e)?\ +par)\ +(?:(?:sa|son)\ +suppl[ea]ante?\ +)?",
    _X,
)
PROXY_TO = re.compile(
    rf"^(?:(?:a\ +)?donne\ +)?{PROXY_NOUN}"
    rf"(?:\ +donne(?:e)?(?:\ +{_A})?|\ +{_A})\ +(?!(?:par|de|du|des|d')\b)(?P<who>.+)$",
    _X,
)
"""A proxy given to someone: "pouvoir à X", "procuration donnée à X", "pouvoir donné X" (the "à"
lost). Not "pouvoir de X" nor "pouvoir donné par X", which name the giver: those are left unread
(reported) rather than read the wrong way round."""
REPRESENTED_BY = re.compile(r"^represente(?:e|s|es)?\ +par\ +(?P<who>.+)$", _X)
NO_PROXY = re.compile(rf"^(?:pas|aucun|sans)\ +(?:de\ +)?{PROXY_NOUN}", _X)
PROXY_CODE = re.compile(r"^pr\ ?(?P<stars>\*+)$", _X)

PROXY_SPLIT = re.compile(
    r"""\ (?:(?:qui\ +)?(?:a\ +|ont\ +)?donne(?:nt)?(?:\ +(?:son|sa|leur|leurs))?
          \ +{noun}
          \ +{a}|represente(?:e)?\ +par|par|{a})\ """.replace("{a}", "(?:a|&|au)").replace(
        "{noun}", PROXY_NOUN
    ),
    _X,
)
"""The connector of "X à Y", "X donne pouvoir à Y", "X représentée par Y" (first one wins)."""

# --- the head of the minutes ---------------------------------------------------------------------

IN_OFFICE = re.compile(
    r"en\ +exercice[^0-9a-z\n]{0,20}(?P<n>\d{1,4})\b"
    r"|(?P<m>\d{1,4})\ +(?:membres|conseillers|delegues)"
    r"\ +en\ +exercice",
    _X,
)
PRESIDENCY = re.compile(
    r"(?:sous\s+la\s+presidence\s+de|(?:^|\n)[\ \t]*presidence\ *(?:de\b|:))\s*"
    r"(?P<who>(?P<civ>" + civility(plural=False, short="dotted") + r"\.?\s+)?[^,(\n]{3,60})",
    _X,
)
"""The chair in the head of the minutes: "sous la présidence de M. X" (across a line break too),
"Présidence : X". Without a civility the name must be a listed member's (it adds no member)."""
MONTHS = (
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
)
DATE = re.compile(
    r"(?P<wd>(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\ +)?(?P<d>\d{1,2})(?:er)?\ +"
    r"(?P<m>" + "|".join(MONTHS) + r")\ +(?P<y>(?:19|20)\d\d)",
    _X,
)
PASSAGE_LABEL = re.compile(r"\d{1,4}(?:\ ?(?:bis|ter))?", _X)

# --- items and tallies ---------------------------------------------------------------------------

HEAD_KEYWORD = re.compile(
    r"^[ \-*]*(?:rapport|question|deliberation|point|dossier|affaire)\ *n\ ?[°o]\ ?\.?\ ?"
    r"(?P<n>\d{1,4}(?:\ ?(?:bis|ter))?)\b(?![./]\d)",
    _X,
)
HEAD_NUMBER = re.compile(r"^(?P<n>\d{1,3})\ ?(?:-|/(?!\d)|\))\ *(?=\S)", _X)
HEAD_INLINE = re.compile(r"(?:^|(?<=[\ .]))(?P<n>\d{1,2})\)\ (?=[A-ZÀ-Ý])", _X)

DECISION = re.compile(
    r"adopt|approuv|rejet|vote|voix|unanimit|abstention|votants|pour\ *:|contre\ *:|suffrages"
    r"|bulletins?|scrutin",
    _X,
)
COUNT = re.compile(
    r"""(?P<n>\d{1,4})\ +(?P<voix>(?:voix|votes?|suffrages?)\ +[«"]?\ *)?
        (?P<what>pour|contre|abstentions?|votants|presents)\b""",
    _X,
)
COUNT_LABEL = re.compile(
    r"""(?<![a-z])
        (?P<what>pour|contre|abstentions?|votants|presents|conseillers?\ +interesses?|npp?v
        |ne\ +(?:prenant|prend|prennent)\ +pas\ +part\ +au\ +vote|(?:suffrages\ +)?exprimes
        |(?:bulletins\ +)?(?:blancs?|nuls?)(?:\ +(?:ou|et)\ +(?:blancs?|nuls?))?)
        \*?\ *:\ *(?P<n>\d{1,4})\b""",
    _X,
)
BARE_VOTES = re.compile(r"^(?P<n>\d{1,4})\ +(?:voix|votes)\ *\.?$", _X)
NOT_VOTING = re.compile(
    r"(?:(?:ne\ +)?(?:prend|prennent|prenant)\ +pas\ +part|ne\ +participe(?:nt)?\ +(?:pas|ni)"
    r"|ne\ +(?:prend|prennent)\ +part\ +ni"
    r"|ne\ +participant\ +pas|n'(?:a|ont)\ +pas\ +pris\ +part)"
    r"\ +(?:au\ +(?:debat\ +(?:ni|et)\ +au\ +)?vote|a\ +la\ +deliberation|aux?\ +debats?)"
    r"(?:\ +(?:ni|et)\ +au\ +vote)?(?!\ *:)",
    _X,
)
"""A member who takes no part in the vote ("M. X ne prend pas part au vote", "ne prenant pas
part", "prend pas part" with the "ne" lost to OCR, "ne participe pas au vote", "ne participe ni
au débat ni au vote", "ne prend pas part à la délibération"), not a count."""
INTEREST = re.compile(
    r"interesse|quitte(?:nt)?\ +la\ +(?:salle|seance)|sort(?:ent)?\ +de\ +la\ +salle"
    r"|se\ +retir(?:e|ent|ant)\b|se\ +deport(?:e|ent|ant)\b"
    r"|s'est\ +retiree?\b|se\ +sont\ +retire(?:e)?s\b",
    _X,
)
"""What makes a non-voter a conseiller intéressé who withdraws for the item (L2131-11)."""

SECRET = re.compile(r"bulletins?\ +(?:secrets?|blancs?|nuls?)|scrutin\ +secret|vote\ +secret", _X)
"""A secret ballot: "au scrutin secret", "Bulletins blancs ou nuls : 2"."""
TOTALS = re.compile(
    r"(?<![a-z])(?P<what>presents?|votants?)\ {0,5}[:=\-]{1,10}\ {0,5}(?P<n>\d{1,4})\b", _X
)
"""Session totals printed before the items ("Présents : 29 - Votants : 33")."""
LONE_NUMBER = re.compile(r"\d{1,3}")
"""A page number alone on its line."""
EVENT = EVENT_BEFORE
"""An event with its noun first (one pattern, in ``_itemwords``)."""
