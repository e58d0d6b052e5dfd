"""Mutation run: would the tests notice a realistic silent regression?

    python scripts/mutations.py                      # every mutation, JSON to runs/mutations.json
    python scripts/mutations.py --only halt-patience # one mutation
    python scripts/mutations.py --list               # the mutations and the test subset of each area

Each mutation is one small edit a person could plausibly make by mistake (an off-by-one in the halting rule, a
synonym entry dropped, a negation cue dropped, a sign flipped in an exact solver, the answer check short-
circuited). The run copies the committed tree (`git archive HEAD`; --worktree: the files as they are now) to a
temporary directory, so the checkout others work in is never touched; there it applies one mutation at a time,
runs the area's fast test subset (`pytest -x`: it stops at the first failure) and restores the file. A mutation
is *caught* when the subset fails (or runs past --timeout), *survived* when it passes. The subsets are first run
unmutated and must pass, so a failure is the mutation's doing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Mutation:
    id: str
    area: str
    path: str
    old: str
    new: str
    why: str


# The fast subset each area runs (slow-marked tests excluded). Ordered so the likeliest catchers come first.
SUBSETS: dict[str, list[str]] = {
    "core": ["tests/test_mutations.py", "tests/test_core.py", "tests/test_sparse.py", "tests/test_batching.py", "tests/test_logic_checkpoint.py",
             "tests/test_relational_checkpoint.py"],
    "halting": ["tests/test_mutations.py", "tests/test_core.py", "tests/test_batching.py", "tests/test_logic_checkpoint.py",
                "tests/test_relational_checkpoint.py"],
    "parsers": ["tests/test_mutations.py", "tests/test_parsers_graph.py", "tests/test_relational_parser.py", "tests/test_logic_parser.py",
                "tests/test_reading_logic.py", "tests/test_reading_relational.py", "tests/test_routing.py"],
    "exact": ["tests/test_mutations.py", "tests/test_graph_task.py", "tests/test_logic_task.py", "tests/test_relational_task.py",
              "tests/test_reading_logic.py", "tests/test_reading_relational.py"],
    "answer check": ["tests/test_mutations.py", "tests/test_batching.py", "tests/test_core.py", "tests/test_logic_checkpoint.py",
                     "tests/test_relational_checkpoint.py"],
}  # fmt: skip

MUTATIONS = [
    # -- the reasoning core -------------------------------------------------------------------------------------
    Mutation("core-gate-swapped", "core", "drt_agent/core/recurrent.py",
             "return z * h_new + (1.0 - z) * h", "return (1.0 - z) * h_new + z * h",
             "the gate's two branches swapped: a step starts near the new state, not the identity"),
    Mutation("core-no-reinjection", "core", "drt_agent/core/recurrent.py",
             "u = h + injected if injected is not None else h", "u = h",
             "input re-injection dropped"),
    Mutation("core-no-state-norm", "core", "drt_agent/core/recurrent.py",
             "return self.state_norm(h)", "return h", "state normalisation skipped"),
    Mutation("core-mask-ignored", "core", "drt_agent/core/block.py",
             "attn_mask=mask[:, None]", "attn_mask=None", "dense attention ignores the task's mask"),
    Mutation("core-layerscale-off", "core", "drt_agent/core/block.py",
             "return x * self.gamma", "return x", "LayerScale's learned scale not applied"),
    Mutation("core-rope-sign", "core", "drt_agent/core/block.py",
             "return torch.cat((-x2, x1), dim=-1)", "return torch.cat((x2, x1), dim=-1)",
             "rotary embedding's rotate_half loses its sign"),
    Mutation("core-sparse-no-scale", "core", "drt_agent/core/sparse.py",
             "scores = scores.mul_(1.0 / math.sqrt(Dh))", "scores = scores.mul_(1.0)",
             "sparse attention scores not scaled by 1/sqrt(Dh) (differs from the dense path)"),
    Mutation("core-sparse-renumber", "core", "drt_agent/core/sparse.py",
             "offset = (new_pos[ex] - ex) * L", "offset = 0 * L",
             "a sparse mask is not renumbered when finished examples leave the batch"),
    # -- halting ------------------------------------------------------------------------------------------------
    Mutation("halt-patience", "halting", "drt_agent/core/halting.py",
             "done = calm >= policy.patience", "done = calm > policy.patience",
             "halting patience off by one"),
    Mutation("halt-calm-never-reset", "halting", "drt_agent/core/halting.py",
             "calm = (calm + 1) * settled", "calm = calm + settled",
             "a moving step no longer resets the count of calm steps"),
    Mutation("halt-state-tol", "halting", "drt_agent/core/halting.py",
             "state_tol: float = 0.02", "state_tol: float = 0.2", "state tolerance ten times looser"),
    Mutation("halt-readout-tol", "halting", "drt_agent/core/halting.py",
             "readout_tol: float = 0.01", "readout_tol: float = 1.01", "the answer's movement is never checked"),
    Mutation("halt-final-ignored", "halting", "drt_agent/core/halting.py",
             "done |= final", "done &= final", "the task's 'answer is final' signal is and-ed, not or-ed"),
    Mutation("halt-cap-batch-wide", "halting", "drt_agent/core/halting.py",
             "capped = (caps <= t) & ~done", "capped = (caps.max() <= t) & ~done",
             "the auto step cap is the batch's largest, not each example's own"),
    Mutation("halt-min-steps", "halting", "drt_agent/core/halting.py",
             "if t < policy.min_steps:", "if t <= policy.min_steps:", "min_steps off by one"),
    # -- reading ------------------------------------------------------------------------------------------------
    Mutation("parse-graph-negation-no", "parsers", "parsers/graph_questions.py",
             'negated ^= art.startswith("no") or art.startswith("not")', 'negated ^= art.startswith("not")',
             "graph negation cue 'no' dropped: 'Is there no path from A to C?' read as 'is there a path'"),
    Mutation("parse-graph-arrow", "parsers", "parsers/lexicon_graph.py",
             '"→": "->", ', "", "the Unicode arrow → no longer read as ->"),
    Mutation("parse-graph-reverse-arrow", "parsers", "parsers/lexicon_graph.py",
             '"<-": "rev"', '"<-": "one"', "A <- B read as A -> B"),
    Mutation("parse-kin-synonym", "parsers", "parsers/kinship_lexicon.py",
             '"mom": "mother", ', "", "the synonym mom -> mother dropped"),
    Mutation("parse-kin-plural", "parsers", "parsers/kinship_lexicon.py",
             'IRREGULAR_PLURALS = {"children": "child", ', "IRREGULAR_PLURALS = {",
             "the plural children -> child dropped"),
    Mutation("parse-kin-negation", "parsers", "parsers/relational_extract.py",
             'NEGATIONS = {"not", "n\'t", ', 'NEGATIONS = {"not", ', "kinship negation cue n't dropped"),
    Mutation("parse-logic-not-spelling", "parsers", "parsers/logic_expr.py",
             'NOT_SPELLINGS = {"not", "!", "~", ', 'NOT_SPELLINGS = {"not", "!", ', "logic negation ~ dropped"),
    # -- exact solvers ------------------------------------------------------------------------------------------
    Mutation("exact-graph-direction", "exact", "drt_agent/domains/graph.py",
             "        if not problem.directed:\n            adj[b].append(a)", "        adj[b].append(a)",
             "the exact graph search ignores edge direction"),
    Mutation("exact-logic-and-or", "exact", "drt_agent/domains/logic.py",
             "conj[-1] = v if conj[-1] is None else (conj[-1] and v)",
             "conj[-1] = v if conj[-1] is None else (conj[-1] or v)", "the exact evaluator reads 'and' as 'or'"),
    Mutation("exact-logic-double-not", "exact", "drt_agent/domains/logic.py",
             "v = v != bool(negs[-1] % 2)", "v = v != bool(negs[-1])", "not not x evaluates as not x"),
    Mutation("exact-kin-generation", "exact", "drt_agent/domains/relational.py",
             'delta = {"U": 1, "D": -1, ', 'delta = {"U": 1, "D": 1, ', "generation offsets: down counts as up"),
    Mutation("exact-kin-gender-side", "exact", "drt_agent/domains/relational.py",
             "if f.subject == person and (FACT_WORDS", "if f.object == person and (FACT_WORDS",
             "a person's gender read from the other side of the fact"),
    # -- the answer check ---------------------------------------------------------------------------------------
    Mutation("check-agrees-always", "answer check", "drt_agent/reasoner.py",
             '"agrees_with_exact": None if exact is None else exact == answer',
             '"agrees_with_exact": None if exact is None else True', "agrees_with_exact forced to True"),
    Mutation("check-never-overrule", "answer check", "drt_agent/reasoner.py",
             "exact is not None and exact != ans", "False",
             "an answer the exact solver refutes is handed out"),
    Mutation("check-order-lost", "answer check", "drt_agent/reasoner.py",
             "for i, sol in zip(order, solved, strict=True):", "for i, sol in enumerate(solved):",
             "solutions come back in length order, not input order"),
]  # fmt: skip


def snapshot(worktree: bool) -> Path:
    """A private copy of the repository: HEAD (default) or the working tree's tracked files as they are."""
    dest = Path(tempfile.mkdtemp(prefix="drt-mutations-"))
    if worktree:
        files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
        for name in filter(None, files.decode().split("\0")):
            src = ROOT / name
            if src.is_file() and not src.is_symlink():
                (dest / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest / name)
    else:
        archive = subprocess.run(["git", "archive", "HEAD"], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    # installed, `parsers` and `tools` live inside the package: the same layout here, so the copy imports itself
    for name in ("parsers", "tools"):
        link = dest / "drt_agent" / name
        if not link.exists():
            link.symlink_to(Path("..") / name)
    return dest


def env() -> dict[str, str]:
    # no bytecode: a mutation and its restore within one second must never be served from a stale .pyc
    return {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONWARNINGS": "ignore"}


def check_imports(tree: Path) -> None:
    code = "import drt_agent, drt_agent.parsers; print(drt_agent.__file__); print(drt_agent.parsers.__file__)"
    out = subprocess.run([sys.executable, "-c", code], cwd=tree, env=env(), capture_output=True, text=True)
    paths = out.stdout.split()
    if out.returncode or len(paths) != 2 or not all(str(tree) in p for p in paths):
        raise SystemExit(f"the copy in {tree} does not import its own package: {out.stdout} {out.stderr}")


def run_tests(tree: Path, tests: list[str], timeout: float) -> tuple[str, float, str]:
    """('passed' | 'failed' | 'timeout', seconds, the first failing test)."""
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "-x",
        "-q",
        "-rf",
        "-m",
        "not slow",
        "-p",
        "no:cacheprovider",
        *tests,
    ]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=tree, env=env(), capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", time.perf_counter() - t0, ""
    seconds = time.perf_counter() - t0
    if proc.returncode == 0:
        return "passed", seconds, ""
    failed = re.findall(r"^(?:FAILED|ERROR) (.+?)(?: - .*)?$", proc.stdout, re.M)
    return "failed", seconds, failed[0] if failed else proc.stdout.strip().splitlines()[-1][:200]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", help="mutation ids to run (default: all)")
    ap.add_argument("--list", action="store_true", help="print the mutations and subsets, run nothing")
    ap.add_argument("--worktree", action="store_true", help="mutate the working tree's files, not HEAD's")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds before a test run counts as hung")
    ap.add_argument("--out", type=Path, default=ROOT / "runs" / "mutations.json")
    ap.add_argument("--keep", action="store_true", help="keep the temporary copy")
    args = ap.parse_args()
    chosen = [m for m in MUTATIONS if not args.only or m.id in args.only]
    if args.list or not chosen:
        for area, tests in SUBSETS.items():
            print(f"[{area}] {' '.join(tests)}")
            for m in (m for m in MUTATIONS if m.area == area):
                print(f"  {m.id:28s} {m.path}: {m.why}")
        return
    t_all = time.perf_counter()
    tree = snapshot(args.worktree)
    print(f"copy: {tree}", file=sys.stderr)
    try:
        check_imports(tree)
        union = list(
            dict.fromkeys(t for m in chosen for t in SUBSETS[m.area])
        )  # one run: every subset at once
        status, seconds, first = run_tests(tree, union, args.timeout * 2)
        print(f"baseline (every subset, unmutated): {status} in {seconds:.0f} s {first}", file=sys.stderr)
        if status != "passed":
            raise SystemExit(f"the unmutated subsets do not pass ({first}); fix that first")
        rows = []
        for m in chosen:
            path = tree / m.path
            original = path.read_text()
            if original.count(m.old) != 1:
                rows.append({**asdict(m), "result": "not applied", "seconds": 0.0, "caught_by": ""})
                print(f"{m.id:28s} NOT APPLIED: the text to change occurs {original.count(m.old)} times")
                continue
            path.write_text(original.replace(m.old, m.new))
            try:
                status, seconds, first = run_tests(tree, SUBSETS[m.area], args.timeout)
            finally:
                path.write_text(original)
            result = {"passed": "survived", "failed": "caught", "timeout": "caught (timeout)"}[status]
            rows.append({**asdict(m), "result": result, "seconds": round(seconds, 1), "caught_by": first})
            print(f"{m.id:28s} {result:16s} {seconds:6.1f} s  {first}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(tree, ignore_errors=True)
    applied = [r for r in rows if r["result"] != "not applied"]
    caught = [r for r in applied if r["result"].startswith("caught")]
    summary = {
        "command": "python " + " ".join([Path(sys.argv[0]).as_posix(), *sys.argv[1:]]),
        "source": "working tree" if args.worktree else "HEAD",
        "mutations": len(applied),
        "caught": len(caught),
        "caught_share": round(len(caught) / max(1, len(applied)), 3),
        "wall_seconds": round(time.perf_counter() - t_all, 1),
        "subsets": SUBSETS,
        "rows": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2) + "\n")
    print(f"\n{len(caught)} of {len(applied)} mutations caught ({summary['caught_share']:.0%}), "
          f"{summary['wall_seconds']:.0f} s; {args.out}")  # fmt: skip
    print("\n| mutation | area | what changed | result | caught by |\n|---|---|---|---|---|")
    for r in rows:
        print(f"| `{r['id']}` | {r['area']} | {r['why']} | {r['result']} | {r['caught_by'] or '-'} |")


if __name__ == "__main__":
    main()
