"""Families of attendance lines met in the corpus of real minutes, each written anew (no council's
text): "&" between names, typos of proxy words, names broken over lines on a civility or a first
name, lists of proxies that read like prose, an empty heading, and coverage: a line between two
attendance sections is used or reported, never dropped in silence."""

from __future__ import annotations

import pytest

from quorum.audit import audit
from quorum.model import Session
from quorum.parse import parse_minutes

HEAD = "Conseil municipal\nOrdre de passage des rapports : 1\n\n"
ITEMS = "\n\nRapport n°1 - Budget\nADOPTÉ\n"
PRESENT = "Présents : Jean DUPONT, Luc ROUX, Yves GRANDIN\n"


def _parse(body: str) -> Session:
    return parse_minutes(HEAD + body + ITEMS)


def _ids(s: Session) -> list[str]:
    return sorted(m.id for m in s.members)


def _proxies(s: Session) -> list[tuple[str, str]]:
    return sorted((p.giver, p.holder) for p in s.proxies)


def _unread(s: Session) -> list[str]:
    return [n.source.text or "" for n in s.notes if n.code == "UNREAD_TEXT" and n.source]


def test_ampersand_between_two_names_in_a_present_list() -> None:
    s = _parse("Présents :\nJean DUPONT, Luc ROUX, David &\nAdeline (procuration à Luc)\n")
    assert _ids(s) == ["adeline", "david", "jean-dupont", "luc-roux"]
    assert _proxies(s) == [("adeline", "luc-roux")]
    assert s.reading is not None
    assert s.reading.complete


def test_ampersand_in_a_list_of_absents_is_the_ocr_a_of_a_proxy() -> None:
    s = _parse(PRESENT + "Absents ayant donné pouvoir : Anne MARTIN & Jean DUPONT\n")
    assert _proxies(s) == [("anne-martin", "jean-dupont")]


@pytest.mark.parametrize("typo", ["pourvoir", "pouvior", "procuation"])
def test_a_misspelt_proxy_word_is_a_proxy_word(typo: str) -> None:
    s = _parse(PRESENT + f"Absents : Madame Anne MARTIN donne {typo} à monsieur Grandin\n")
    assert _proxies(s) == [("anne-martin", "yves-grandin")]
    assert not _unread(s)


@pytest.mark.parametrize(
    "body",
    [
        "Absents ayant donné procuration : Madame Anne MARTIN donne pouvoir à monsieur Grandin,"
        " Monsieur\nPaul PITEL donne pouvoir à monsieur Roux",
        "Absents ayant donné procuration : Madame Anne MARTIN donne pouvoir à monsieur Grandin,"
        " M.\nPaul PITEL donne pouvoir à monsieur Roux",
        "Absents ayant donné procuration : Madame Anne MARTIN donne pouvoir à monsieur Grandin,"
        " madame\n\nPaule PITEL donne pouvoir à monsieur Roux",
        "Absents ayant donné procuration : Madame Anne MARTIN donne pouvoir à monsieur\nYves"
        " Grandin, monsieur Paul\nPitel donne pouvoir à monsieur Luc Roux, monsieur Hugo Brun"
        " donne pouvoir à monsieur\nJean Dupont",
    ],
)
def test_proxies_broken_over_lines_on_a_civility_or_a_name(body: str) -> None:
    s = _parse(PRESENT + body + "\n")
    got = _proxies(s)
    assert ("anne-martin", "yves-grandin") in got
    assert any(g.startswith("paul") and h == "luc-roux" for g, h in got), got
    assert not _unread(s), _unread(s)


def test_a_first_name_at_the_end_of_a_page_goes_on_with_its_surname() -> None:
    s = _parse(PRESENT + "Absents excusés : Anne BLEU, Jean-Pierre\n\nGOHIN et Thierry CHAUVIN.\n")
    assert {"jean-pierre-gohin", "thierry-chauvin"} <= set(_ids(s))
    assert "jean-pierre" not in _ids(s)


def test_an_empty_heading_then_a_blank_line_then_its_names() -> None:
    s = _parse(PRESENT + "Absents :\n\nHélène MARTIN\n")
    assert "helene-martin" in _ids(s)
    present = {m.id for m in audit(s).items[0].present}
    assert "helene-martin" not in present


