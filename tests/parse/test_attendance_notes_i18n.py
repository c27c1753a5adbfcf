"""The reader's notes carry their English phrases ("proxy holder", "no name could be read here",
"counted present") as messages of the catalogue, so that a French report is French throughout
(issue 8: no English word inside a French sentence)."""

from __future__ import annotations

from quorum.findings import Message
from quorum.i18n import _, using
from quorum.parse import parse_minutes
from quorum.parse._notes import PHRASES
from quorum.sessionfile import session_from_dict, session_to_dict

HEAD = "Conseil municipal\nOrdre de passage des rapports : 1\n\n"
ITEMS = "\n\nRapport n°1 - Budget\nADOPTÉ\n"
BODY = (
    "Présents : Jean DUPONT, Luc ROUX, Luc RIVE, 12 34\n"
    "Absents : Anne MARTIN (pouvoir à Paul PITEL), Marc BLEU (pouvoir à Luc)\n"
)


def _phrase_params() -> list[tuple[str, str, object]]:
    s = parse_minutes(HEAD + BODY + ITEMS)
    return [(n.code, k, v) for n in s.notes for k, v in n.params if k in PHRASES]


def test_every_phrase_parameter_is_a_message_translated_in_french() -> None:
    found = _phrase_params()
    assert {code for code, _k, _v in found} >= {
        "UNREAD_TEXT",
        "HOLDER_ADDED_FROM_PROXY",
        "NAME_AMBIGUOUS",
        "MEMBERS_IN_OFFICE_INFERRED",
    }
    with using("fr"):
        for code, key, value in found:
            assert isinstance(value, Message), (code, key, value)
            assert _(value.template) != value.template, (code, key, value.template)


def test_a_french_rendering_holds_no_english_phrase() -> None:
    s = parse_minutes(HEAD + BODY + ITEMS)
    text = " ".join(n.render("fr") for n in s.notes)
    for english in ("proxy holder", "no name could be read", "named members", "present)"):
        assert english not in text, english
    assert "mandataire" in text


def test_the_phrases_survive_the_session_file() -> None:
    s = parse_minutes(HEAD + BODY + ITEMS)
    again = session_from_dict(session_to_dict(s))
    assert [n.render("fr") for n in again.notes] == [n.render("fr") for n in s.notes]
