"""Spellings used to undo OCR damage that is certain: first names and commune names.

A word is corrected only when it is *not* a known spelling and exactly one known spelling is
within the OCR confusions (``é``/``è``, ``g`` for ``ç``, a dropped or swapped letter). Add to these
tables (they are plain data) rather than to the code.
"""

from __future__ import annotations

from quorum.parse._text import fold, levenshtein

FIRST_NAMES: tuple[str, ...] = (
    "Agnès",
    "Anaïs",
    "André",
    "Andrée",
    "Aurélie",
    "Aurélien",
    "Benoît",
    "Benoit",
    "Cédric",
    "Céline",
    "Christian",
    "Christiane",
    "Christine",
    "Claude",
    "Clément",
    "Danièle",
    "Daniel",
    "Émile",
    "Emile",
    "Éric",
    "Eric",
    "Étienne",
    "Etienne",
    "Fabienne",
    "Françoise",
    "François",
    "Frédéric",
    "Frédérique",
    "Gaël",
    "Gaëlle",
    "Gérard",
    "Gwénaëlle",
    "Hélène",
    "Hervé",
    "Jérôme",
    "Joël",
    "Joëlle",
    "Josée",
    "José",
    "Kévin",
    "Léa",
    "Léon",
    "Lionel",
    "Lucie",
    "Michèle",
    "Michel",
    "Noël",
    "Noëlle",
    "Océane",
    "Pénélope",
    "Raphaël",
    "Régine",
    "Régis",
    "René",
    "Renée",
    "Sébastien",
    "Séverine",
    "Stéphane",
    "Stéphanie",
    "Thérèse",
    "Valérie",
    "Véronique",
    "Yannick",
    "Zoé",
    "Jean-François",
    "Marie-Thérèse",
    "Marie-Hélène",
    "Marie-Françoise",
    "Jean-Frédéric",
    "Anne-Thérèse",
    "Francis",
    "Danielle",
    "Michelle",
    "Christelle",
    "Christophe",
    "Frédérick",
    "Francine",
    "Franck",
    "Frank",
    "Marielle",
    "Mathieu",
    "Matthieu",
    "Daniele",
    "Gabriel",
    "Gabrielle",
    "Maryline",
    "Marcel",
    "Marcelle",
    "Pascal",
    "Pascale",
)

PLACES: tuple[str, ...] = (
    # Grand Besançon Métropole (68 communes) and common OCR victims.
    "Besançon",
    "Boussières",
    "Chalèze",
    "Chalezeule",
    "Châtillon-Le-Duc",
    "Dannemarie-Sur-Crête",
    "La Vèze",
    "Montferrand-Le-Château",
    "Pouilley-Français",
    "Saône",
    "Audeux",
    "Avanne-Aveney",
    "Bonnay",
    "Busy",
    "Byans-Sur-Doubs",
    "Champagney",
    "Champvans-Les-Moulins",
    "Chaucenne",
    "Chemaudin et Vaux",
    "Chevroz",
    "Cussey-Sur-L'Ognon",
    "Deluz",
    "Devecey",
    "Ecole-Valentin",
    "Fontain",
    "Franois",
    "Geneuille",
    "Gennes",
    "Larnod",
    "Les Auxons",
    "Mamirolle",
    "Mazerolles-Le-Salin",
    "Miserey-Salines",
    "Montfaucon",
    "Noironte",
    "Novillars",
    "Osselle-Routelle",
    "Palise",
    "Pelousey",
    "Pouilley-Les-Vignes",
    "Pugey",
    "Roche-Lez-Beaupré",
    "Roset-Fluans",
    "Saint-Vit",
    "Serre-Les-Sapins",
    "Tallenay",
    "Thise",
    "Thoraise",
    "Velesmes-Essarts",
    "Vorges-Les-Pins",
    "Amagney",
    "Beure",
    "Braillans",
    "Champoux",
    "Grandfontaine",
    "La Chevillotte",
    "Marchaux-Chaudefontaine",
    "Merey-Vieilley",
    "Morre",
    "Nancray",
    "Pirey",
    "Rancenay",
    "Torpes",
    "Vaire",
    "Venise",
    "Vieilley",
    "Villars-Saint-Georges",
    "Héricourt",
    "Lannion",
    "Condom",
)


def _key(word: str) -> str:
    """OCR-tolerant key: folded, apostrophes straightened, ``ç`` read as ``g`` folded to ``c``."""
    return fold(word).replace("g", "c")


def _index(words: tuple[str, ...]) -> tuple[set[str], dict[str, list[str]]]:
    exact = set(words)
    by_key: dict[str, list[str]] = {}
    for w in words:
        by_key.setdefault(_key(w), []).append(w)
    return exact, by_key


_FIRST = _index(FIRST_NAMES)
_PLACE = _index(PLACES)


def _correct(word: str, table: tuple[set[str], dict[str, list[str]]], *, keep_ascii: bool) -> str:
    exact, by_key = table
    if not word or word in exact:
        return word
    key = _key(word)
    same = by_key.get(key, [])
    if len(same) == 1:
        cand = same[0]
        if keep_ascii and word.isascii() and fold(cand) == fold(word):
            return word  # Benoit, Emile: a valid spelling without accents, not damage
        return cand
    if same or len(key) < 5:
        return word
    # one dropped or misread letter (Christne, Sadne): only when a single spelling is that near
    near = [
        w
        for k, ws in by_key.items()
        if 0 <= len(k) - len(key) <= 1 and k[:1] == key[:1] and levenshtein(k, key, 1) <= 1
        for w in ws
    ]
    return near[0] if len(near) == 1 else word


def correct_first_name(word: str) -> str:
    """``Agnés`` → ``Agnès``, ``Frangois`` → ``François``, ``Christne`` → ``Christine``."""
    return _correct(word, _FIRST, keep_ascii=True)


def correct_place(name: str) -> str:
    """``Besangon`` → ``Besançon``, ``Sadne`` → ``Saône``, ``Chaleze`` → ``Chalèze``."""
    if name.isupper():
        return name  # written in capitals: another commune, not OCR damage of a known one
    fixed = _correct(name.replace("’", "'"), _PLACE, keep_ascii=False)
    if fixed != name.replace("’", "'"):
        return fixed.replace("'", "’") if "’" in name else fixed
    return name


def correct_surname(word: str) -> str:
    """Upper-case surname: a ``Q`` not followed by ``U`` inside a word is OCR noise
    (``BOURGEOQIS`` → ``BOURGEOIS``)."""
    if "Q" not in word:
        return word
    out = []
    for i, c in enumerate(word):
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if c == "Q" and i > 0 and nxt.isalpha() and nxt != "U":
            continue
        out.append(c)
    return "".join(out)
