"""One civility table (``_civilities``): every form, with or without its dot, in any case, is a
civility and never part of a name; a plural heads the names after it."""

from __future__ import annotations

import re

import pytest

from quorum.audit import audit
from quorum.parse import parse_minutes
from quorum.parse._civilities import CIVILITIES, civility
from quorum.parse._names import read_names

HEAD = "Conseil municipal\nOrdre de passage des rapports : 1\n\n"
ITEMS = "\n\nRapport n°1 - Budget\nADOPTÉ\n"

SINGULAR = [c.form for c in CIVILITIES if not c.plural]
PLURAL = [c.form for c in CIVILITIES if c.plural]


def _spellings(form: str) -> list[str]:
    return [form, form.capitalize(), form.upper(), form.capitalize() + ".", form.upper() + "."]


@pytest.mark.parametrize("written", [w for f in SINGULAR + PLURAL for w in _spellings(f)])
def test_every_form_is_taken_off_a_name(written: str) -> None:
    names, rest = read_names(f"{written} Anne MARTIN")
    assert rest == ""
    assert [n.display for n in names] == ["Anne MARTIN"], written


@pytest.mark.parametrize("form", [f for f in SINGULAR if f not in ("m", "me")])
def test_every_singular_form_heads_a_person_in_a_list(form: str) -> None:
    s = parse_minutes(
        HEAD + f"Présents : {form.capitalize()} Jean DUPONT, {form.upper()}. Luc ROUX" + ITEMS
    )
    assert sorted(m.id for m in audit(s).items[0].present) == ["jean-dupont", "luc-roux"]


@pytest.mark.parametrize("plural", [w for f in PLURAL for w in _spellings(f)])
def test_a_plural_heads_names_and_is_no_person(plural: str) -> None:
    s = parse_minutes(
        HEAD + f"Présents : {plural} Anne MARTIN, Julie ROUX, Messieurs Jean DUPONT" + ITEMS
    )
    ids = sorted(m.id for m in s.members)
    assert ids == ["anne-martin", "jean-dupont", "julie-roux"], ids


def test_short_forms_need_their_dot_inside_prose() -> None:
    dotted = re.compile(rf"\ {civility(short='dotted')}\ ")
    assert dotted.search(" m. x ")
    assert not dotted.search(" m x ")
    assert not re.fullmatch(civility(), "me")  # "me" is also a word of prose
    assert re.fullmatch(civility(prose=True), "me")
