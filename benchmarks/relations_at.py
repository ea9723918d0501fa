"""A tree to score one commit's relation finder in: the rest of kg as it is now, the relation code
(kg/extract/relations.py before it became the package kg/extract/relations/) as it was then.
relation_history.sh and relation_fresh.py run their scoring there; the working tree is never
written to.

    python benchmarks/relations_at.py COMMIT DEST   # builds DEST, prints it
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# the file, and the package that replaced it
RELATION_PATHS = ("kg/extract/relations.py", "kg/extract/relations")


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


def relations_tree(commit: str, dest: Path) -> Path:
    """``dest`` with kg/ copied from the working tree, its relation code taken from ``commit``,
    and every other top-level entry (tests/data, models) linked, so data paths resolve."""
    dest.mkdir(parents=True, exist_ok=True)
    for entry in ROOT.iterdir():
        if entry.name not in ("kg", ".git") and not (dest / entry.name).exists():
            (dest / entry.name).symlink_to(entry)
    shutil.copytree(ROOT / "kg", dest / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    for rel in RELATION_PATHS:
        target = dest / rel
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink(missing_ok=True)
    for path in _git("ls-tree", "-r", "--name-only", commit, "--", *RELATION_PATHS).split():
        (dest / path).parent.mkdir(parents=True, exist_ok=True)
        (dest / path).write_text(_git("show", f"{commit}:{path}"), encoding="utf-8")
    return dest


if __name__ == "__main__":
    print(relations_tree(sys.argv[1], Path(sys.argv[2])))
