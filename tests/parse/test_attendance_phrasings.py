"""Attendance phrasings met in real minutes, one line each: the reader must give the same
members, presence and proxies whatever the heading, the separator or the proxy phrase."""

from __future__ import annotations

import pytest

from quorum.audit import audit
from quorum.model import Role, Session
from quorum.parse import parse_minutes
from quorum.parse._sections import read_lists
from quorum.parse._text import Doc

HEAD = "Conseil municipal\nOrdre de passage des rapports : 1, 2\n\n"
ITEMS = "\n\nRapport n°1 - Budget\nADOPTÉ\n"


def _parse(body: str) -> Session:
    return parse_minutes(HEAD + body + ITEMS)


def _present(s: Session) -> list[str]:
    result = audit(s)
    return sorted(m.id for m in result.items[0].present)


def _proxies(s: Session) -> list[tuple[str, str]]:
    return sorted((p.giver, p.holder) for p in s.proxies)


THREE = ["anne-martin", "jean-dupont", "luc-roux"]

SEPARATORS = [
    "Présents : M. Jean DUPONT, Mme Anne MARTIN, M. Luc ROUX",
    "Présents : M. Jean DUPONT ; Mme Anne MARTIN ; M. Luc ROUX",
    "Présents : Jean DUPONT / Anne MARTIN / Luc ROUX",
    "Présents : Jean DUPONT – Anne MARTIN – Luc ROUX",
    "Présents : Jean DUPONT — Anne MARTIN — Luc ROUX",
    "Présents : Jean DUPONT - Anne MARTIN - Luc ROUX",
    "Présents : Jean DUPONT, Anne MARTIN et Luc ROUX",
    "Présents : • Jean DUPONT • Anne MARTIN • Luc ROUX",
    "Présents : M. Jean DUPONT, Mme Anne\nMARTIN, M. Luc ROUX",
    "Présents : M. Jean DUPONT, Mme Anne\n\nMARTIN, M. Luc ROUX",
    "Présents : DUPONT Jean, MARTIN Anne, ROUX Luc",
    "Présents : Jean Dupont, Anne Martin, Luc Roux",
]


@pytest.mark.parametrize("line", SEPARATORS)
def test_separators_and_name_orders(line: str) -> None:
    s = _parse(line)
    assert _present(s) == THREE, line
    assert s.reading is not None
    assert s.reading.complete, [n.message for n in s.notes]


HEADINGS = [
    "Étaient présents : Jean DUPONT, Anne MARTIN, Luc ROUX",
    "Etaients présents : Jean DUPONT, Anne MARTIN, Luc ROUX",
    "Sont présents : Jean DUPONT, Anne MARTIN, Luc ROUX",
    "PRESENTS : MM Jean DUPONT, Anne MARTIN, Luc ROUX",
    "Membres présents : Jean DUPONT, Anne MARTIN, Luc ROUX",
    "Présent(e)s : Jean DUPONT, Anne MARTIN, Luc ROUX",
    "Le quorum est de 2. 3 Etaient présents : Jean DUPONT, Anne MARTIN, Luc ROUX",
]


@pytest.mark.parametrize("line", HEADINGS)
def test_present_headings(line: str) -> None:
    assert _present(_parse(line)) == THREE, line


PROXIES = [
    "Absent ayant donné procuration : Mr Paul DURAND à Mr Jean DUPONT",
    "Absents ayant donné pouvoir : Monsieur Paul DURAND donne pouvoir à monsieur Jean DUPONT",
    "Excusés : Paul DURAND (pouvoir donné à Jean DUPONT) / Rose PETIT (pas de pouvoir donné)",
    "Excusés : Paul DURAND (pouvoir donné Jean DUPONT)",
    "Absents excusés : Paul DURAND (procuration à Jean DUPONT) – Rose PETIT",
    "Avaient donné pouvoir : Paul DURAND à Jean DUPONT",
    "Procurations : Paul DURAND donne procuration à Jean DUPONT",
    "Représentés : Paul DURAND par Jean DUPONT",
    "Absents avant donné procuration : M. Paul DURAND à M. Jean DUPONT",  # OCR: avant = ayant
]


