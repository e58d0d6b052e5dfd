"""Layout of a text, before any meaning: lines, code blocks, table rows, list items, titles, worked examples and
sentences.

The reader classifies what these segments say; this module only knows how text is laid out, so the same layout
rules hold for every wording. A title line ("Edges:", "One-way flights:") governs the lines under it until a blank
line; a worked example ("Example:" and the lines after it, up to a blank line) is kept apart so its graph and
answer are never read as the problem's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon_graph import CHAT_TAGS, EXAMPLE_LABELS, lazy


@dataclass(slots=True)
class Segment:
    """One line of layout. `text` is its content (list marker and chat tags removed), `raw` the line verbatim."""

    text: str
    raw: str
    line: int
    form: str  # line | item | row | header | code | title | example | tag
    title: str = ""  # the title this line stands under ("" if none)


_FENCE = re.compile(r"^\s*(?:```|~~~)")
_ROW = re.compile(r"^\s*\|.*\|\s*$")
_RULE = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-{0,}:?\s*\|?\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(?=\S)")
_TITLE = re.compile(r"^(?P<title>[^:]{1,200}):\s*$")
# a speaker's turn in a chat transcript; "User: Admin, Guest" (a bare list of names) is an adjacency line instead
_SPEAKER = lazy(r"^(?P<who>system|user|assistant|human|ai|bot|model)\s*:\s*(?P<rest>.*)$", re.I)
_NAME_LIST = lazy(r"^\w[\w.'-]*(?:\s*(?:,|;|\band\b|\s)\s*\w[\w.'-]*)*\.?$")


def segment(text: str) -> list[Segment]:
    """Lines of `text` with their layout form. Blank lines end a title's or an example's reach.

    Each test is guarded by a character the form needs (':', '|', '<'...), so plain lines cost little."""
    out: list[Segment] = []
    title, in_code, in_example = "", False, False
    for lineno, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        speaker = _SPEAKER.match(line) if ":" in line else None
        if speaker and not _NAME_LIST.match(speaker.group("rest")):
            out.append(Segment(f"{speaker.group('who')}:", f"{speaker.group('who')}:", lineno, "tag"))
            line = speaker.group("rest").strip()
        if not line:
            title, in_example = "", False
            continue
        if line[0] in "`~" and _FENCE.match(line):
            in_code = not in_code
            out.append(Segment(line, raw, lineno, "tag"))
            continue
        if in_code:
            out.append(Segment(line, raw, lineno, "code", title))
            continue
        if ("<" in line or "[" in line) and CHAT_TAGS.search(line):
            out.extend(Segment(t, t, lineno, "tag") for t in CHAT_TAGS.findall(line))
            line = CHAT_TAGS.sub(" ", line).strip()
            if not line:
                continue
        if in_example:
            out.append(Segment(line, raw, lineno, "example", title))
            continue
        if line[0] == "|" and _ROW.match(line):
            if _RULE.match(line):  # | --- | --- |: the row above was the header
                if out and out[-1].form == "row":
                    out[-1].form = "header"
                out.append(Segment(line, raw, lineno, "tag"))
            else:
                out.append(Segment(line, raw, lineno, "row", title))
            continue
        if ":" in line:
            if EXAMPLE_LABELS.match(line.partition(":")[0].strip()):
                in_example = True
                out.append(Segment(line, raw, lineno, "example", title))
                continue
            m = _TITLE.match(line) if line.endswith(":") else None
            if m:
                title = m.group("title").strip()
                out.append(Segment(line, raw, lineno, "title"))
                continue
        item = _ITEM.match(line) if line[0] in "-*+0123456789" else None
        if item:
            out.append(Segment(line[item.end() :], raw, lineno, "item", title))
            continue
        out.append(Segment(line, raw, lineno, "line", title))
    return out


_SENTENCE_END = re.compile(r"(?<=[?!])\s+|(?<=[^\s.]\.)\s+(?=\S)")


def sentences(text: str) -> list[str]:
    """The sentences of one line: split after '?', '!' and a '.' that ends a word, then a space."""
    if "." not in text and "?" not in text and "!" not in text:
        return [text]
    out: list[str] = []
    for p in _SENTENCE_END.split(text):
        p = p.strip()
        if not p:
            continue
        if out and _ABBREVIATION.search(out[-1]):  # "(i.e. is Oscar above Bernard)": one sentence
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


_ABBREVIATION = lazy(
    r"(?:^|[\s(])(?:i\.\s?e|e\.\s?g|etc|vs|cf|approx|mr|mrs|ms|dr|st|no|fig|ca|resp|incl|esp)\.$", re.I
)
