"""Teach the shipped relational model a relation family it never saw (who reports to whom), from Python.

    python examples/finetune_org.py --n 4000 --out runs/org-full
    python examples/finetune_org.py --n 4000 --out runs/org-frozen --freeze-core

The same from the shell:
    python examples/finetune_org_corpus.py runs/org.jsonl --n 4000
    drt-agent finetune runs/org.jsonl --base relational --out runs/org-full --steps 12 --max-minutes 9.5
    drt-agent solve --model runs/org-full "Bob reports to Ann. Cy reports to Bob. What is Ann to Cy?"
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from finetune_org_corpus import example  # noqa: E402

from drt_agent import Reasoner  # noqa: E402
from drt_agent.train import finetune  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=4000, help="corpus size (a fifth is held out)")
    ap.add_argument("--out", type=Path, default=Path("runs/org-finetuned"))
    ap.add_argument("--base", default="relational")
    ap.add_argument("--freeze-core", action="store_true", help="train only embeddings and readout")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--steps", type=int, default=12, help="thinking steps (chains of 1-3 facts need about 8)")
    ap.add_argument("--max-minutes", type=float, default=9.5)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    rng = np.random.default_rng(args.seed)
    corpus = args.out.with_suffix(".jsonl")
    corpus.parent.mkdir(parents=True, exist_ok=True)
    corpus.write_text(
        "".join(json.dumps(example(rng, int(rng.integers(1, 4)))) + "\n" for _ in range(args.n))
    )
    res = finetune(
        corpus,
        args.out,
        base=args.base,
        freeze_core=args.freeze_core,
        epochs=args.epochs,
        steps=args.steps,
        max_minutes=args.max_minutes,
        threads=args.threads,
        seed=args.seed,
    )
    print(json.dumps(res.to_dict(), indent=2))

    r = Reasoner.load(args.out)
    for text in (
        "Bob reports to Ann. Cy reports to Bob. What is Ann to Cy?",
        "Dee manages Eli. Eli and Fay are peers. Is Dee Fay's manager?",
    ):
        sol = r.solve(text)
        print(f"{text}\n  -> {sol.answer} (confidence {sol.confidence:.2f}, {sol.steps_used} steps)")


if __name__ == "__main__":
    main()
