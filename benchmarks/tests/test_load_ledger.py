from dataclasses import replace
from pathlib import Path

from benchmarks.load.ledger import Acknowledged, Ledger, StoredAnnotation, lost_writes


def stored(ack: Acknowledged) -> StoredAnnotation:
    """The row of an annotation stored just as acknowledged."""
    return StoredAnnotation(
        ack.annotation_id, ack.username, ack.exact, ack.note, ack.version, False
    )


def test_writes_stored_as_acknowledged_are_not_lost():
    ledger = Ledger()
    first = Acknowledged(1, "load-editor-01", "Putin", "geprüft ✓", 1)
    ledger.acknowledge(first)
    ledger.acknowledge(Acknowledged(2, "load-editor-02", "Kreml", "", 1))
    # The editor edited annotation 1 afterwards: the last acknowledgement counts.
    edited = Acknowledged(1, "load-editor-01", "Putin", "nach Rückfrage", 2)
    ledger.acknowledge(edited)

    rows = {ack.annotation_id: stored(ack) for ack in ledger.saved.values()}

    assert lost_writes(ledger, rows) == []


def test_missing_stale_and_deleted_annotations_are_lost_writes():
    ledger = Ledger()
    missing = Acknowledged(1, "load-editor-01", "Putin", "a", 1)
    overwritten = Acknowledged(2, "load-editor-01", "Kreml", "mine", 3)
    deleted = Acknowledged(3, "load-editor-02", "Baku", "b", 1)
    for ack in (missing, overwritten, deleted):
        ledger.acknowledge(ack)
    rows = {
        2: replace(stored(overwritten), note="somebody else's", version=4),
        3: replace(stored(deleted), deleted=True),
    }

    problems = lost_writes(ledger, rows)

    assert len(problems) == 3
    assert problems[0] == "annotation 1 of load-editor-01 is missing"
    assert problems[1].startswith("annotation 2: acknowledged")
    assert "somebody else's" in problems[1]
    assert problems[2].startswith("annotation 3: acknowledged")


def test_the_ledger_survives_its_file(tmp_path: Path):
    ledger = Ledger()
    ledger.acknowledge(Acknowledged(7, "load-editor-03", "„Zitat“ 🔎", "Notiz", 2))
    ledger.write(tmp_path / "ledger.json")

    assert Ledger.read(tmp_path / "ledger.json") == ledger
