"""A grammar of attendance phrasings: hypothesis strategies that write the attendance part of
minutes together with the truth (who sits, who gave a proxy to whom).

Each production is one phrasing met in real minutes. Composable: ``attendance()`` draws a truth
and writes it; ``tests/parse/grammar_items.py`` (reader-items) may append items and votes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import strategies as st

FIRST = ("Jean", "Anne", "Luc", "Rose", "Paul", "Marie-Claire", "Jean-Pierre", "Élise", "Hervé")
LAST = (
    "DUPONT",
    "MARTIN",
    "ROUX",
    "PETIT",
    "DURAND",
    "LE BIHAN",
    "FOUREY-BECHET",
    "NOËL",
    "GAUDIN",
)
CIVILITY = {
    "M": ("M.", "Monsieur", "Mr", "M", "MONSIEUR", "Dr"),
    "F": ("Mme", "Madame", "Mme.", "Mlle", "Mademoiselle", "MADAME", "Docteur"),
}
GENDER = {
    "Jean": "M",
    "Anne": "F",
    "Luc": "M",
    "Rose": "F",
    "Paul": "M",
    "Marie-Claire": "F",
    "Jean-Pierre": "M",
    "Élise": "F",
    "Hervé": "M",
}
PRESENT_HEADINGS = (
    "Présents :",
    "Étaient présents :",
    "Etaient présents :",
    "PRESENTS :",
    "Sont présents :",
    "Membres présents :",
    "Présent(e)s :",
)
ABSENT_HEADINGS = ("Absents :", "Absents excusés :", "Excusés :", "Etaient absents :")
PROXY_HEADINGS = ("Procurations :", "Pouvoirs :", "Procurations de vote :")
SEPARATORS = (", ", " ; ", " / ", " – ", " — ")
PROXY_PHRASES = (  # (giver, holder) -> text, in a proxies section
    "{g} à {h}",
    "{g} donne pouvoir à {h}",
    "{g} donne procuration à {h}",
    "{g} a donné pouvoir à {h}",
    "{g} (procuration à {h})",
    "{g} (pouvoir donné à {h})",
    "procuration de {g} à {h}",
    "{g} qui a donné pouvoir à {h}",
    "{g} donne pourvoir à {h}",
)
REMARK_PHRASES = (  # the remark after an absent member's name
    " (pouvoir donné à {h})",
    " (pouvoir à {h})",
    " (procuration à {h})",
    " (pouvoir donné {h})",
)


@dataclass
class Person:
    first: str
    last: str

    @property
    def id(self) -> str:
        import unicodedata

        text = unicodedata.normalize("NFD", f"{self.first} {self.last}")
        ascii_ = "".join(c for c in text if not unicodedata.combining(c)).lower()
        return "-".join("".join(c if c.isalnum() else " " for c in ascii_).split())


@dataclass
class Truth:
    present: list[Person]
    absent: list[Person]
    proxies: list[tuple[Person, Person]] = field(default_factory=list)
    text: str = ""


@st.composite
def people(draw: st.DrawFn, n: int) -> list[Person]:
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST)),
            min_size=n,
            max_size=n,
            unique_by=lambda t: t[1],
        )
    )
    return [Person(f, last) for f, last in pairs]


@st.composite
def written(draw: st.DrawFn, p: Person) -> str:
    """One person as a list writes him: civility or not, first name first or SURNAME first."""
    civ = draw(st.sampled_from(("", *CIVILITY[GENDER[p.first]])))
    order = draw(st.sampled_from(("first", "last")))
    name = f"{p.first} {p.last}" if order == "first" else f"{p.last} {p.first}"
    return f"{civ} {name}".strip()


@st.composite
def attendance(draw: st.DrawFn) -> Truth:
    """A truth and the attendance text that says it."""
    everyone = draw(people(draw(st.integers(min_value=4, max_value=len(LAST)))))
    k = draw(st.integers(min_value=2, max_value=len(everyone) - 1))
    present, absent = everyone[:k], everyone[k:]
    givers = absent[: draw(st.integers(min_value=0, max_value=len(absent)))]
    proxies = [(g, present[i % len(present)]) for i, g in enumerate(givers)]
    sep = draw(st.sampled_from(SEPARATORS))
    last_sep = draw(st.sampled_from((sep, " et ")))
    names = [draw(written(p)) for p in present]
    body = sep.join(names[:-1]) + last_sep + names[-1]
    lines = [f"{draw(st.sampled_from(PRESENT_HEADINGS))} {body}"]
    style = draw(st.sampled_from(("remark", "section")))
    if style == "remark":
        entries = []
        for p in absent:
            remark = ""
            for g, h in proxies:
                if g is p:
                    phrase = draw(st.sampled_from(REMARK_PHRASES))
                    remark = phrase.format(h=draw(written(h)))
            entries.append(draw(written(p)) + remark)
        lines.append(f"{draw(st.sampled_from(ABSENT_HEADINGS))} {sep.join(entries)}")
    else:
        lines.append(
            f"{draw(st.sampled_from(ABSENT_HEADINGS))} "
            + sep.join(draw(written(p)) for p in absent)
        )
        if proxies:
            phrases = [
                draw(st.sampled_from(PROXY_PHRASES)).format(g=draw(written(g)), h=draw(written(h)))
                for g, h in proxies
            ]
            lines.append(f"{draw(st.sampled_from(PROXY_HEADINGS))} {', '.join(phrases)}")
    wrap = draw(st.booleans())
    text = "\n".join(lines)
    if wrap:  # a PDF wraps long lines: break after a separator
        text = text.replace(sep, sep.rstrip() + "\n", 2) if sep.strip() in ",;" else text
    return Truth(present, absent, proxies, text)