def test_a_line_between_two_sections_is_reported_not_dropped() -> None:
    s = _parse(
        PRESENT + "\nMme Zoé BLEU, représentante de la préfecture, assiste\n\n"
        "Absents : Hélène MARTIN\n"
    )
    assert any("Zoé BLEU" in t for t in _unread(s))
    assert s.reading is not None
    assert not s.reading.complete


@pytest.mark.parametrize("line", ["Le quorum est atteint.", "La séance est ouverte à 20 h."])
def test_a_short_narrative_line_between_two_sections_is_not_reported(line: str) -> None:
    s = _parse(PRESENT + f"\n{line}\n\nAbsents : Hélène MARTIN\n")
    assert not _unread(s)


def test_narrative_prose_between_two_sections_is_not_reported() -> None:
    s = _parse(
        PRESENT + "\nLe quorum étant atteint, la séance est ouverte à vingt heures.\n\n"
        "Absents : Hélène MARTIN\n"
    )
    assert not _unread(s)
    assert "helene-martin" in _ids(s)


def _codes(s: Session) -> list[str]:
    return [n.code for n in s.notes]


@pytest.mark.parametrize(
    ("sentence", "kind", "at_time"),
    [
        ("Départ de Luc ROUX et Yves GRANDIN à 20H50.", "leave", "20:50"),
        ("Arrivée de Luc ROUX à 19 h 49.", "arrive", "19:49"),
        ("Départ de Luc ROUX en cours de séance.", "leave", None),
    ],
)
def test_a_move_written_with_the_attendance_keeps_its_clock_time(
    sentence: str, kind: str, at_time: str | None
) -> None:
    from quorum.parse._sections import read_lists
    from quorum.parse._text import Doc

    body = PRESENT + "Le secrétaire de mairie était présent également. " + sentence + "\n"
    lists = read_lists(Doc(HEAD + body + ITEMS))
    assert {(mv.kind, mv.at_time) for mv in lists.moves} == {(kind, at_time)}
    assert "luc-roux" in {mv.who.name.slug for mv in lists.moves}
    s = _parse(body)
    assert _ids(s) == ["jean-dupont", "luc-roux", "yves-grandin"]  # prose is no name
    code = "CLOCK_TIME_NOT_PLACED" if at_time else "MOVE_NOT_PLACED"
    assert _codes(s).count(code) == 1
    assert "UNREAD_TEXT" not in _codes(s)
    assert s.reading is not None
    assert not s.reading.complete  # the counts may be wrong after the move: not asserted


def test_a_proxy_from_a_clock_time_is_read_and_warned() -> None:
    s = _parse(PRESENT + "Absents : Anne MARTIN (pouvoir à Luc ROUX à partir de 10 H 50)\n")
    assert _proxies(s) == [("anne-martin", "luc-roux")]
    assert "CLOCK_TIME_NOT_PLACED" in _codes(s)


def test_a_heading_with_a_semicolon_for_its_colon_at_a_line_start() -> None:
    s = _parse(PRESENT + "\nPersonne ayant donné procuration ; Mme Anne MARTIN à Mr Luc ROUX\n")
    assert _proxies(s) == [("anne-martin", "luc-roux")]
    assert not _unread(s)


def test_a_proxy_going_on_after_a_page_break_with_its_verb() -> None:
    s = _parse(
        PRESENT + "Pouvoirs : Anne MARTIN donne pouvoir à monsieur Luc ROUX, Paule PITEL\n\n"
        "donne pouvoir à monsieur Yves GRANDIN et Hugo BRUN donne pouvoir à monsieur Jean\n\n"
        "DUPONT\n"
    )
    assert _proxies(s) == [
        ("anne-martin", "luc-roux"),
        ("hugo-brun", "jean-dupont"),
        ("paule-pitel", "yves-grandin"),
    ]
    assert not _unread(s)


def test_a_dot_then_a_civility_ends_a_proxy_and_an_ocr_quote_joins_a_first_name() -> None:
    s = _parse(
        PRESENT + "Absents ayant donné procuration : Monsieur Paul PITEL donne pouvoir à monsieur"
        " Luc Roux. Monsieur Jean‘Marc Martin donne pouvoir à Monsieur Jean Dupont.\n"
    )
    assert _proxies(s) == [("jeanmarc-martin", "jean-dupont"), ("paul-pitel", "luc-roux")]
    assert not _unread(s)


