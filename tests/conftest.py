from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"
CLEAN_CORPUS = SHARED / "corpus" / "external" / "clean"
DIRTY_CORPUS = SHARED / "corpus" / "external" / "dirty"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not beside the project (../shared)")
    return path
