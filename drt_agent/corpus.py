"""Fine-tuning corpora: JSON lines read into typed problems and answers, and split for a held-out score.

Each line is an object with `text` (the problem, or the story), an optional `question` (appended to the text)
and `answer` (true/false, yes/no, or a term such as "skip-level manager"). The text is read as the base
checkpoint's domain. A line that cannot be read is reported and skipped; a corpus with more than
`max_bad_lines` of them is refused (0 = strict). Repeated lines are kept once, so a held-out problem is never
also a training problem.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np

from .domains import Domain
from .errors import DrtError, ParseError
from .problems import Answer


def _answer(domain: Domain, raw: Any) -> Answer:
    """A line's answer: true/false (or yes/no), or a term naming the answer in words, e.g. "manager". Numbers,
    lists, null and text without a letter are refused: they would become new answer classes by mistake."""
    if isinstance(raw, bool):
        return raw
    if not isinstance(raw, str) or not re.search(r"[^\W\d_]", raw):
        raise ParseError(
            f"'answer' must be true/false, yes/no or a term in words such as \"manager\", got {json.dumps(raw)}"
        )
    return domain.normalise_answer(raw)


def read_corpus(
    path: str | Path, domain: Domain, max_bad_lines: float = 0.1
) -> tuple[list[Any], list[Answer], list[str]]:
    """(problems, answers, skipped lines as 'path:N: reason'). ParseError when the corpus is empty, cannot be
    read, or more than `max_bad_lines` (a share, 0..1) of its lines are unreadable."""
    if not 0.0 <= max_bad_lines <= 1.0:
        raise ParseError(f"max_bad_lines is a share of the corpus between 0 and 1, got {max_bad_lines}")
    try:
        raw_lines = Path(path).read_bytes().split(b"\n")
    except OSError as exc:
        raise ParseError(f"cannot read corpus {path}: {exc.strerror}") from None
    problems: list[Any] = []
    answers: list[Answer] = []
    bad: list[str] = []
    seen: dict[str, Answer] = {}
    n_lines = 0
    for n, raw in enumerate(raw_lines, 1):
        if not raw.strip():
            continue
        n_lines += 1
        try:
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:  # one bad line is reported; the rest are still read
                raise ParseError(
                    f"not UTF-8 text (byte {exc.start + 1} of the line); save it as UTF-8"
                ) from None
            obj = json.loads(line)
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or "answer" not in obj:
                raise ParseError("each line must be a JSON object with a string 'text' and an 'answer'")
            question = obj.get("question")
            if question is not None and not isinstance(question, str):
                raise ParseError("'question' must be a string")
            text = obj["text"].strip() if not question else f"{obj['text'].strip()} {question.strip()}"
            answer = _answer(domain, obj["answer"])
            key = " ".join(text.split())  # the same problem, however it is spaced
            if key in seen:
                if seen[key] != answer:
                    raise ParseError(f"the same problem was given another answer before ({seen[key]!r})")
                continue  # a repeat: kept once, so it can never sit on both sides of the held-out split
            problem = domain.read(text).problem
            exact = domain.exact(problem)
            if exact is not None and exact != answer:
                raise ParseError(
                    f"the answer {answer!r} contradicts the exact solver's {exact!r}; fix the line"
                )
            problems.append(problem)
            answers.append(answer)
            seen[key] = answer
        except RecursionError:
            bad.append(f"{path}:{n}: JSON nested too deeply to read")
        except json.JSONDecodeError as exc:
            bad.append(f"{path}:{n}: not valid JSON ({exc.msg})")
        except DrtError as exc:
            bad.append(f"{path}:{n}: {exc}")
    if not problems:
        detail = f"; first problem: {bad[0]}" if bad else ""
        raise ParseError(f"{path}: the corpus holds no usable line{detail}")
    if len(bad) > max_bad_lines * n_lines:
        raise ParseError(
            f"{path}: {len(bad)} of {n_lines} lines cannot be read, above the {max_bad_lines:.0%} allowed "
            f"(--max-bad-lines); first: {bad[0]}"
        )
    return problems, answers, bad


def split(
    problems: list[Any], answers: list[Answer], holdout: float, seed: int
) -> tuple[tuple[list[Any], list[Answer]], tuple[list[Any], list[Answer]]]:
    """A seeded (train, held-out) split; at least one problem is trained on."""
    if not 0.0 <= holdout < 1.0:
        raise ParseError(f"holdout is the held-out share, at least 0 and below 1, got {holdout}")
    order = np.random.default_rng(seed).permutation(len(problems))
    n_hold = min(len(problems) - 1, int(round(holdout * len(problems))))
    hold, train = order[:n_hold], order[n_hold:]
    return (
        ([problems[i] for i in train], [answers[i] for i in train]),
        ([problems[i] for i in hold], [answers[i] for i in hold]),
    )