@pytest.mark.parametrize("line", PROXIES)
def test_proxy_phrasings_in_absent_lists(line: str) -> None:
    s = _parse("Présents : Jean DUPONT, Anne MARTIN, Luc ROUX\n" + line)
    assert ("paul-durand", "jean-dupont") in _proxies(s), line
    assert _present(s) == THREE
    assert "paul-durand" in {m.id for m in s.members}


def test_two_givers_one_holder() -> None:
    s = _parse(
        "Présents : Jean DUPONT, Anne MARTIN, Luc ROUX\n"
        "Absents ayant donné procuration : Madame Rose PETIT et monsieur Paul DURAND donnent "
        "pouvoir à monsieur Jean Dupont"
    )
    assert _proxies(s) == [("paul-durand", "jean-dupont"), ("rose-petit", "jean-dupont")]
    s = _parse(
        "Présents : Jean DUPONT, Anne MARTIN, Luc ROUX\n"
        "Procurations : Rose PETIT et Paul DURAND donnent pouvoir à Jean DUPONT"
    )
    assert _proxies(s) == [("paul-durand", "jean-dupont"), ("rose-petit", "jean-dupont")]


def test_proxies_over_lines_ending_on_a_surname_and_a_comma() -> None:
    """The line broken after "donnent", then lines that end on "MALLARD,": a proxy list, not
    prose (every proxy was lost before, with no note)."""
    s = _parse(
        "Présents : Jean DUPONT, Anne MARTIN, Luc ROUX, Rose PETIT\n"
        "Absents ayant donné procuration : Madame Véronique DELAUNAY et monsieur Ludovic "
        "BAECHLER donnent\npouvoir à monsieur Jean Dupont, madame Chantal LEFOYER donne pouvoir "
        "à monsieur Luc ROUX,\nmonsieur Jean-Pierre GOHIN donne pouvoir à madame Anne MARTIN,\n"
        "Absente excusée : Madame Françoise DUARTE"
    )
    assert _proxies(s) == [
        ("chantal-lefoyer", "luc-roux"),
        ("jean-pierre-gohin", "anne-martin"),
        ("ludovic-baechler", "jean-dupont"),
        ("veronique-delaunay", "jean-dupont"),
    ]
    assert not [n for n in s.notes if n.code in ("UNREAD_TEXT", "HOLDER_ADDED_FROM_PROXY")]


def test_a_member_and_his_state_on_one_line() -> None:
    s = _parse(
        "Présents : Jean, Anne, Luc.\nExcusés : Paul (pouvoir donné à Jean)\n"
        "Rose : absente non excusée\nMr le Maire demande l'ajout de deux délibérations."
    )
    assert {m.id for m in s.members} == {"jean", "anne", "luc", "paul", "rose"}
    assert _proxies(s) == [("paul", "jean")]
    assert s.reading is not None
    assert s.reading.complete, [n.message for n in s.notes]


def test_substitutes_written_titular_par_substitute() -> None:
    s = parse_minutes(
        "Comité syndical\nOrdre de passage des rapports : 1, 2\n\n"
        "Etaient présents : Jean DUPONT, Anne MARTIN. Etaient Suppléés : Paul DURAND par "
        "Luc ROUX. Avaient donné pouvoir : Rose PETIT à Anne MARTIN" + ITEMS
    )
    roux = next(m for m in s.members if m.id == "luc-roux")
    assert (roux.role, roux.substitute_for) == (Role.SUBSTITUTE, "paul-durand")
    assert _present(s) == THREE
    assert _proxies(s) == [("rose-petit", "anne-martin")]


def test_a_clock_time_is_not_an_item_number() -> None:
    s = _parse("Présents : Jean DUPONT (jusqu'à 11 heures), Anne MARTIN, Luc ROUX")
    assert "ITEM_UNKNOWN" not in [n.code for n in s.notes]
    assert "CLOCK_TIME_NOT_PLACED" in [n.code for n in s.notes]


