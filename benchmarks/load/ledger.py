"""What the simulated editors were told was saved, and the check that it all was.

No Django and no locust imports: the editors (in the locust process) fill a `Ledger`,
the runner reads the database and compares with `lost_writes`.
"""

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Acknowledged:
    """One annotation as the server last confirmed it to its author."""

    annotation_id: int
    username: str
    exact: str
    note: str
    version: int


@dataclass
class Ledger:
    """Every acknowledged write of one run, by annotation id (the last one wins)."""

    saved: dict[int, Acknowledged] = field(default_factory=dict)

    def acknowledge(self, saved: Acknowledged) -> None:
        self.saved[saved.annotation_id] = saved

    def write(self, path: Path) -> None:
        path.write_text(json.dumps([asdict(a) for a in self.saved.values()]), encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> "Ledger":
        ledger = cls()
        for item in json.loads(path.read_text(encoding="utf-8")):
            ledger.acknowledge(Acknowledged(**item))
        return ledger


@dataclass(frozen=True)
class StoredAnnotation:
    """An annotation row as the database holds it after the run."""

    annotation_id: int
    username: str
    exact: str
    note: str
    version: int
    deleted: bool


def lost_writes(ledger: Ledger, stored: dict[int, StoredAnnotation]) -> list[str]:
    """One line per acknowledged write the database does not hold as acknowledged."""
    problems = []
    for ack in ledger.saved.values():
        row = stored.get(ack.annotation_id)
        if row is None:
            problems.append(f"annotation {ack.annotation_id} of {ack.username} is missing")
            continue
        expected = (ack.username, ack.exact, ack.note, ack.version, False)
        found = (row.username, row.exact, row.note, row.version, row.deleted)
        if found != expected:
            problems.append(
                f"annotation {ack.annotation_id}: acknowledged {expected}, stored {found}"
            )
    return problems
