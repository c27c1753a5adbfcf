"""French for users, English on request: the catalogue, the choice of language, the reports."""

from __future__ import annotations

import ast
import datetime
import io
import json
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

import quorum
from dom import parse
from quorum import i18n
from quorum.cli import run
from quorum.findings import finding_to_dict
from quorum.html import render_html
from quorum.markdown import render_markdown
from quorum.report import render_text, summary_line, verdict_sentence

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "quorum"
CATALOGUE = SRC / "locale" / "fr" / "LC_MESSAGES"
BESANCON = ROOT / "tests" / "data" / "grand-besancon-2026-01-29.txt"
COUTHENANS = ROOT / "tests" / "data" / "couthenans-cm-2022-10-07.txt"
KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "count": (2, 3),
    "pgettext": ((1, "c"), 2),
}
"""The translation functions of quorum.i18n, as Babel's extractor needs them."""

LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def _po() -> Catalog:
    with (CATALOGUE / "quorum.po").open("rb") as fh:
        return read_po(fh, locale="fr", domain="quorum")


def test_mo_is_compiled_from_the_po() -> None:
    """The committed .mo is what ``pybabel compile -d src/quorum/locale -D quorum`` writes."""
    buf = io.BytesIO()
    write_mo(buf, _po())

    assert buf.getvalue() == (CATALOGUE / "quorum.mo").read_bytes(), (
        "quorum.mo is out of date: run pybabel compile -d src/quorum/locale -D quorum"
    )


def test_every_label_in_the_code_is_translated_and_none_is_stale() -> None:
    """The msgids marked in the code are exactly the catalogue's, each with a translation
    (a label inside an f-string is not seen by the extractor: this test fails on it)."""
    in_code = set()
    for _file, _line, msgid, _comments, context in extract_from_dir(
        SRC, keywords=KEYWORDS, method_map=[("**.py", "python")]
    ):
        in_code.add((context, msgid))
    catalogue = _po()
    in_po = {(m.context, m.id) for m in catalogue if m.id}
    untranslated = [
        m.id
        for m in catalogue
        if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)
    ]

    assert set() == in_code - in_po, "run the catalogue update (see the .po header)"
    assert set() == in_po - in_code
    assert [] == untranslated
    assert "nplurals=2; plural=(n > 1);" == catalogue.plural_forms


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "fr"}, "fr"),
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "fr_BE.UTF-8"}, "fr"),
        ({"LANG": "fr_FR.UTF-8", "LC_ALL": "C"}, "en"),
        ({"LANG": "fr_FR.UTF-8", "LC_ALL": ""}, "fr"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
    ],
)
def test_language_from_the_environment(env: dict[str, str], expected: str) -> None:
    assert expected == i18n.from_environment(env)


def test_explicit_language_wins_and_bad_ones_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")

    assert "fr" == i18n.language()
    assert "en" == i18n.language("en")
    with i18n.using("en"):
        assert "en" == i18n.language()
        with i18n.using("fr"):
            assert "Séance valide" == i18n._("Valid session")
        assert "Valid session" == i18n._("Valid session")
    with pytest.raises(ValueError, match="unknown language 'de'"):
        i18n.language("de")


def test_french_plurals() -> None:
    """French: 0 and 1 take the singular."""
    with i18n.using("fr"):
        assert ["0 erreur", "1 erreur", "2 erreurs"] == [
            i18n.count(n, "{n} error", "{n} errors") for n in (0, 1, 2)
        ]


@pytest.fixture
def french(monkeypatch: pytest.MonkeyPatch) -> None:
    """A French locale, as a clerk's machine has."""
    for var in LOCALE_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")


@pytest.mark.usefixtures("french")
def test_besancon_text_in_french_under_a_french_locale(capsys: pytest.CaptureFixture[str]) -> None:
    status = run(["check", str(BESANCON)])
    lines = capsys.readouterr().out.splitlines()

    assert 0 == status
    assert "Séance valide" == lines[0]
    assert "membres en exercice : 123 ; quorum : 62 présents" == lines[3]
    assert lines[5].split() == [
        "point",
        "rang",
        "présents",
        "pouvoirs",
        "votants",
        "poids",
        "quorum",
        "scrutin",
        "résultat",
    ]
    assert "69/62 atteint" in lines[6]
    assert "Constats :" in lines
    assert any(line.startswith("AVERTISSEMENT PROXY_HOLDER_ABSENT: ") for line in lines)
    assert "37 points, 0 erreur, 2 avertissements" == lines[-1]