def test_totals_inside_a_list_are_not_names() -> None:
    s = _parse("Présents : Jean DUPONT, Anne MARTIN, Luc ROUX\nSoit 3 présents\n0 procuration")
    assert _present(s) == THREE
    assert "UNREAD_TEXT" not in [n.code for n in s.notes]


def test_a_commune_with_et_in_its_name_is_one_group() -> None:
    s = _parse("Présents : Chemaudin et Vaux : M. Jean DUPONT, Mme Anne MARTIN, M. Luc ROUX")
    assert _present(s) == THREE
    assert {m.group for m in s.members} == {"Chemaudin et Vaux"}


def test_headings_alone_on_their_line_roles_and_no_deliberative_voice() -> None:
    s = _parse(
        "Sont présents :\nMonsieur Jean DUPONT, Madame Anne MARTIN, Vices présidents\n"
        "Monsieur Luc ROUX, membres de la Commission permanente\n"
        "Assistent sans voix délibératives\nMadame Rose PETIT, Monsieur Paul DURAND\n"
        "Sont excusés :\nMonsieur Marc BLANC (pouvoir à M. DUPONT)"
    )
    assert _present(s) == THREE
    assert {m.id for m in s.members} == {*THREE, "marc-blanc"}
    assert _proxies(s) == [("marc-blanc", "jean-dupont")]
    assert s.reading is not None
    assert s.reading.complete, [n.message for n in s.notes]


def test_substitutes_with_a_deliberative_voice_sit() -> None:
    s = parse_minutes(
        "Comité syndical\nOrdre de passage des rapports : 1, 2\n\n"
        "Membres titulaires présents : DUPONT Jean, MARTIN Anne. Membres suppléants avec Voix "
        "Délibératives : ROUX Luc. Membres titulaires absents, excusés : PETIT Rose." + ITEMS
    )
    assert _present(s) == THREE
    roux = next(m for m in s.members if m.id == "luc-roux")
    assert roux.role is Role.SUBSTITUTE


def test_a_sentence_ending_on_its_own_line_is_not_a_heading() -> None:
    text = (
        "Présents : Jean DUPONT, Anne MARTIN, Luc ROUX\n\nRapport n°2 - Tarifs\n"
        "Le Conseil adopte le budget tel que\n> présenté.\n\nRapport n°3 - Écoles\nADOPTÉ"
    )
    lists = read_lists(Doc(text))
    assert [kind for _, _, kind in lists.sections] == ["present"]


def test_a_flattened_word_table_is_read_in_its_body_column() -> None:
    side = ["Nombre de membres", "en exercice :", "11", "qui ont pris part", "dont 1", "", ""]
    body = [
        "Conseil municipal de la commune",
        "sous la présidence de Monsieur",
        "Jean DUPONT - Maire",
        "",
        "Présents : Jean DUPONT - Anne MARTIN –-",
        "Luc ROUX",
        "Absents excusés : Rose PETIT – Paul",
    ]
    rows = [f"|{a:<20}|{b:<45}|" for a, b in zip(side, body, strict=True)]
    rows += ["|                    |DURAND - LE GALL                             |"]
    rows += ["|                    |Procurations : Rose PETIT donne procuration à|"]
    rows += ["|                    |Jean DUPONT                                  |"]
    rows += ["|                    |Paul DURAND - LE GALL donne procuration à    |"]
    rows += ["|                    |Anne MARTIN                                  |"]
    s = parse_minutes("\n".join(rows) + ITEMS)
    assert _present(s) == THREE
    assert _proxies(s) == [("paul-durand-le-gall", "anne-martin"), ("rose-petit", "jean-dupont")]
    assert s.reading is not None
    assert s.reading.complete, [n.message for n in s.notes]


def test_a_vote_sentence_broken_before_represented_is_not_a_heading() -> None:
    text = (
        "Présents : Jean DUPONT, Anne MARTIN, Luc ROUX\n\nRapport n°1 - Budget\n"
        "Le Conseil, à l'unanimité des membres présents et\nreprésentés :\n"
        "Approuve le budget.\n"
    )
    assert [kind for _, _, kind in read_lists(Doc(text)).sections] == ["present"]


