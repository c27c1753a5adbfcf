"""Civilities ("Mme", "M.", "Monsieur", "Mesdames", "Dr"…): one table, every pattern made from it.

Every form is written *folded* (lower case, no accents; see ``_text.fold``) and without its dot:
the patterns accept the dot. Add a form here, with a test; the patterns that read names, cut lists
and find people in prose are all derived from this table.
"""

from __future__ import annotations

from typing import NamedTuple


class Civility(NamedTuple):
    form: str
    """Folded, without a dot."""
    plural: bool
    """"Mesdames", "MM.": heads the names that follow, is not a person."""
    short: bool
    """A letter or a word of prose when written without its dot ("M", "Me"): in running text it
    counts only with its dot."""
    prose: bool = False
    """Also a common word of prose ("me"): never looked for inside running text."""


CIVILITIES: tuple[Civility, ...] = (
    Civility("monsieur", plural=False, short=False),
    Civility("madame", plural=False, short=False),
    Civility("mademoiselle", plural=False, short=False),
    Civility("docteur", plural=False, short=False),
    Civility("messieurs", plural=True, short=False),
    Civility("mesdames", plural=True, short=False),
    Civility("mesdemoiselles", plural=True, short=False),
    Civility("mme", plural=False, short=False),
    Civility("mlle", plural=False, short=False),
    Civility("mr", plural=False, short=False),
    Civility("dr", plural=False, short=False),
    Civility("mmes", plural=True, short=False),
    Civility("mlles", plural=True, short=False),
    Civility("mm", plural=True, short=False),
    Civility("m", plural=False, short=True),
    Civility("me", plural=False, short=True, prose=True),  # Maître
)
"""Every civility a list of people may use, folded and without its dot."""


def civility(
    *,
    singular: bool = True,
    plural: bool = True,
    short: str = "bare",
    prose: bool = False,
) -> str:
    """An alternation of the civilities, longest first (no group name, no anchor).

    ``short`` says how the short forms ("m", "me") are taken: ``"bare"`` with or without their
    dot (at the start of a list entry), ``"dotted"`` only with their dot (inside running text),
    ``"none"`` not at all. The other forms are given without their dot: the caller adds ``\\.?``
    or what its context wants. ``prose`` keeps the forms that are also common words ("me")."""
    forms: list[str] = []
    for c in sorted(CIVILITIES, key=lambda c: -len(c.form)):
        if (c.plural and not plural) or (not c.plural and not singular):
            continue
        if c.prose and not prose:
            continue
        if c.short:
            if short == "none":
                continue
            forms.append(rf"{c.form}\." if short == "dotted" else c.form)
        else:
            forms.append(c.form)
    return "(?:" + "|".join(forms) + ")"
