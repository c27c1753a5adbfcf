"""A grammar of the item side of minutes (headings, statements under an item, votes), as
hypothesis strategies that return the text with its known answer. Composable: ``minutes_items``
takes the attendance head as an argument (another grammar may produce it)."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

HEADINGS: list[tuple[str, str]] = [
    # (template of the heading line, template of its label); {n} the number, {r} the roman
    ("Rapport n°{n} - {title}", "{n}"),
    ("Point {n} : {title}", "{n}"),
    ("QUESTION N° {n} : {title}", "{n}"),
    ("Délibération n°2023-{n:02d} {title}", "2023-{n:02d}"),
    ("{n} - {title}", "{n}"),
    ("{n}/ {title}", "{n}"),
    ("{n}) {title}", "{n}"),
    ("{n}. {title}", "{n}"),
    ("{r} - {title}", "{r}"),
    ("2021-{n:03d} {title}", "2021-{n:03d}"),
    ("25-04/{n:03d} — {title}", "25-04/{n:03d}"),
    ("20220131 {n:02d} {title}", "20220131 {n:02d}"),
    ("{n}\n\n{title}", "{n}"),
]
TITLES = ["Budget primitif", "Voirie communale", "Subvention au club de football",
          "Tarifs de la salle des fêtes", "Convention avec le SDIS", "Personnel communal",
          "Éclairage public", "Cimetière : tarifs des concessions"]  # fmt: skip
FILLER = [
    "Monsieur le Maire expose le dossier.",
    "Vu le code général des collectivités territoriales,",
    "Considérant l'intérêt de la commune,",
    "Madame MARTIN demande des précisions sur le coût.",
    "Le montant s'élève à 12 340,35 € HT soit 14 808,42 € TTC.",
    "Monsieur le Maire invite l'Assemblée à bien vouloir se prononcer sur ce dossier.",
]


@dataclass(frozen=True)
class Answer:
    """What a vote statement reports: pour, contre, abstention, unanimous."""

    pour: int | None
    contre: int | None
    abstention: int | None
    unanimous: bool


def votes(voters: int) -> list[tuple[str, Answer]]:
    """Vote statements that add up for ``voters`` voters, with their answer."""
    words = ["ZÉRO", "UNE", "DEUX", "TROIS", "QUATRE", "CINQ", "SIX"]
    p, c = voters - 1, 1
    return [
        ("Adopté à l'unanimité.", Answer(None, None, None, True)),
        ("ADOPTÉ À L'UNANIMITÉ", Answer(None, None, None, True)),
        (
            "Après en avoir délibéré, le Conseil municipal, à l'unanimité des membres présents "
            "et représentés :",
            Answer(None, None, None, True),
        ),
        ("Le Conseil municipal, ainsi informé, à l'unanimité ;", Answer(None, None, None, True)),
        (f"Pour : {p}, Contre : {c}, Abstention : 0", Answer(p, c, 0, False)),
        (f"Pour {p}, Contre {c}", Answer(p, c, None, False)),
        (f"{p} voix pour, {c} voix contre", Answer(p, c, None, False)),
        (f"{c} contre, 0 abstention, {p} pour", Answer(p, c, 0, False)),
        (f"{words[p]} voix POUR - {words[c]} voix CONTRE", Answer(p, c, None, False)),
        (f"Adopté par {p} voix pour et {c} abstention", Answer(p, None, c, False)),
    ]


@st.composite
def minutes_items(draw: st.DrawFn, head: str, voters: int) -> tuple[str, list[str], list[Answer]]:
    """Minutes with ``head`` then 1 to 8 items of one heading style, a vote under each;
    returns the text, the expected agenda and the expected answers."""
    style, label = draw(st.sampled_from(HEADINGS))
    n = draw(st.integers(1, 8))
    table = votes(voters)
    lines: list[str] = []
    agenda: list[str] = []
    answers: list[Answer] = []
    if draw(st.booleans()):  # the approval of the previous minutes, before the first heading
        lines += ["Approbation du compte rendu de la séance précédente", "",
                  "Le compte rendu est adopté à l'unanimité.", ""]  # fmt: skip
        agenda.append("Approbation du compte rendu de la séance précédente")
        answers.append(Answer(None, None, None, True))
    for i in range(1, n + 1):
        title = draw(st.sampled_from(TITLES))
        lines.append(style.format(n=i, r=ROMAN[i - 1], title=title))
        lines += draw(st.lists(st.sampled_from(FILLER), max_size=3))
        statement, answer = draw(st.sampled_from(table))
        lines += [statement, ""]
        agenda.append(label.format(n=i, r=ROMAN[i - 1]))
        answers.append(answer)
    return head + "\n".join(lines) + "\n", agenda, answers
