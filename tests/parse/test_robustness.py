"""Any input gives a session or the library's own clear error, fast; written minutes read back."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quorum.exceptions import QuorumError, SessionFileError
from quorum.model import Member, Proxy, Session, Stretch
from quorum.parse import parse_minutes

HEAD = "Conseil municipal\nEtaient présents : M. Jean DUPONT, Mme Anne MARTIN\n\n"


def _safe(text: str) -> Session | None:
    try:
        return parse_minutes(text)
    except QuorumError as err:
        message = str(err)
    assert "internal error" not in message
    return None


def test_empty_text_is_a_clear_error() -> None:
    with pytest.raises(SessionFileError, match="empty"):
        parse_minutes("")
    with pytest.raises(SessionFileError, match="no member list"):
        parse_minutes("Bonjour.\n\nRien ici.")


def test_not_text_is_a_clear_error() -> None:
    with pytest.raises(SessionFileError):
        parse_minutes(b"Presents : M. A B")  # type: ignore[arg-type]


BAD = {
    "binary": os.urandom(300_000).decode("latin-1"),
    "huge line": HEAD + "Absents : " + "M. Paul DURAND, " * 70_000,
    "repeated phrase": HEAD + "à compter de la question n°" * 100_000,
    "repeated in a list": "Présents : M. Jean DUPONT (" + "à compter de la question n°" * 100_000,
    "open parentheses": HEAD + "Absents : " + "(" * 200_000,
    "close parentheses": "Présents : M. Jean DUPONT" + ")" * 200_000,
    "spaces": "Présents : M. Jean DUPONT (à compter de" + " " * 300_000 + "la question n°2)",
    "dashes": "Présents : " + " - " * 200_000,
    "headings": HEAD + "\n".join(f"{i} - titre\nADOPTÉ à l'unanimité" for i in range(1, 20_000)),
    "nul bytes": HEAD + "\0" * 100_000,
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_gives_a_session_or_a_quorum_error(name: str) -> None:
    """Their speed is measured in benchmarks/parse_bench.py, as a ratio to the seed minutes."""
    _safe(BAD[name])


TEN_MEGABYTES = HEAD + ("Rapport n°1\nPour : 3 Contre : 1\n" + "x" * 1000 + "\n") * 10_000


def test_ten_megabytes_are_read() -> None:
    session = _safe(TEN_MEGABYTES)
    assert session is not None


_TOKENS = st.sampled_from(
    [
        "Etaient présents :",
        "Présents :",
        "Absents excusés :",
        "Procurations de vote :",
        "Pouvoirs :",
        "Secrétaire de séance :",
        "M.",
        "Mme",
        "Jean",
        "DUPONT",
        "Anne",
        "MARTIN",
        "(",
        ")",
        ",",
        " - ",
        " à ",
        " a ",
        " & ",
        "\n",
        "\n\n",
        ":",
        "(suppléant)",
        "(à compter de la question n°",
        "(jusqu'à la question n°",
        "incluse)",
        "3",
        "1",
        "0",
        "Rapport n°",
        "1 - ",
        "2/ ",
        "I",
        "II",
        "ADOPTÉ à l'unanimité",
        "Pour : 2 Contre : 1",
        "13 votes pour",
        "Questions 1 et 2 :",
        "29 présents",
        "Arrivée de M. Jean DUPONT",
        "Ordre de passage des rapports : 1, 2, 3",
        "en exercice : 5",
        "remplacée par sa suppléante",
        "(procuration à",
        "(Pr*)",
        "NEANT",
        "Besangon :",
        "é",
        "\t",
        "°",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TOKENS, max_size=60).map(" ".join))
def test_vocabulary_soup_never_raises_anything_else(text: str) -> None:
    _safe(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises_anything_else(text: str) -> None:
    _safe(text)


# --- a small writer: minutes from a random session, read back -------------------------------

FIRSTS = ["Jean", "Paul", "Anne", "Lucie", "Marc", "Sylvie", "Louis", "Claire", "Yves", "Rose"]
LASTS = [
    "DUPONT",
    "BERNARD",
    "PETIT",
    "DURAND",
    "LEROY",
    "MOREAU",
    "SIMON",
    "GARNIER",
    "ROUSSEL",
    "FOURNIER",
    "VINCENT",
    "MULLER",
]


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    n_items = draw(st.integers(1, 8))
    agenda = [str(i) for i in range(1, n_items + 1)]
    n = draw(st.integers(2, 10))
    lasts = draw(st.lists(st.sampled_from(LASTS), min_size=n, max_size=n, unique=True))
    members = [
        Member(id=f"{f.lower()}-{last.lower()}", name=f"{f} {last}")
        for f, last in zip(
            draw(st.lists(st.sampled_from(FIRSTS), min_size=n, max_size=n)), lasts, strict=True
        )
    ]
    attendance: list[Stretch] = []
    present: list[str] = []
    for m in members:
        kind = draw(st.sampled_from(["all", "all", "from", "until", "absent"]))
        if kind == "absent":
            continue
        present.append(m.id)
        a = draw(st.integers(1, n_items))
        attendance.append(
            Stretch(
                member=m.id,
                from_item=agenda[a - 1] if kind == "from" and a > 1 else None,
                until_item=agenda[a - 1] if kind == "until" and a < n_items else None,
            )
        )
    if not present:
        attendance.append(Stretch(member=members[0].id))
        present.append(members[0].id)
    absent = [m.id for m in members if m.id not in present]
    proxies = []
    holders = list(present)
    for giver in absent:
        if holders and draw(st.booleans()):
            proxies.append(Proxy(giver=giver, holder=holders.pop(0)))
    return Session(
        agenda=agenda,
        members=members,
        attendance=attendance,
        proxies=proxies,
        members_in_office=len(members),
        rules="fr-municipal",
    )


def write_minutes(s: Session) -> str:
    names = {m.id: m.name for m in s.members}
    here = {st.member: st for st in s.attendance}

    def pres(mid: str) -> str:
        st_ = here[mid]
        if st_.from_item:
            return f"M. {names[mid]} (à compter de la question n°{st_.from_item})"
        if st_.until_item:
            return f"M. {names[mid]} (jusqu'à la question n°{st_.until_item} incluse)"
        return f"M. {names[mid]}"

    lines = [
        "Conseil municipal de Testville",
        "Séance du lundi 5 juillet 2021",
        f"Conseillers en exercice : {s.members_in_office}",
        "Ordre de passage des rapports : " + ", ".join(s.agenda),
        "",
        "Etaient présents : " + ", ".join(pres(m.id) for m in s.members if m.id in here),
        "",
    ]
    absent = [m.id for m in s.members if m.id not in here]
    lines += ["Etaient absents : " + (", ".join(f"Mme {names[a]}" for a in absent) or "NEANT"), ""]
    if s.proxies:
        lines += [
            "Pouvoirs : " + ", ".join(f"{names[p.giver]} à {names[p.holder]}" for p in s.proxies),
            "",
        ]
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None)
@given(sessions())
def test_written_minutes_read_back(session: Session) -> None:
    parsed = parse_minutes(write_minutes(session))
    assert parsed.agenda == session.agenda
    assert sorted(parsed.members, key=lambda m: m.id) == sorted(
        session.members, key=lambda m: m.id
    )
    assert sorted(parsed.attendance, key=lambda x: x.member) == sorted(
        session.attendance, key=lambda x: x.member
    )
    assert sorted(parsed.proxies, key=lambda p: p.giver) == sorted(
        session.proxies, key=lambda p: p.giver
    )
    assert parsed.members_in_office == session.members_in_office
    assert not [f for f in parsed.notes if f.code in ("UNREAD_TEXT", "NAME_UNRESOLVED")]
