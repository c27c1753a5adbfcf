"""A small element tree from HTML (stdlib html.parser), enough to query a report in tests."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "wbr",
}


class Element:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Element | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Element | str] = []

    def iter(self) -> Iterator[Element]:
        yield self
        for c in self.children:
            if isinstance(c, Element):
                yield from c.iter()

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Element]:
        """Descendants with this tag whose attributes hold these values (``class_`` for class;
        a class matches one of the element's classes)."""
        out = []
        for e in self.iter():
            if e is self or (tag and e.tag != tag):
                continue
            ok = True
            for key, value in attrs.items():
                key = key.rstrip("_")
                have = e.attrs.get(key)
                if key == "class":
                    ok = ok and have is not None and value in have.split()
                else:
                    ok = ok and have == value
            if ok:
                out.append(e)
        return out

    def find(self, tag: str | None = None, **attrs: str) -> Element:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag}> with {attrs}"
        return found[0]

    def by_id(self, ident: str) -> Element:
        return self.find(id=ident)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        e = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(e)
        if tag not in VOID:
            self.current = e

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(html: str) -> Element:
    """The document's root element."""
    b = _Builder()
    b.feed(html)
    b.close()
    return b.root


def span(cell: Element) -> int:
    return int(cell.attrs.get("colspan", "1"))


def timeline_rows(doc: Element) -> list[Element]:
    """The member rows of the presence timeline."""
    table = doc.by_id("timeline")
    return [tr for body in table.find_all("tbody") for tr in body.find_all("tr")]


def row_cells(tr: Element) -> list[Element]:
    """The item cells of one timeline row (the group and name headers left out)."""
    return [c for c in tr.children if isinstance(c, Element) and c.tag == "td"]