def test_a_vote_sentence_broken_before_represented_with_ocr_damage_is_no_heading() -> None:
    text = (
        HEAD + PRESENT + "\n\nRapport n°1 - Budget\nAprès en avoir délibéré, le Conseil, à "
        "l'unanimité des membres présents ef\nreprésentés :\nVote le budget, ainsi présenté.\n"
    )
    s = parse_minutes(text)
    assert _ids(s) == ["jean-dupont", "luc-roux", "yves-grandin"]
    assert not _unread(s)


def test_an_unknown_heading_inside_a_list_is_reported_never_a_commune() -> None:
    s = _parse(
        "Présents : Jean DUPONT, Luc ROUX, Yves GRANDIN\nAbsents très excusés : Anne MARTIN"
    )
    assert "anne-martin" not in {m.id for m in audit(s).items[0].present}
    assert _unread(s)


@pytest.mark.parametrize(
    "body",
    [
        "Absents excusés représentés : Anne MARTIN par Luc ROUX",
        "Absents : Anne MARTIN\nProcuration de Anne MARTIN à Luc ROUX",
        "Pouvoirs : procuration de Anne MARTIN à Luc ROUX",
        "Pouvoirs :\nAnne MARTIN à Luc ROUX",
        "Absents ayant donné pouvoir : procuration d'Anne MARTIN à Luc ROUX",
    ],
)
def test_new_proxy_phrasings(body: str) -> None:
    s = _parse(PRESENT + body + "\n")
    assert _proxies(s) == [("anne-martin", "luc-roux")]
    assert not _unread(s)
    assert "anne-martin" not in {m.id for m in audit(s).items[0].present}
    assert "MEMBER_LISTED_TWICE" not in _codes(s)


def test_qui_a_donne_pouvoir_is_a_proxy_verb() -> None:
    s = _parse(
        "Étaient présents : Mesdames Anne MARTIN, Marie BLEU, Messieurs Jean DUPONT et Luc ROUX.\n"
        "Étaient absents : Monsieur Paul PITEL qui a donné pouvoir à Monsieur Jean DUPONT.\n"
    )
    assert _ids(s) == ["anne-martin", "jean-dupont", "luc-roux", "marie-bleu", "paul-pitel"]
    assert _proxies(s) == [("paul-pitel", "jean-dupont")]


def test_a_count_in_parentheses_after_a_heading() -> None:
    s = _parse("Présents (2) : Jean DUPONT, Luc ROUX\nAbsents (1) : Anne MARTIN\n")
    assert _ids(s) == ["anne-martin", "jean-dupont", "luc-roux"]
    assert "anne-martin" not in {m.id for m in audit(s).items[0].present}


def test_a_table_with_one_column_a_commune_reads_its_names_and_reports_its_headings() -> None:
    s = _parse(
        "Étaient présents :\nBESANCON | THISE | PUGEY\nJean DUPONT | Luc ROUX | Anne MARTIN\n"
        "Paul PITEL | | Marie BLEU\n"
    )
    assert _ids(s) == ["anne-martin", "jean-dupont", "luc-roux", "marie-bleu", "paul-pitel"]
    assert _unread(s) == ["BESANCON | THISE | PUGEY"]
    assert s.reading is not None
    assert not s.reading.complete


def test_a_sidebar_caught_inside_a_list_is_left_out_and_the_list_goes_on() -> None:
    s = _parse(
        "PRESENTS : MM Jean DUPONT, Luc ROUX, Monique\n\n| 2%\nDate de la\nconvocation :\n"
        "06/06/2023\n\nGUIBOUT, Yves GRANDIN, Hugo BRUN,\n\nAffichage le :\n\n"
        "ABSENTS AYANT DONNE PROCURATION : Anne MARTIN donne pouvoir à monsieur Jean DUPONT, ,"
        " monsieur\n\n06/06/2023\n\nPaul PITEL donne pouvoir à monsieur Luc ROUX,\n"
        "ABSENTS EXCUSES : Rose PETIT.\n"
    )
    assert _ids(s) == [
        "anne-martin",
        "hugo-brun",
        "jean-dupont",
        "luc-roux",
        "monique-guibout",
        "paul-pitel",
        "rose-petit",
        "yves-grandin",
    ]
    assert _proxies(s) == [("anne-martin", "jean-dupont"), ("paul-pitel", "luc-roux")]
    assert not _unread(s)


