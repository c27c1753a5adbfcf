"""Arrivals, departures and proxies given at a clock time: placed on items only when the minutes
time their items (never a guess), else a warning; minutes without items read as snapshots."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quorum.audit import audit
from quorum.parse import parse_minutes
from quorum.parse._clock import AFTER_THE_LAST, place

HEAD = (
    "Conseil municipal de Trifouilly\nSéance du 3 mars 2023\n"
    "Présents : M. Jean DUPONT, Mme Anne MARTIN, M. Luc ROUX, Mme Rose PETIT (arrivée à 20 h 40)\n"
    "Absents : M. Paul DURAND\n\n"
)
UNTIMED = "1. Budget\nAdopté à l'unanimité.\n\n2. Voirie\nAdopté à l'unanimité.\n"


def _codes(text: str) -> list[str]:
    return [n.code for n in parse_minutes(text).notes]


def test_untimed_items_warn_and_do_not_guess() -> None:
    s = parse_minutes(HEAD + UNTIMED)
    assert "CLOCK_TIME_NOT_PLACED" in [n.code for n in s.notes]
    assert not s.reading.complete  # the counts of every item rest on an unplaced event
    assert {a.member for a in s.attendance if a.from_item is not None} == set()


def test_timed_items_place_the_event_between_two_votes() -> None:
    body = (
        "1. Budget\nÀ 20 h 35, le conseil examine le budget.\nAdopté à l'unanimité.\n"
        "Il est 20 h 38.\n\n2. Voirie\nAdopté à l'unanimité.\n\n3. Écoles\nIl est 20 h 45.\n"
        "Adopté à l'unanimité.\n"
    )
    s = parse_minutes(HEAD + body)
    assert "CLOCK_TIME_NOT_PLACED" not in [n.code for n in s.notes]
    late = [a for a in s.attendance if a.member == "rose-petit"]
    assert [(a.from_item, a.until_item) for a in late] == [("3", None)]
    # item 2 was debated between 20 h 38 and 20 h 45: before or after its vote is not written
    assert s.reading.uncertain_items == ("2",)
    assert [n.items for n in s.notes if n.code == "CLOCK_TIME_BETWEEN_VOTES"] == [("2",)]
    assert [it.present_count for it in audit(s).items] == [3, 3, 4]


def test_times_that_go_back_are_not_the_session_s() -> None:
    body = (
        "1. Budget\nÀ 20 h 35, le conseil examine le budget.\nAdopté à l'unanimité.\n\n"
        "2. Horaires\nLa mairie ouvre à 8 h 30.\nAdopté à l'unanimité.\n"
    )
    assert "CLOCK_TIME_NOT_PLACED" in _codes(HEAD + body)


def test_opening_hours_are_no_time_of_the_session() -> None:
    body = (
        "1. Budget\nÀ 20 h 35, le conseil examine le budget.\nAdopté à l'unanimité.\n\n"
        "2. Horaires\nIl est 20 h 45. La mairie ouvre de 8 h à 12 h.\nAdopté à l'unanimité.\n"
    )
    assert "CLOCK_TIME_NOT_PLACED" not in _codes(HEAD + body)


SNAPSHOT = (
    "La Commission permanente s'est réunie le 19 juin 2015.\n"
    "Sont présents :\nMonsieur Jean DUPONT, Madame Anne MARTIN, Monsieur Luc ROUX\n"
    "Sont excusés :\nMadame Anne MARTIN (pouvoir à M. ROUX à partir de 10 H 50), "
    "Monsieur Paul DURAND (pouvoir à M. DUPONT)\n"
)


def test_minutes_without_items_are_snapshots_at_each_clock_time() -> None:
    s = parse_minutes(SNAPSHOT)
    assert s.agenda == ("ouverture", "à partir de 10 h 50")
    assert "ATTENDANCE_SNAPSHOTS" in [n.code for n in s.notes]
    counts = [(it.present_count, it.proxy_count, it.voters) for it in audit(s).items]
    assert counts == [(3, 1, 4), (2, 2, 4)]


def test_minutes_without_items_or_clock_times_are_one_item() -> None:
    s = parse_minutes(SNAPSHOT.replace(" à partir de 10 H 50", ""))
    assert s.agenda == ("1",)
    assert "AGENDA_NOT_FOUND" in [n.code for n in s.notes]


def test_a_clock_time_is_never_read_as_an_item_number() -> None:
    """ "à partir de 10 H 50" once gave the proxy a range from item "1"."""
    s = parse_minutes(SNAPSHOT + "\n" + UNTIMED)
    assert s.agenda == ("1", "2")
    assert [(p.giver, p.from_item) for p in s.proxies] == [
        ("anne-martin", None),
        ("paul-durand", None),
    ]
    assert "CLOCK_TIME_NOT_PLACED" in [n.code for n in s.notes]


# --- the placement against an oracle -------------------------------------------------------------


@st.composite
def timed(draw: st.DrawFn) -> tuple[list[tuple[int, int]], list[tuple[int, str]], int]:
    """Stamps (non-decreasing times) and votes in document order, and an event time."""
    kinds = draw(st.lists(st.booleans(), min_size=1, max_size=12))
    t = draw(st.integers(600, 700))
    times: list[tuple[int, int]] = []
    points: list[tuple[int, str]] = []
    for pos, is_stamp in enumerate(kinds):
        if is_stamp:
            t += draw(st.integers(0, 20))
            times.append((pos, t))
        else:
            points.append((pos, str(len(points) + 1)))
    return times, points, draw(st.integers(590, 800))


@given(timed())
def test_place_against_an_oracle(
    case: tuple[list[tuple[int, int]], list[tuple[int, str]], int],
) -> None:
    """A vote is surely before the event when a time after it is at most the event's, surely
    after when a time before it is at least the event's; any other vote is unsure."""
    times, points, at = case
    before = {lab for p, lab in points if any(q > p and t <= at for q, t in times)}
    after = {lab for p, lab in points if any(q < p and t >= at for q, t in times)}
    got = place(at, times, points)
    if not times or not points:
        assert got is None
        return
    sure_after = [lab for _, lab in points if lab in after and lab not in before]
    unsure = tuple(lab for _, lab in points if (lab in before) == (lab in after))
    assert got == (sure_after[0] if sure_after else AFTER_THE_LAST, unsure)


