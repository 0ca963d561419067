"""Own words: no run of 8+ words is shared with the source document the project started from."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECKER = ROOT.parent / "shared" / "tools" / "check_copying.py"


@pytest.mark.skipif(not CHECKER.exists(), reason="the shared content tools are not beside this checkout")
def test_no_sentences_copied_from_the_source_document() -> None:
    result = subprocess.run([sys.executable, str(CHECKER), str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
