"""Silent thinking vs intermediate supervision (per-step loss weight alpha = 0, 0.1, 1).

python bench/supervision.py            # full: 3 seeds
python bench/supervision.py --quick    # seconds
"""

from __future__ import annotations

from common import Variant, parse_args, run

VARIANTS = [
    Variant("silent thinking (alpha=0)", {"intermediate_weight": 0.0}),
    Variant("alpha=0.1", {"intermediate_weight": 0.1}),
    Variant("every step supervised (alpha=1)", {"intermediate_weight": 1.0}),
]

if __name__ == "__main__":
    args, setting = parse_args(__doc__)
    run(VARIANTS, args, setting, "Silent thinking vs intermediate supervision")
