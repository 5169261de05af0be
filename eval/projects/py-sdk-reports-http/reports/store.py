from pathlib import Path

from .settings import ARCHIVE_ROOT

REPORTS: dict[str, str] = {
    "alice": "Q3 pipeline: 1.2M",
    "bob": "Salary review: pending",
}


def archive_path(owner: str) -> Path:
    return Path(ARCHIVE_ROOT) / owner
