"""Quality on unseen articles must not drop: the development set against its recorded floor.

The floor (``benchmarks/gold/floor.json``) is the last recorded overall F1 of
``kg eval --set dev``; ``python benchmarks/quality_floor.py --update`` raises
it after a change that improves quality. Extraction is deterministic, so an
unchanged tree scores exactly the floor.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from quality_floor import KEYS, measure, read_floor  # noqa: E402


@pytest.fixture(scope="module")
def dev_scores() -> dict[str, float]:
    return measure("dev")


@pytest.mark.parametrize("key", KEYS)
def test_dev_set_does_not_fall_below_the_floor(dev_scores, key):
    floor = read_floor()[key]
    assert dev_scores[key] >= floor - 1e-9, (
        f"{key} F1 on the development set fell to {dev_scores[key]:.4f} from the floor {floor:.4f}: "
        "run `kg eval --set dev` to see what was lost")


def test_the_floor_is_a_real_measurement():
    # A floor of zero would let any change pass: the recorded figures are the ones measured.
    floor = read_floor()
    assert all(0.0 < floor[k] <= 1.0 for k in ("entities", "mentions"))
