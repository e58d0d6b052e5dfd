"""Ablations of the stabilisers and of the training target, each a config switch.

python bench/ablations.py            # full: 3 seeds
python bench/ablations.py --quick    # seconds
"""

from __future__ import annotations

from common import Variant, parse_args, run

VARIANTS = [
    Variant("full recipe", {}),
    Variant("no LayerScale", {"layerscale": False}),
    Variant("no gate", {"gate": False}),
    Variant("no LayerScale, no gate", {"layerscale": False, "gate": False}),
    Variant("no input re-injection", {"reinject": False}),
    Variant("no state normalisation", {"state_norm": False}),
    Variant("single-output loss (paper)", {"dense_targets": False}),
]

if __name__ == "__main__":
    args, setting = parse_args(__doc__)
    run(VARIANTS, args, setting, "Ablations")
