from collections import defaultdict

from django.db import migrations

from newstext.names import name_key


def merge_by_key(apps, schema_editor):
    """Fill the keys; sources whose names share a key become one (the oldest), and every
    row that pointed at a merged source points at the one kept. Aliases with a key that is
    already taken are dropped: their name already finds the source it names."""
    Source = apps.get_model("articles", "Source")
    SourceAlias = apps.get_model("articles", "SourceAlias")
    groups = defaultdict(list)
    for source in Source.objects.order_by("pk"):
        groups[name_key(source.name)].append(source)
    for key, (kept, *merged) in groups.items():
        for source in merged:
            _repoint(Source, source, kept)
            source.delete()
        Source.objects.filter(pk=kept.pk).update(key=key)
    taken = set(groups)
    for alias in SourceAlias.objects.order_by("pk"):
        key = name_key(alias.name)
        if key in taken:
            alias.delete()
        else:
            taken.add(key)
            SourceAlias.objects.filter(pk=alias.pk).update(key=key)


def _repoint(Source, merged, kept) -> None:
    """Move every visible relation from `merged` to `kept` (history rows keep their ids)."""
    for relation in Source._meta.related_objects:
        if relation.hidden:
            continue  # simple_history's rows: the past stays as it was
        if relation.many_to_many:
            through = relation.through
            own = relation.field.m2m_reverse_field_name()
            other = relation.field.m2m_field_name()
            linked = through.objects.filter(**{own: kept}).values_list(f"{other}_id", flat=True)
            through.objects.filter(**{own: merged, f"{other}_id__in": list(linked)}).delete()
            through.objects.filter(**{own: merged}).update(**{own: kept})
        else:
            field = relation.field.name
            relation.related_model.objects.filter(**{field: merged}).update(**{field: kept})


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_source_name_key")]

    operations = [migrations.RunPython(merge_by_key, migrations.RunPython.noop)]
