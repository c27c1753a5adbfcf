"""Item headings in all their forms, read as structure: a table of heading styles, and the cases
where the structure decides (an agenda list above the body, page numbers, unnumbered items,
"Questions diverses", two votes under one heading, a number repeated)."""

from __future__ import annotations

import pytest

from quorum.audit import audit
from quorum.model import Session
from quorum.parse import parse_minutes

HEAD = (
    "Conseil municipal de Trifouilly\n"
    "Présents : M. Jean DUPONT, Mme Anne MARTIN, M. Luc ROUX, Mme Rose PETIT\n"
    "Absents : M. Paul DURAND\n\n"
)
VOTES = ("Adopté à l'unanimité.", "Pour : 3, Contre : 1", "Après en avoir délibéré, le Conseil "
         "municipal, à l'unanimité des membres présents :")  # fmt: skip


def _minutes(headings: list[str], filler: str = "Monsieur le Maire expose le dossier.") -> str:
    body = []
    for h, vote in zip(headings, VOTES * 4, strict=False):
        body += [h, filler, vote, ""]
    return HEAD + "\n".join(body) + "\n"


def _parse(text: str) -> Session:
    return parse_minutes(text)


STYLES = [
    # (heading template with {n} / {r} / {nn}, expected labels)
    ("Rapport n°{n} - Budget {n}", ["1", "2", "3"]),
    ("Point {n} : Budget {n}", ["1", "2", "3"]),
    ("QUESTION N° {n} : Budget", ["1", "2", "3"]),
    ("Délibération n°2023-0{n} Budget", ["2023-01", "2023-02", "2023-03"]),
    ("{n} - Budget {n}", ["1", "2", "3"]),
    ("{n}/ Budget {n}", ["1", "2", "3"]),
    ("{n}) Budget {n}", ["1", "2", "3"]),
    ("{n}. Budget {n}", ["1", "2", "3"]),
    ("{n} – Budget {n}", ["1", "2", "3"]),
    ("{r} - Budget", ["I", "II", "III"]),
    ("{r}. BUDGET", ["I", "II", "III"]),
    ("2021-04{n} Budget {n}", ["2021-041", "2021-042", "2021-043"]),
    ("25-04/03{n} — Budget", ["25-04/031", "25-04/032", "25-04/033"]),
    ("20220131 0{n} Budget {n}", ["20220131 01", "20220131 02", "20220131 03"]),
    ("2021 06 0{n} Budget {n}", ["2021 06 01", "2021 06 02", "2021 06 03"]),
    ("{n}\n\nBUDGET {n}", ["1", "2", "3"]),  # the number alone on its line, the title below
]


@pytest.mark.parametrize(("template", "labels"), STYLES)
def test_heading_style(template: str, labels: list[str]) -> None:
    romans = ["I", "II", "III"]
    heads = [template.format(n=i + 1, r=romans[i]) for i in range(3)]
    s = _parse(_minutes(heads))
    assert labels == list(s.agenda)
    assert labels == [t.item for t in s.tallies]
    assert (3, 1) == (s.tallies[1].pour, s.tallies[1].contre)


def test_an_agenda_list_above_the_body_is_not_the_items() -> None:
    """The ordre du jour repeats the numbers; the headings that hold the votes win."""
    agenda = "Ordre du jour\n1.\n2.\n3.\n\nBudget\nVoirie\nÉcoles\n\n"
    s = _parse(_minutes(["1. Budget", "2. Voirie", "3. Écoles"]).replace(HEAD, HEAD + agenda))
    assert ("1", "2", "3") == s.agenda
    assert [t.source.line for t in s.tallies if t.source] == [16, 20, 24]


def test_sub_points_under_questions_diverses_do_not_restart_the_items() -> None:
    text = _minutes(["1 / Budget", "2 / Voirie"]) + (
        "3 / Questions diverses\n1 / Horaires des travaux\nRappel amiable.\n"
        "2 / Chats\nDeux chats capturés.\n"
    )
    s = _parse(text)
    assert ("1", "2", "3") == s.agenda


