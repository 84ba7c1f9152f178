"""The selection and the command shared by all export formats, on the annotated set."""

import pytest
from django.core.management import CommandError, call_command

from review.export.selection import Selection, SelectionForm, article_groups
from review.tests.support import build_export_set


@pytest.fixture
def export_set(db, seeds_dir, tmp_path, editor, other_editor):
    return build_export_set(seeds_dir, tmp_path, editor, other_editor)


def test_groups_hold_every_live_placed_annotation_once_in_text_order(export_set):
    groups = list(article_groups(Selection(), chunk_size=3))
    exported = [a.pk for g in groups for a in g.annotations]
    assert sorted(exported) == sorted(a.pk for a in export_set["annotations"])
    assert [g.article.pk for g in groups] == sorted({g.article.pk for g in groups})
    for group in groups:
        assert [a.start for a in group.annotations] == sorted(a.start for a in group.annotations)
        for a in group.annotations:
            assert group.article.body[a.start : a.end] == a.exact
    dpa_claim = next(a for g in groups for a in g.annotations if a.sources)
    assert set(dpa_claim.sources) == {"dpa", "Kreml"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"label": "Zahl"}, 2),
        ({"status": "accepted"}, 1),
        ({"author": "otto"}, 3),
        ({"source": "KREML"}, 1),
        ({"date_from": "2023-09-01"}, 1),
        ({"date_from": "2023-09-02"}, 0),
        ({"date_to": "2023-12-31"}, 1),
    ],
)
def test_filters(export_set, params, expected):
    form = SelectionForm(params)
    assert form.is_valid(), form.errors
    assert sum(len(g.annotations) for g in article_groups(form.selection())) == expected


def test_article_filter(export_set):
    article = export_set["emoji"]
    form = SelectionForm({"article": str(article.pk)})
    assert form.is_valid()
    assert [g.article.pk for g in article_groups(form.selection())] == [article.pk]


@pytest.mark.parametrize(
    "params",
    [
        {"label": "Unbekannt"},
        {"author": "nobody"},
        {"source": "Niemand"},
        {"status": "maybe"},
        {"date_from": "2025-13-01"},
        {"date_from": "2025-02-01", "date_to": "2025-01-01"},
    ],
)
def test_bad_filters_are_refused(export_set, params):
    assert not SelectionForm(params).is_valid()


def test_command_writes_the_file(export_set, tmp_path):
    output = tmp_path / "set.jsonl"
    call_command("export_annotations", "--format", "doccano", "--label", "Zitat", "-o", output)
    assert len(output.read_text(encoding="utf-8").splitlines()) == 2


def test_command_refuses_bad_filters_and_writes_nothing(export_set, tmp_path):
    output = tmp_path / "set.csv"
    with pytest.raises(CommandError, match="Nope"):
        call_command("export_annotations", "--format", "csv", "--label", "Nope", "-o", output)
    assert not output.exists()


def test_command_writes_to_standard_output(export_set, capfdbinary):
    call_command("export_annotations", "--format", "csv", "--author", "otto", "-o", "-")
    out = capfdbinary.readouterr().out.decode("utf-8-sig")
    assert len(out.splitlines()) == 4


@pytest.mark.django_db(transaction=True)
def test_export_outside_a_transaction_reads_in_its_own(seeds_dir, tmp_path, editor, other_editor):
    # As in production: no test transaction around it (on PostgreSQL: REPEATABLE READ).
    build_export_set(seeds_dir, tmp_path, editor, other_editor)
    output = tmp_path / "set.csv"
    call_command("export_annotations", "--format", "csv", "-o", output)
    assert len(output.read_text(encoding="utf-8-sig").splitlines()) == 9


def test_story_filter_follows_the_story_membership(export_set, editor):
    from stories.models import Story
    from stories.services import story_article_add, story_article_remove

    a0, a3 = export_set["articles"]["000"], export_set["articles"]["003"]
    story = Story.objects.create(title="Absturz der AZAL-Maschine")
    for article in (a0, a3):
        story_article_add(story=story, article=article, user=editor)

    def exported(story_id):
        form = SelectionForm({"story": str(story_id)})
        assert form.is_valid(), form.errors
        return sorted(a.pk for g in article_groups(form.selection()) for a in g.annotations)

    def annotations_of(*articles):
        return sorted(
            a.pk for a in export_set["annotations"] if a.article_id in {x.pk for x in articles}
        )

    assert exported(story.pk) == annotations_of(a0, a3)
    story_article_remove(story=story, article=a3, user=editor)
    assert exported(story.pk) == annotations_of(a0)


def test_unknown_story_is_refused_by_name(export_set, tmp_path):
    form = SelectionForm({"story": "999999"})
    assert not form.is_valid()
    assert "story" in form.errors
    output = tmp_path / "x.csv"
    with pytest.raises(CommandError, match=r"^story: \S"):  # the field, then the reason
        call_command("export_annotations", "--format", "csv", "--story", "999999", "-o", output)
    assert not output.exists()