def test_a_holder_with_one_letter_of_ocr_damage_is_the_listed_member() -> None:
    s = _parse(
        "Présents : Dominique GAUDIIN, Sylvain GAUDIN, Luc ROUX\n"
        "Absents : Anne MARTIN donne pouvoir à monsieur Dominique GAUDIN\n"
    )
    assert _proxies(s) == [("anne-martin", "dominique-gaudiin")]
    assert "HOLDER_ADDED_FROM_PROXY" not in _codes(s)


@pytest.mark.parametrize(
    "after",
    [
        "\n\n1\n\nBudget primitif\nPour : 3, Contre : 1, Abstention : 0\n",
        "\n\nBudget :\nPour : 3, Contre : 0, Abstention : 0\n",
    ],
)
def test_an_item_after_the_list_is_no_sidebar(after: str) -> None:
    s = parse_minutes(HEAD + "Présents : Jean DUPONT, Luc ROUX, Yves GRANDIN" + after)
    assert _ids(s) == ["jean-dupont", "luc-roux", "yves-grandin"]
    assert not _unread(s)


def test_a_list_ends_at_a_sentence_of_prose_on_the_same_line() -> None:
    s = _parse(
        "Sont présents : Mmes et MM. Jean DUPONT, Luc ROUX. Absent excusé : M. Yves GRANDIN."
        " L’Assemblée prend les décisions suivantes sur les affaires inscrites au registre.\n"
    )
    assert _ids(s) == ["jean-dupont", "luc-roux", "yves-grandin"]
    assert not _unread(s)


def test_a_name_read_with_a_heading_word_is_suspect_and_makes_the_reading_incomplete() -> None:
    from quorum.parse._build import Builder
    from quorum.parse._lists import Lists
    from quorum.parse._names import Name
    from quorum.parse._reading import incomplete, sanity

    b = Builder(("1",))
    b.add_member(Name("Anne", "Absents MARTIN"), None, None)
    b.add_member(Name("Yves", "GRANDIN"), None, None)
    b.add_member(Name("Luc", "ROUX"), "Yves GRANDIN Absents", None)
    b.add_member(Name("Paul", "PITEL"), "Pays FERTOIS", None)
    sanity(b, Lists(), None, counts_only=False)
    suspect = [n for n in b.notes if n.code == "SUSPECT_NAME"]
    assert [n.members for n in suspect] == [("anne-absents-martin",), ("luc-roux",)]
    assert incomplete(b)


@pytest.mark.parametrize(
    "line",
    [
        "Étaient présents Mesdames et Messieurs les conseillers municipaux : Jean DUPONT,"
        " Luc ROUX, Yves GRANDIN",
        "Sont présents MM. : Jean DUPONT, Luc ROUX, Yves GRANDIN",
        "Présents : Monsieur le Maire Jean DUPONT, Luc ROUX, Madame la 1ère adjointe Yves GRANDIN",
    ],
)
def test_a_heading_with_its_subject_and_a_title_before_a_name(line: str) -> None:
    s = _parse(line + "\n")
    assert _ids(s) == ["jean-dupont", "luc-roux", "yves-grandin"]
    assert not _unread(s)


def test_a_sentence_in_a_list_followed_by_more_names_does_not_end_it_in_silence() -> None:
    s = _parse(
        "Présents : Jean DUPONT, adjoint au maire. Luc ROUX, conseiller délégué aux sports et à"
        " la culture, Anne MARTIN, Paul PITEL\n"
    )
    assert {"anne-martin", "paul-pitel", "jean-dupont"} <= set(_ids(s))
    assert s.reading is not None
    assert not s.reading.complete  # what was not read as a name is reported


def test_a_lower_case_heading_word_continuing_a_sentence_is_no_heading() -> None:
    text = (
        HEAD + PRESENT + "\n\nRapport n°1 - Budget\nAprès avoir entendu\nprésents:\n\ncet exposé,"
        "\n\nle Conseil municipal, à l'unanimité des membres présents, adopte.\n"
    )
    s = parse_minutes(text)
    assert _ids(s) == ["jean-dupont", "luc-roux", "yves-grandin"]
    assert not _unread(s)