def test_page_numbers_beside_a_running_header_are_not_headings() -> None:
    page = "\nCommune de Trifouilly, séance du 3 mars 2023\n{n}\n\n"
    body = []
    for i in range(1, 4):
        body += [
            f"{i} - Dossier {i}",
            "Exposé.",
            page.format(n=i + 1),
            "Suite de l'exposé.",
            "Adopté à l'unanimité.",
        ]
    s = _parse(HEAD + "\n".join(body) + "\n")
    assert ("1", "2", "3") == s.agenda


def test_titles_only_each_vote_is_an_item() -> None:
    text = HEAD + (
        "Approbation du compte rendu du 19 octobre 2020\n\nLe compte rendu est adopté à "
        "l'unanimité.\n\nAvenant 2021 du centre socioculturel\n\nLe maire présente l'avenant.\n"
        "Pour : 3, Contre : 1\n\nChangement de prestataire informatique\n\n"
        "Le conseil, à l'unanimité, décide de changer de prestataire.\n"
    )
    s = _parse(text)
    assert (
        "Approbation du compte rendu du 19 octobre 2020",
        "Avenant 2021 du centre socioculturel",
        "Changement de prestataire informatique",
    ) == s.agenda
    assert 3 == len([f for f in s.notes if f.code == "ITEM_UNNUMBERED"])
    assert (3, 1) == (s.tallies[1].pour, s.tallies[1].contre)


def test_a_vote_before_the_first_heading_is_an_item_of_its_own() -> None:
    text = HEAD.replace("\n\n", "\n\nApprobation du procès-verbal\nLe procès-verbal est adopté "
                        "à l'unanimité.\n\n", 1)  # fmt: skip
    s = _parse(text + _minutes(["1 - Budget", "2 - Voirie"]).removeprefix(HEAD))
    assert ("Approbation du procès-verbal", "1", "2") == s.agenda
    assert [c.code for c in s.notes if c.code == "ITEM_UNNUMBERED"] == ["ITEM_UNNUMBERED"]


def test_a_vote_under_questions_diverses_is_an_item() -> None:
    text = _minutes(["1 - Budget", "2 - Voirie"]) + (
        "Questions diverses\nBarrières de sécurité pour l'armoire de la fibre.\n"
        "Adopté à l'unanimité.\n"
    )
    s = _parse(text)
    assert ("1", "2", "Questions diverses") == s.agenda
    assert "Questions diverses" == s.tallies[-1].item


def test_two_votes_under_one_heading() -> None:
    text = HEAD + (
        "1 - Budget\nADOPTÉ à l'unanimité\n\nSubvention au club.\nADOPTÉ 3 voix pour, "
        "1 abstention\n\n2 - Voirie\nAdopté à l'unanimité.\n"
    )
    s = _parse(text)
    assert ("1", "1 (2)", "2") == s.agenda
    assert ["SECOND_VOTE_IN_ITEM"] == [f.code for f in s.notes if f.code == "SECOND_VOTE_IN_ITEM"]


def test_an_item_number_repeated_makes_no_duplicate_label() -> None:
    s = _parse(_minutes(["1/ Budget", "2/ Voirie", "2/ Écoles"]))
    assert len(set(s.agenda)) == len(s.agenda) == 3
    assert ("1", "2", "2 (2)") == s.agenda


def test_questions_diverses_as_the_title_of_a_numbered_heading() -> None:
    text = (
        _minutes(["1. Budget", "2. Voirie"])
        + "3.\n\nQUESTIONS DIVERSES\n\na)\nPréau.\n"
        + (
            "Le Conseil municipal, ainsi informé, à l'unanimité :\n\nb)\nPlate-forme.\n"
            "Le Conseil municipal, ainsi informé, à l'unanimité :\n"
        )
    )
    s = _parse(text)
    assert ("1", "2", "3", "3 (2)") == s.agenda


