"""The jump-join weights in archive/assembly/text.py are the ones bench/jump_joins.py fits."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

from archive.assembly.text import JOIN_WEIGHTS
from tests.conftest import CORPUS

ROOT = Path(__file__).resolve().parent.parent.parent


def test_the_committed_weights_are_what_the_command_fits():
    """The command, run as documented (a fresh interpreter: the generator cuts words with jieba,
    whose dictionary the search layer extends in this process), prints the committed weights."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    run = subprocess.run([sys.executable, "bench/jump_joins.py", "--eval-issues", "0"], cwd=ROOT,
                         capture_output=True, text=True, check=True, timeout=600)
    printed = re.search(r"^JOIN_WEIGHTS = \(([^)]*)\)", run.stdout, re.M).group(1)
    assert tuple(float(w) for w in printed.split(", ")) == JOIN_WEIGHTS