def test_a_bare_clock_range_reads_by_the_list_it_is_in() -> None:
    """ "jusqu'à 11 heures" in the present list is a departure; "(à partir de 11 heures)" on a
    member represented is a departure too (represented from then on)."""
    text = (
        "Comité syndical du 7 juillet 2014\n"
        "Etaient présents : Jean VILA, Robert VILA (jusqu'à 11 heures), Luc ROUX, Anne PETIT.\n"
        "Etaient représentés : Jean VILA (à partir de 11 heures).\n"
    )
    s = parse_minutes(text)
    assert s.agenda == ("ouverture", "à partir de 11 h 00")
    assert [it.present_count for it in audit(s).items] == [4, 2]


_SURNAMES = ["DUPONT", "MARTIN", "ROUX", "PETIT", "DURAND", "LEROY", "MOREAU", "SIMON"]


@st.composite
def snapshot_minutes(draw: st.DrawFn) -> tuple[str, list[int], list[tuple[int, int, int]]]:
    """Minutes without items: ``n`` members present, some of whom leave at a clock time with a
    proxy to a member who stays; the expected (present, proxies, voters) per snapshot."""
    n = draw(st.integers(3, 8))
    k = draw(st.integers(1, n // 2))
    times = draw(st.lists(st.integers(9 * 60, 22 * 60), min_size=k, max_size=k))
    names = [f"Monsieur Jean {s}" for s in _SURNAMES[:n]]
    gone = [
        f"{names[i]} (pouvoir à M. {_SURNAMES[n - 1 - i]} à partir de {t // 60} H {t % 60:02d})"
        for i, t in enumerate(times)
    ]
    text = (
        "La Commission permanente s'est réunie le 19 juin 2015.\nSont présents :\n"
        + ", ".join(names)
        + "\nSont excusés :\n"
        + ", ".join(gone)
        + "\n"
    )
    distinct = sorted(set(times))
    expected = []
    for at in [-1, *distinct]:
        left = sum(1 for t in times if t <= at)
        expected.append((n - left, left, n))
    return text, distinct, expected


@given(snapshot_minutes())
def test_snapshots_follow_every_clock_time(
    case: tuple[str, list[int], list[tuple[int, int, int]]],
) -> None:
    text, times, expected = case
    s = parse_minutes(text)
    assert s.agenda == ("ouverture", *(f"à partir de {t // 60} h {t % 60:02d}" for t in times))
    counts = [(it.present_count, it.proxy_count, it.voters) for it in audit(s).items]
    assert counts == expected


def test_moves_with_a_clock_time_from_the_attendance_side_are_placed() -> None:
    """The hand-over: a move ``(kind, who, at_time "10:50", source)`` on the lists is an event."""
    from dataclasses import dataclass

    from quorum.findings import Source
    from quorum.parse._clock import clock_events
    from quorum.parse._lists import Lists, Mention
    from quorum.parse._names import read_names

    @dataclass
    class Move:
        kind: str
        who: Mention
        at_time: str | None
        source: Source

    names, _ = read_names("Anne MARTIN")
    who = Mention(names[0], Source(line=3, text="Départ de Anne MARTIN à 10H50"))
    lists = Lists()
    lists.moves = [Move("leave", who, "10:50", who.source), Move("arrive", who, None, who.source)]  # type: ignore[attr-defined]
    events, unread = clock_events(lists)
    assert [(e.kind, e.at) for e in events] == [("leave", 650)]
    assert unread == []