@pytest.mark.usefixtures("french")
def test_besancon_markdown_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    run(["check", str(BESANCON), "--format", "markdown"])
    text = capsys.readouterr().out

    assert "**Séance valide**\n\n37 points, 0 erreur, 2 avertissements, 1 info\n" in text
    assert "## Constats\n" in text
    assert "- **avertissement** `PROXY_HOLDER_ABSENT`" in text  # codes stay as they are
    assert "| point | présents | pouvoirs | votants | poids | quorum | scrutin annoncé |" in text
    assert "pour 100, contre 0, abstention 0, conseillers intéressés 0 = 100" in text


@pytest.mark.usefixtures("french")
def test_besancon_html_in_french(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    run(["check", str(BESANCON), "--format", "html", "-o", str(out)])
    html = out.read_text("utf-8")
    doc = parse(html)

    assert html.startswith("<!DOCTYPE html>\n<html lang=fr>")
    assert "Séance valide" == doc.by_id("verdict").text()
    assert "37 points, 0 erreur, 2 avertissements, 1 info" == doc.by_id("summary").text()
    heads = [th.text() for th in doc.by_id("items").find("thead").find_all("th")]
    assert ["Point", "Présents", "Pouvoirs", "Votants", "Quorum"] == heads[:5]
    assert "79/62 atteint" == doc.by_id("i19").find_all("td")[4].text()
    assert "Constats (3)" == doc.by_id("findings-h").text()
    first = doc.by_id("f2")  # f1: the rule set chosen from body and date (RULES_ASSUMED)
    assert "ligne 73 : Mme Christne WERTHE a M. Pierre-Charles HENRY" == (
        first.find("blockquote").text()
    )
    assert not first.find_all("span", lang="en")  # the message is French: no English inside
    assert (
        "PROXY_HOLDER_ABSENT: Points 1 à 11 : le pouvoir de Christine WERTHE à Pierre-Charles "
        "HENRY ne peut pas être utilisé : le mandataire est absent, la voix du mandant est perdue"
    ) in first.text()
    legend = doc.find("div", class_="legend").text()
    assert "représenté (pouvoir compté : le mandataire est dans le tableau des pouvoirs)" in (
        legend
    )
    assert "survol" not in html
    assert "hover" not in html
    assert "Point 19 79 présents · 21 pouvoirs · 100 votants · quorum 79/62 atteint" == (
        doc.by_id("d19").find("summary").text().strip()
    )


@pytest.mark.usefixtures("french")
def test_lang_en_gives_english_under_a_french_locale(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(["check", str(BESANCON), "--lang", "en"])
    text = capsys.readouterr().out
    run(["check", str(BESANCON), "--lang", "en", "--format", "markdown"])
    markdown = capsys.readouterr().out
    out = tmp_path / "r.html"
    run(["check", str(BESANCON), "--lang", "en", "--format", "html", "-o", str(out)])
    doc = parse(out.read_text("utf-8"))

    assert text.startswith("Valid session\n")
    assert text.endswith("37 items, 0 errors, 2 warnings\n")
    assert "**Valid session**\n\n37 items, 0 errors, 2 warnings, 1 info\n" in markdown
    assert "Valid session" == doc.by_id("verdict").text()
    assert "Findings (3)" == doc.by_id("findings-h").text()


def test_lang_fr_under_an_english_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    status = run(["check", str(COUTHENANS), "--lang", "fr"])
    out = capsys.readouterr().out

    assert 1 == status
    assert out.startswith("À corriger : 5 points\n")
    assert "ÉCART" in out
    assert out.endswith("8 points, 5 erreurs, 1 avertissement\n")


def test_api_lang_keyword() -> None:
    result = quorum.audit(quorum.read_session(COUTHENANS))

    assert "À corriger : 5 points" == verdict_sentence(result, lang="fr")
    assert "To correct: 5 points" == verdict_sentence(result, lang="en")
    assert "8 items, 5 errors, 1 warning" == summary_line(result, lang="en")
    assert render_text(result, lang="fr").startswith("À corriger : 5 points\n")
    assert "## Constats" in render_markdown(result, lang="fr")
    assert "<html lang=en>" in render_html(result, lang="en")


def test_the_command_line_offers_every_language() -> None:
    """cli keeps its own copy of the languages (``--version`` must not import gettext)."""
    from quorum import cli, i18n

    assert i18n.LANGUAGES == cli.LANGUAGES


# --- messages of the command line -------------------------------------------------------------


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(argv, stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_a_missing_file_in_french_and_in_english(tmp_path: Path) -> None:
    missing = str(tmp_path / "absent.txt")

    french = f"{missing}: fichier introuvable : vérifiez le nom et le dossier où il se trouve\n"
    english = f"{missing}: no such file: check the name and the folder it is in\n"
    assert (2, "", french) == _run(["check", missing, "--lang", "fr"])
    assert (2, "", english) == _run(["check", missing, "--lang", "en"])


@pytest.mark.usefixtures("french")
def test_batch_lines_and_session_problems_follow_a_french_locale(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "quorum-session/1", "agenda": ["1"], "members": [{"id": "a"}], '
        '"attendance": [{"member": "zz"}]}',
        "utf-8",
    )
    empty = tmp_path / "empty"
    empty.mkdir()

    status, out, _err = _run(["check", str(bad), str(BESANCON), str(empty)])
    assert 2 == status
    assert out.splitlines() == [
        f"{bad}: ne peut pas être lu : 1 problème dans la séance, le premier : "
        "$.attendance[0].member: identifiant de membre inconnu 'zz'",
        f"{BESANCON}: 37 points, 0 erreur, 2 avertissements",
        f"{empty}: aucun fichier de séance ni procès-verbal dans ce dossier (.txt .pdf .docx .odt "
        ".json .toml) : nommez les fichiers à vérifier, ou le dossier qui les contient",
    ]
    status, _out, err = _run(["check", str(bad)])
    assert (2, f"{bad}: 1 problème dans la séance :") == (status, err.splitlines()[0])
    status, _out, err = _run(["check", str(bad), "--lang", "en"])
    assert (2, f"{bad}: 1 problem in the session:") == (status, err.splitlines()[0])
    assert "  $.attendance[0].member: unknown member id 'zz'" == err.splitlines()[1]
    status, _out, err = _run(["explain", str(BESANCON), "99"])
    assert 2 == status
    assert err.startswith(f"{BESANCON}: le point '99' n'est pas à l'ordre du jour ; donnez l'un")
    status, _out, err = _run(["check", str(bad), str(BESANCON), "-o", str(tmp_path / "r")])
    assert 2 == status
    assert err.startswith("quorum check : avec plusieurs fichiers, chacun donne une ligne")


def test_errors_are_english_as_text_and_render_in_a_language() -> None:
    """``str(error)`` stays English (logs, programs); ``render(lang)`` is for people."""
    from quorum.exceptions import InvalidSessionError, Problem, SessionFileError

    no_such = i18n.N_("no such file: check the name and the folder it is in")
    missing = SessionFileError(no_such, file="a {0}.txt")
    french = "a {0}.txt: fichier introuvable : vérifiez le nom et le dossier où il se trouve"
    assert "a {0}.txt: " + no_such == str(missing)
    assert french == missing.render("fr")
    with i18n.using("fr"):
        assert "a {0}.txt: " + no_such == str(missing)
        assert french == missing.render()
    too_large = i18n.N_("is larger than {size} MiB: split it, or check that it is the right file")
    large = SessionFileError(too_large, file="f", size=64)
    assert (
        "f: is larger than 64 MiB: split it, or check that it is the right file",
        "f: dépasse 64 Mio : découpez-le, ou vérifiez que c'est le bon fichier",
    ) == (str(large), large.render("fr"))
    problems = InvalidSessionError([Problem("$.x", "odd {x} %s"), Problem("$.y", "y")])
    assert "2 problems in the session:\n  $.x: odd {x} %s\n  $.y: y" == str(problems)
    assert problems.render("fr").startswith("2 problèmes dans la séance :\n  $.x: odd {x} %s")


# --- the help and the usage errors of the command line -----------------------------------------


@pytest.mark.usefixtures("french")
def test_help_and_usage_errors_in_french_under_a_french_locale() -> None:
    """The help, argparse's own words and its usage errors follow the locale."""
    status, out, _err = _run(["check", "--help"])
    assert 0 == status
    assert out.startswith("utilisation : quorum check")
    assert "\noptions:\n  -h, --help            afficher cette aide et quitter\n" in out
    assert "exemples :\n  quorum check examples/" in out
    assert "Vérifie chaque point d'une séance" in out

    status, _out, err = _run(["check"])
    assert 2 == status
    assert err.endswith("quorum check : erreur : ces arguments sont obligatoires : file\n")
    status, _out, err = _run(["check", "x", "--jobs", "-3"])
    assert 2 == status
    assert "n'est pas un nombre de processus" in err


@pytest.mark.usefixtures("french")
def test_lang_en_gives_an_english_help_under_a_french_locale() -> None:
    for argv in (["check", "--lang", "en", "--help"], ["check", "--lang=en", "--help"]):
        status, out, _err = _run(argv)
        assert 0 == status
        assert out.startswith("usage: quorum check")
        assert "show this help message and exit" in out


def test_argparse_is_left_as_it_was() -> None:
    """argparse's messages are lent the catalogue only while the command line is read."""
    import argparse

    before = argparse._  # type: ignore[attr-defined]
    _run(["check", "--lang", "fr", "--help"])
    assert argparse._ is before  # type: ignore[attr-defined]
    assert argparse.ArgumentParser(prog="p").format_usage() == "usage: p [-h]\n"


def test_the_help_in_english_under_the_c_locale() -> None:
    status, out, _err = _run(["--help"])
    assert 0 == status
    assert out.startswith("usage: quorum [-h] [--version] COMMAND ...")
    assert "examples:\n  quorum check examples/" in out


# --- why the rule set was chosen: a message in the report's language ----------------------------


def _english_words(text: str, *kept: str) -> set[str]:
    """The lowercase words of ``text`` (three letters or more) outside the names in ``kept``."""
    names = {w for k in kept for w in re.findall(r"[a-z]{3,}", k.lower())}
    return set(re.findall(r"\b[a-z]{3,}\b", text)) - names


@pytest.mark.usefixtures("french")
def test_the_rules_line_of_the_besancon_report_is_french(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Under a French locale no English word of the reason (nor of the rest of the report's
    rules line) remains; ``--lang en`` and the JSON keep the English reason."""
    session = quorum.read_session(BESANCON)
    english = quorum.audit(session).rules_reason
    assert english == (
        "the body 'Conseil de Communauté de Grand Besançon Métropole' belongs to the epci "
        "family; on 2026-01-29 fr-epci applies (since 1996-02-24)"
    )
    words = _english_words(english, session.body or "", "fr-epci")
    assert {"body", "belongs", "family", "applies", "since", "the"} <= words

    run(["check", str(BESANCON)])
    text = capsys.readouterr().out
    assert text.splitlines()[2] == (
        "règles : fr-epci (l'assemblée 'Conseil de Communauté de Grand Besançon Métropole' relève "
        "de la famille epci ; le 2026-01-29, fr-epci s'applique (depuis le 1996-02-24))"
    )
    assert not {w for w in words if re.search(rf"\b{w}\b", text)}

    run(["check", str(BESANCON), "--lang", "en"])
    assert f"rules: fr-epci ({english})" == capsys.readouterr().out.splitlines()[2]
    run(["check", str(BESANCON), "--format", "json"])
    assert english == json.loads(capsys.readouterr().out)["rules"]["chosen"]


@pytest.mark.usefixtures("french")
def test_the_rules_reason_is_french_in_markdown_html_and_explain(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    french = "l'assemblée 'Conseil de Communauté de Grand Besançon Métropole' relève de la famille"
    run(["check", str(BESANCON), "--format", "markdown"])
    markdown = capsys.readouterr().out
    run(["explain", str(BESANCON), "19"])
    explained = capsys.readouterr().out
    out = tmp_path / "r.html"
    run(["check", str(BESANCON), "--format", "html", "-o", str(out)])
    html = out.read_text("utf-8").replace("&#x27;", "'")

    for text in (markdown, explained, html):
        assert french in text
        assert "belongs to the" not in text


@pytest.mark.parametrize(
    ("date", "english", "french"),
    [
        (
            datetime.date(2021, 11, 10),
            "loi 2021-1465 is dated 10 November 2021",
            "la loi 2021-1465 est datée du 10 novembre 2021",
        ),
        (
            datetime.date(2020, 11, 15),
            "loi 2020-1379 was published on Sunday 15 November 2020",
            "la loi 2020-1379 a été publiée le dimanche 15 novembre 2020",
        ),
    ],
)
def test_rules_assumed_on_a_disputed_day_is_all_french(
    date: datetime.date, english: str, french: str
) -> None:
    """The reason inside RULES_ASSUMED and the assumption inside RESULT_DEPENDS_ON_RULE are
    nested messages: French in French (4 present of 9: the result depends on the rule)."""
    members = [quorum.Member(id=f"m{i}", name=f"M{i}") for i in range(9)]
    s = quorum.Session(
        agenda=["1"],
        members=members,
        attendance=[quorum.Stretch(member=f"m{i}") for i in range(4)],
        body="Conseil municipal",
        date=date,
    )
    result = quorum.audit(s)
    found = {f.code: f for f in result.findings}
    assumed, depends = found["RULES_ASSUMED"], found["RESULT_DEPENDS_ON_RULE"]

    assert english in assumed.message
    assert "under fr-municipal the result differs at item 1" in assumed.message
    assert english in depends.message
    assert english in result.rules_reason
    assert "template" in finding_to_dict(assumed)["params"]["reason"]
    for f in (assumed, depends):
        text = f.render("fr")
        assert french in text
        assert not {"the", "under", "disputed", "differs", "assumed", "applies"} & set(
            re.findall(r"[a-z]+", text)
        ), text
    assert "selon fr-municipal, le résultat diffère : point 1" in assumed.render("fr")
    with i18n.using("fr"):
        assert result.rules_why.render() == result.rules_why.render("fr")
    assert result.rules_why.render("en") == result.rules_reason


def test_a_company_year_end_is_written_in_the_report_language() -> None:
    """The financial year end the rules assume (no financial_year_end given) is dated in words
    of the language: 31 December, 31 décembre."""
    members = [quorum.Member(id=f"s{i}", name=f"S{i}", weight=10) for i in range(100)]
    s = quorum.Session(
        agenda=["1"],
        members=members,
        attendance=[quorum.Stretch(member=f"s{i}") for i in range(40)],
        tallies=[quorum.Tally(item="1", pour=200, contre=100, abstention=100)],
        body="Assemblée générale extraordinaire des actionnaires",
        date=datetime.date(2019, 10, 15),
    )
    result = quorum.audit(s)
    assumed = next(f for f in result.findings if f.code == "RULES_ASSUMED")

    assert "financial year ending 31 December (assumed: the session gives no " in assumed.message
    french = assumed.render("fr")
    assert "exercice clos le 31 décembre (supposé : la séance ne donne pas de " in french
    assert "financial year" not in french
    assert "selon fr-sa-age, le résultat diffère : point 1" in french


@pytest.mark.parametrize(
    ("rules", "english", "french"),
    [
        ("fr-epci", "named by the session ('fr-epci')", "désigné par la séance ('fr-epci')"),
        (None, "asked for ('plain')", "demandé ('plain')"),
    ],
)
def test_rules_named_or_asked_for_in_both_languages(
    rules: str | None, english: str, french: str
) -> None:
    session = quorum.read_session(ROOT / "examples" / "grand-besancon-2026-01-29.session.json")
    result = quorum.audit(session, rules or "plain")
    if rules is not None:
        result = quorum.audit(session)
    assert (english, french) == (result.rules_reason, result.rules_why.render("fr"))


# --- the problems of a session file: templates rendered in the language in use ------------------

_SESSION = {
    "format": "quorum-session/1",
    "agenda": ["1", "2"],
    "members": [{"id": "a", "name": "Ann A"}, {"id": "b"}],
}


@pytest.mark.parametrize(
    ("part", "english", "french"),
    [
        (
            {"attendance": [{"member": "zz"}]},
            "$.attendance[0].member: unknown member id 'zz'",
            "$.attendance[0].member: identifiant de membre inconnu 'zz'",
        ),
        (
            {"proxies": [{"giver": "a", "holder": "b", "from": "9"}]},
            "$.proxies[0].from: unknown item label '9' (proxy from Ann A ('a') to 'b')",
            "$.proxies[0].from: point inconnu '9' (pouvoir de Ann A ('a') à 'b')",
        ),
        (
            {"attendance": [{"member": "a", "from": "2", "until": "1"}]},
            "$.attendance[0]: reversed range: item '2' is taken after item '1' (attendance of "
            "Ann A ('a'))",
            "$.attendance[0]: plage inversée : le point '2' est examiné après le point '1' "
            "(présence de Ann A ('a'))",
        ),
        (
            {"members": [{"id": "a", "name": "Ann A", "weight": -1}, {"id": "b"}]},
            "$.members[0].weight: a weight cannot be negative: -1 (member Ann A ('a'))",
            "$.members[0].weight: un poids ne peut pas être négatif : -1 (membre Ann A ('a'))",
        ),
        (
            {"tallies": [{"item": "1", "pour": -2}]},
            "$.tallies[0].pour: a count must be a whole number >= 0, not -2 (tally of item '1')",
            "$.tallies[0].pour: un décompte doit être un nombre entier >= 0, pas -2 (scrutin du "
            "point '1')",
        ),
        (
            {"tallies": [{"item": 7}]},
            "$.tallies[0].item: unknown item label 7 (not a string)",
            "$.tallies[0].item: point inconnu 7 (pas une chaîne de caractères)",
        ),
        (
            {"withdrawals": [{"member": "a", "reason": "conflict"}]},
            "$.withdrawals[0].reason: must be 'interest' or 'representative', not 'conflict' "
            "(withdrawal of Ann A ('a'))",
            "$.withdrawals[0].reason: doit valoir 'interest' ou 'representative', pas "
            "'conflict' (retrait de Ann A ('a'))",
        ),
        (
            {"rules": {"base": "plain", "quorum": {"fraction": "2"}}},
            "$.rules.quorum.fraction: a fraction must be between 0 and 1",
            "$.rules.quorum.fraction: une fraction doit être comprise entre 0 et 1",
        ),
        (
            {"date": "29/01/2026"},
            "$.date: expected a date as YYYY-MM-DD, not '29/01/2026'",
            "$.date: une date AAAA-MM-JJ est attendue, pas '29/01/2026'",
        ),
        (
            {"colour": 1},
            "$.colour: unknown key 'colour'",
            "$.colour: clé inconnue 'colour'",
        ),
        (
            {"rules": "no-such"},
            "$.rules: unknown rule set 'no-such' ('quorum rules' lists them)",
            "$.rules: jeu de règles inconnu 'no-such' ('quorum rules' les liste)",
        ),
    ],
)
def test_a_session_problem_in_english_and_in_french(
    part: dict[str, object], english: str, french: str
) -> None:
    """``str(problem)`` and ``problem.message`` stay English (logs, programs); ``render`` writes
    the language asked for, or the one in use, nested clauses (whose proxy) included."""
    with pytest.raises(quorum.InvalidSessionError) as err:
        quorum.session_from_dict({**_SESSION, **part})
    [problem] = err.value.problems

    assert (english, french) == (problem.render("en"), problem.render("fr"))
    assert english == str(problem) == f"{problem.path}: {problem.message}"
    with i18n.using("fr"):
        assert (french, english) == (problem.render(), str(problem))
    assert f"1 problème dans la séance :\n  {french}" == err.value.render("fr")


@pytest.mark.usefixtures("french")
def test_a_bad_session_file_is_french_under_a_french_locale(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({**_SESSION, "proxies": [{"giver": "a", "holder": "a", "until": "3"}]}),
        "utf-8",
    )

    status, _out, err = _run(["check", str(bad)])
    assert 2 == status
    assert err.splitlines()[1:3] == [
        "  $.proxies[0]: Ann A ('a') se donne pouvoir à lui-même",
        "  $.proxies[0].until: point inconnu '3' (pouvoir de Ann A ('a') à Ann A ('a'))",
    ]
    status, _out, err = _run(["check", str(bad), "--lang", "en"])
    assert err.splitlines()[1:3] == [
        "  $.proxies[0]: Ann A ('a') gives a proxy to himself",
        "  $.proxies[0].until: unknown item label '3' (proxy from Ann A ('a') to Ann A ('a'))",
    ]


@given(st.text(max_size=20).filter(lambda s: s not in ("a", "b")))
def test_a_problem_quotes_any_id_as_written_in_both_languages(ident: str) -> None:
    """An id is data: braces or percent signs in it are printed, never formatted."""
    with pytest.raises(quorum.InvalidSessionError) as err:
        quorum.session_from_dict({**_SESSION, "attendance": [{"member": ident}]})
    [problem] = err.value.problems

    assert f"$.attendance[0].member: unknown member id {ident!r}" == problem.render("en")
    assert f"$.attendance[0].member: identifiant de membre inconnu {ident!r}" == problem.render(
        "fr"
    )


def test_minutes_without_a_member_list_get_the_hint_in_the_language(tmp_path: Path) -> None:
    """The reader's own message is kept; the advice after it follows the language."""
    minutes = tmp_path / "m.txt"
    minutes.write_text("Ordre du jour\n1. Budget\n", "utf-8")

    _status, _out, french = _run(["check", str(minutes), "--lang", "fr"])
    _status, _out, english = _run(["check", str(minutes), "--lang", "en"])
    assert "; if the minutes have one under another heading, write the session file" in english
    assert " : la lecture a besoin de la liste des membres présents (« Présents : … ») ;" in french
    assert "the reader needs" not in french
    assert english.startswith(f"{minutes}: no member list found (looked for ")
    assert french.startswith(f"{minutes}: no member list found (looked for ")  # the reader's


def test_problems_and_file_errors_are_templates_never_finished_english() -> None:
    """A problem's or a file error's message built as an f-string would reach a French clerk in
    English: in the modules that check sessions and read files, each is a template marked N_
    (the catalogue test then requires its translation)."""
    offenders = []
    for name in ("model", "sessionfile", "registry", "io", "rulesets"):
        tree = ast.parse((SRC / f"{name}.py").read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            two = called in ("Problem", "fail")
            if two and len(node.args) < 2:
                continue
            message = node.args[1] if two else node.args[0]
            if called in ("Problem", "fail", "SessionFileError", "_Bad", "Message") and (
                isinstance(message, ast.JoinedStr)
                or (called == "Problem" and isinstance(message, ast.Constant))
            ):
                offenders.append(f"{name}.py:{node.lineno}")
    assert [] == offenders


FRENCH_TOO = {
    "pour",
    "contre",
    "source",
    "quorum",
    "vote",
    "votes",
    "part",
    "force",
    "absent",
    "passage",
}
"""Words of the explain templates that are French words as well."""


def _explain_template_words() -> set[str]:
    """The English words (four letters or more) of the templates of quorum explain."""
    words: set[str] = set()
    for _file, _line, msgid, _comments, _context in extract_from_dir(
        SRC, keywords=KEYWORDS, method_map=[("explain.py", "python")]
    ):
        for text in msgid if isinstance(msgid, tuple) else (msgid,):
            words |= {w.lower() for w in re.findall(r"[A-Za-z]{4,}", re.sub(r"\{\w*\}", "", text))}
    return words - FRENCH_TOO


@pytest.mark.usefixtures("french")
def test_explain_besancon_19_has_no_english_word_of_its_templates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Under a French locale, the text of quorum explain (headings, reasons, arithmetic) has no
    English word of the templates of explain; with --lang en the same words are there."""
    words = _explain_template_words()
    assert {"required", "counted", "voters", "reached", "consistent", "until"} <= words

    assert 0 == run(["explain", str(BESANCON), "19"])
    french = capsys.readouterr().out
    assert 0 == run(["explain", str(BESANCON), "19", "--lang", "en"])
    english = capsys.readouterr().out

    def found(text: str) -> set[str]:
        return {w for w in words if re.search(rf"\b{w}\b", text, re.IGNORECASE)}

    assert set() == found(french)
    assert {"required", "counted", "voters", "reached", "consistent", "force"} - FRENCH_TOO <= (
        found(english)
    )
    assert "  required: more than half of the 123 members in office: 123 // 2 + 1 = 62\n" in (
        english
    )
    assert "  requis : plus de la moitié des 123 membres en exercice : 123 // 2 + 1 = 62\n" in (
        french
    )


@pytest.mark.usefixtures("french")
def test_rules_in_french_under_a_french_locale_and_english_under_another(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """quorum rules: the titles, the dates of force, the parameters and the majorities in the
    language of the locale; the JSON stays English whatever the language."""
    assert 0 == run(["rules", "fr-municipal"])
    french = capsys.readouterr().out.splitlines()
    assert 0 == run(["rules", "--format", "json"])
    french_json = json.loads(capsys.readouterr().out)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert 0 == run(["rules", "fr-municipal"])
    english = capsys.readouterr().out.splitlines()

    assert french[0].split(None, 1)[1].split() == [
        "depuis", "le", "1996-02-24", "Conseil", "municipal,", "droit", "commun",
    ]  # fmt: skip
    assert english[0].split(None, 1)[1].split() == [
        "since", "1996-02-24", "French", "municipal", "council,", "common", "law",
    ]  # fmt: skip
    assert french[1].strip() == (
        "quorum : CGCT art. L2121-17 ; pouvoirs : CGCT art. L2121-20 ; majorité : plus de 1/2 "
        "des suffrages exprimés (pour + contre)"
    )
    assert english[1].strip() == (
        "quorum: CGCT art. L2121-17; proxies: CGCT art. L2121-20; majority: more than 1/2 of "
        "the votes expressed (pour + contre)"
    )
    assert (
        french[2]
        .strip()
        .startswith(
            "paramètres : quorum plus de 1/2 des membres en exercice présents ; pouvoirs 1 par "
            "mandataire ; "
        )
    )
    assert (
        french[3]
        .strip()
        .startswith(
            "majorité 'compte-administratif' : adopté sauf si plus de 1/2 des suffrages exprimés"
        )
    )

    assert 0 == run(["rules", "--format", "json"])
    assert json.loads(capsys.readouterr().out) == french_json
    assert "French municipal council, common law" == french_json[0]["title"]
    assert 0 == run(["rules", "fr-municipal", "--lang", "fr"])
    assert capsys.readouterr().out.splitlines() == french
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert 0 == run(["rules", "fr-municipal", "--lang", "en"])
    assert capsys.readouterr().out.splitlines() == english


@pytest.mark.usefixtures("french")
def test_every_named_rule_set_has_a_french_title() -> None:
    """Each named rule set's title is translated (a health-emergency one from its council's),
    and English is its title as the JSON gives it; a session's own statutes keep theirs."""
    from quorum.registry import RULE_SETS, rules_from_dict, title_words

    for name, r in RULE_SETS.items():
        assert r.title == i18n.translations("en").gettext(r.title)
        with i18n.using("en"):
            assert r.title == title_words(r), name
        with i18n.using("fr"):
            assert r.title != title_words(r), name
            assert "health emergency" not in title_words(r)
    own = rules_from_dict({"base": "fr-municipal", "title": "Statuts du syndicat"})
    with i18n.using("fr"):
        assert own.title == title_words(own)