def test_a_plural_civility_alone_is_not_a_person() -> None:
    s = _parse("Présents : MM.\nJean DUPONT, Anne MARTIN, Mesdames, Luc ROUX")
    assert _present(s) == THREE
    assert "UNREAD_TEXT" not in [n.code for n in s.notes]


def test_one_person_a_line_with_communes_between() -> None:
    s = parse_minutes(
        "Conseil de la Communauté de Communes\nOrdre de passage des rapports : 1, 2\n\n"
        "Etaient présents :\nBASSEVELLE\nM. DUPONT Jean\nSAINT JEAN LES\nDEUX JUMEAUX\n"
        "Mme MARTIN Anne\nM. ROUX Luc (suppléant de\nM. DURAND Paul)\n"
        "Formant la majorité des membres en exercice.\n"
        "Délégués représentés par pouvoir :\nMme PETIT Rose à M. DUPONT Jean\n"
        "M. BLANC Marc par Mme MARTIN Anne" + ITEMS
    )
    assert _present(s) == THREE
    groups = {m.id: m.group for m in s.members}
    assert groups["jean-dupont"] == "BASSEVELLE"
    assert groups["anne-martin"] == "SAINT JEAN LES DEUX JUMEAUX"
    roux = next(m for m in s.members if m.id == "luc-roux")
    assert roux.substitute_for == "paul-durand"
    assert _proxies(s) == [("marc-blanc", "anne-martin"), ("rose-petit", "jean-dupont")]
    assert "UNREAD_TEXT" not in [n.code for n in s.notes]  # the prose line ends the list


def test_a_list_cut_on_a_lone_first_name_is_reported() -> None:
    s = _parse("Présents : Jean DUPONT, Anne MARTIN, Luc ROUX, Rose\n\n| 2%\nDate de la")
    assert _present(s) == THREE
    assert "UNREAD_TEXT" in [n.code for n in s.notes]
    assert s.reading is not None
    assert not s.reading.complete


def test_the_chair_with_his_title_is_one_member() -> None:
    s = parse_minutes(
        "Conseil municipal de la commune\nsous la présidence de Monsieur Jean DUPONT - Maire\n\n"
        "Présents : Anne MARTIN, Luc ROUX" + ITEMS
    )
    assert _present(s) == THREE


def test_a_name_broken_by_blank_lines_goes_on() -> None:
    s = _parse(
        "Présents : Jean DUPONT, Anne MARTIN, Luc ROUX\n"
        "Absents ayant donné procuration : Mr DURAND\n\nPaul à Mr Jean DUPONT,\n\nMme\n\n"
        "PETIT\n\nRose à Mme Anne MARTIN"
    )
    assert _proxies(s) == [("paul-durand", "jean-dupont"), ("rose-petit", "anne-martin")]


def test_a_lost_space_after_a_dot() -> None:
    s = _parse("Présents : Jean DUPONT, Anne MARTIN, ROUX.Luc")
    assert _present(s) == THREE


@pytest.mark.parametrize(
    "remark",
    ["(pouvoir de M. Paul DURAND)", "(procuration de M. Paul DURAND)",
     "(pouvoir donné par M. Paul DURAND)"],
)  # fmt: skip
def test_a_proxy_naming_its_giver_is_read_the_right_way_round(remark: str) -> None:
    """ "Pouvoir de X" after a present member names the giver: X gives his proxy to the member
    in front of it; never a member "de M. Paul DURAND", never a proxy the wrong way round."""
    s = _parse(f"Présents : Jean DUPONT {remark}, Anne MARTIN, Luc ROUX\nAbsents : Paul DURAND")

    assert [("paul-durand", "jean-dupont")] == _proxies(s)
    assert {"jean-dupont", "anne-martin", "luc-roux", "paul-durand"} == {m.id for m in s.members}
    assert s.reading is not None
    assert s.reading.complete, [n.code for n in s.notes]