def test_a_column_of_numbers_is_not_a_heading() -> None:
    text = _minutes(["1 Budget", "2 Voirie"]) + "Nombre de votes pour\n3\n4\n1\n"
    assert ("1", "2") == _parse(text).agenda


def test_a_heading_in_another_style_fills_a_gap() -> None:
    """The code prefix of heading 3 lost to OCR: "3-Fête du lac" between "20230911 2-…" and
    "20230911 4-…"."""
    heads = [f"20230911 {i}-Dossier {i}" for i in (1, 2)] + ["3-Fête du lac", "20230911 4-Fin"]
    assert ("20230911 1", "20230911 2", "3", "20230911 4") == _parse(_minutes(heads)).agenda


def test_an_ocr_gap_in_the_numbers_keeps_the_sequence() -> None:
    s = _parse(_minutes(["1 - Budget", "2 - Voirie", "4 - Écoles"]))
    assert ("1", "2", "4") == s.agenda


def test_recitals_and_reminders_are_neither_headings_nor_votes() -> None:
    text = HEAD + (
        "1 - Budget\nVu la délibération n°2022-56 du 13 octobre 2022,\n"
        "Pour mémoire, le projet a déjà recueilli votre approbation à l'unanimité.\n"
        "Considérant que le budget a été adopté à l'unanimité l'an dernier,\n"
        "Pour : 3, Contre : 1\n"
    )
    s = _parse(text)
    assert ("1",) == s.agenda
    assert [(3, 1, False)] == [(t.pour, t.contre, t.unanimous) for t in s.tallies]


def test_no_heading_and_no_vote_is_one_item_with_a_note() -> None:
    s = _parse(HEAD + "Le maire informe le conseil des travaux en cours.\n")
    assert ("1",) == s.agenda
    assert ["AGENDA_NOT_FOUND"] == [f.code for f in s.notes if f.code == "AGENDA_NOT_FOUND"]


def test_item_reading_never_makes_an_error_on_right_minutes() -> None:
    """Four present, one absent without proxy: every tally above adds up to 4."""
    for template, _ in STYLES:
        heads = [template.format(n=i + 1, r=["I", "II", "III"][i]) for i in range(3)]
        result = audit(_parse(_minutes(heads)))
        assert not result.errors, (template, [str(f) for f in result.errors])


@pytest.mark.parametrize(
    "table",
    [
        "Secrétaire : responsable de service\nAdjoint au responsable de service,\n"
        "Gestionnaire de dossiers particuliers",
        "Secrétaire de séance : agent d'accueil",
    ],
)
def test_a_post_titled_secretary_inside_an_item_does_not_end_the_attendance_there(
    table: str,
) -> None:
    """A table of posts under an item ("Secrétaire : responsable de service") names no person:
    it is no secretary section, so the attendance does not run down to it and the items above it
    are read."""
    text = HEAD + (
        "Madame Rose PETIT est nommée secrétaire de séance.\n\n"
        "20220131 01 Création d'un poste\nAdopté à l'unanimité.\n\n"
        f"20220131 02 Régime indemnitaire\nGroupes de fonctions :\n\n{table}\n\n"
        "Adopté à l'unanimité.\n\n"
        "20220131 03 Convention\nAdopté à l'unanimité.\n"
    )
    s = _parse(text)
    assert ["20220131 01", "20220131 02", "20220131 03"] == list(s.agenda)
    assert [] == [n.code for n in s.notes if n.code == "SECRETARY_NOT_MEMBER"]
    assert audit(s).verdict.value == "valid"


def test_a_secretary_named_in_the_head_is_still_read() -> None:
    text = HEAD.replace("\n\n", "\nSecrétaire de séance : M. Louis BLANC\n\n") + (
        "1 - Budget\nAdopté à l'unanimité.\n"
    )
    s = _parse(text)
    assert ["SECRETARY_NOT_MEMBER"] == [n.code for n in s.notes if n.code.startswith("SECRET")]
