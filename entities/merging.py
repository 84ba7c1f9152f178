"""Merging two entities into one, and undoing it: the merged entity's mentions and aliases
move to the kept one, and a snapshot keeps what is needed to bring it back."""

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from entities.gazetteer import gazetteer_changed
from entities.models import Entity, EntityAlias, EntityCandidate, EntityMerge, Mention
from newsdesk.history import history_record


def entity_merge(*, kept: Entity, merged: Entity, user: User) -> EntityMerge:
    """Move `merged`'s mentions and aliases to `kept`, its name becoming an alias; undoable."""
    if kept.pk == merged.pk:
        raise ValueError("an entity cannot be merged into itself")
    with transaction.atomic():
        mentions = list(Mention.objects.filter(entity=merged))
        taken = set(Mention.objects.filter(entity=kept).values_list("article_id", "start", "end"))
        moved = [m for m in mentions if (m.article_id, m.start, m.end) not in taken]
        dropped = [m for m in mentions if (m.article_id, m.start, m.end) in taken]
        aliases = list(merged.aliases.values_list("name", "kind"))
        snapshot = {
            "entity": {
                "id": merged.pk,
                "name": merged.name,
                "kind": merged.kind,
                "external_id": merged.external_id,
                "notes": merged.notes,
            },
            "aliases": [{"name": name, "kind": kind} for name, kind in aliases],
            "moved_mentions": [m.pk for m in moved],
            "dropped_mentions": [_mention_data(m) for m in dropped],
            "candidates": list(
                EntityCandidate.objects.filter(
                    Q(entity=merged) | Q(proposed_entity=merged)
                ).values_list("pk", flat=True)
            ),
        }
        known = {name.lower() for name in kept.aliases.values_list("name", flat=True)}
        known.add(kept.name.lower())
        added = [
            EntityAlias(entity=kept, name=name, kind=kind)
            for name, kind in [(merged.name, str(EntityAlias.Kind.VARIANT)), *aliases]
            if name.lower() not in known
        ]
        EntityAlias.objects.bulk_create(added)
        history_record(added, user=user, created=True)
        snapshot["added_aliases"] = [a.pk for a in added]
        Mention.objects.filter(pk__in=[m.pk for m in moved]).update(entity=kept)
        EntityCandidate.objects.filter(entity=merged).update(entity=kept)
        EntityCandidate.objects.filter(proposed_entity=merged).update(proposed_entity=kept)
        record = EntityMerge.objects.create(
            kept=kept,
            merged_name=merged.name,
            snapshot=snapshot,
            merged_by=user,
        )
        merged.delete()
    gazetteer_changed()
    return record


def entity_merge_undo(*, merge: EntityMerge) -> Entity:
    """Bring the merged entity back with its aliases and mentions, as before the merge."""
    if merge.undone_at is not None:
        raise ValueError("this merge was already undone")
    snapshot = merge.snapshot
    with transaction.atomic():
        data = snapshot["entity"]
        restored = Entity.objects.create(
            name=data["name"],
            kind=data["kind"],
            external_id=data["external_id"],
            notes=data["notes"],
        )
        EntityAlias.objects.filter(pk__in=snapshot["added_aliases"]).delete()
        history_record(
            EntityAlias.objects.bulk_create(
                EntityAlias(entity=restored, name=a["name"], kind=a["kind"])
                for a in snapshot["aliases"]
            ),
            user=None,
            created=True,
        )
        Mention.objects.filter(pk__in=snapshot["moved_mentions"]).update(entity=restored)
        Mention.objects.bulk_create(
            (Mention(entity=restored, **m) for m in snapshot["dropped_mentions"]),
            ignore_conflicts=True,
        )
        EntityCandidate.objects.filter(pk__in=snapshot["candidates"], entity=merge.kept).update(
            entity=restored
        )
        EntityCandidate.objects.filter(
            pk__in=snapshot["candidates"], proposed_entity=merge.kept
        ).update(proposed_entity=restored)
        merge.undone_at = timezone.now()
        merge.save(update_fields=["undone_at"])
    gazetteer_changed()
    return restored


def _mention_data(mention: Mention) -> dict[str, object]:
    return {
        "article_id": mention.article_id,
        "start": mention.start,
        "end": mention.end,
        "surface": mention.surface,
        "method": mention.method,
        "confidence": mention.confidence,
        "decision": mention.decision,
        "evidence": mention.evidence,
        "confirmed_by_id": mention.confirmed_by_id,
    }
