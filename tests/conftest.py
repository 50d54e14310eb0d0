"""Shared fixtures: paths to the seeds and to the shared corpus."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus" / "peoples-daily"


@pytest.fixture
def seeds_dir():
    return SEEDS


@pytest.fixture
def corpus_dir():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    return CORPUS
