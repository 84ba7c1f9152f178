import itertools

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article
from ingest.pipeline import files_import
from newstext.shingles import overlap, shingles
from stories.models import ArticleBand, NearDuplicate
from stories.near_duplicates import KEY_HOLDERS, near_duplicates_index, near_duplicates_rebuild

# A lookup: savepoint, old keys and old pairs deleted, the keys' newest holders, new keys,
# the pairs stored of the holders (clusters), the candidates' texts, the pairs, release:
# the same on both databases, however many bands, holders or candidates.
LOOKUP_STATEMENTS = 9
# Five articles indexed before, all in the batch: no candidate's text is read.
BATCH_STATEMENTS = 7


def pair_of(first, second) -> NearDuplicate:
    low, high = sorted([first, second], key=lambda a: a.pk)
    return NearDuplicate.objects.get(first=low, second=high)


def test_only_000_and_001_are_near_duplicates_with_exact_scores(seeded):
    assert NearDuplicate.objects.count() == 1
    pair = pair_of(seeded["000"], seeded["001"])
    assert pair.first == seeded["000"]  # imported first, smaller id
    assert pair.jaccard == pytest.approx(0.60, abs=0.005)
    assert pair.second_in_first == pytest.approx(0.97, abs=0.005)  # 001 is inside 000
    assert pair.first_in_second == pytest.approx(0.61, abs=0.005)


def test_a_pair_records_when_it_was_found(seeded):
    before = timezone.now()
    near_duplicates_index(articles=[seeded["001"]])
    found_at = pair_of(seeded["000"], seeded["001"]).found_at
    assert before <= found_at <= timezone.now()


def test_every_article_has_one_key_per_band(seeded, settings):
    for article in seeded.values():
        bands = ArticleBand.objects.filter(article=article)
        assert sorted(bands.values_list("band", flat=True)) == list(
            range(settings.NEAR_DUPLICATE_LSH_BANDS)
        )


def test_other_seed_pairs_overlap_little(seeded):
    for a, b in itertools.combinations(sorted(seeded), 2):
        if {a, b} == {"000", "001"}:
            continue
        scores = overlap(shingles(seeded[a].body), shingles(seeded[b].body))
        assert scores.jaccard <= 0.03, (a, b)
        assert scores.containment <= 0.035, (a, b)


def test_reimport_with_changed_text_recomputes_the_pair(
    seeded, tmp_path, seeds_dir, django_capture_on_commit_callbacks
):
    before = pair_of(seeded["000"], seeded["001"])
    changed = tmp_path / "001_9820c8e68323574d.txt"
    text = (seeds_dir / "001_9820c8e68323574d.txt").read_text(encoding="utf-8")
    # Keep 12 of its 16 sentences: less of 000 in it, still nearly all of it inside 000.
    # (The first paragraph alone, Jaccard 0.26, would be a candidate with probability 0.5.)
    changed.write_text(". ".join(text.split(". ")[:12]), encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        list(files_import([changed], max_bytes=10**7))
    pair = pair_of(seeded["000"], seeded["001"])
    assert pair.jaccard < before.jaccard - 0.1
    assert pair.second_in_first > 0.95


def test_a_threshold_above_the_pair_drops_it(seeded, settings):
    settings.NEAR_DUPLICATE_CONTAINMENT = 0.99
    settings.NEAR_DUPLICATE_JACCARD = 0.99
    near_duplicates_index(articles=[seeded["001"]])
    assert not NearDuplicate.objects.exists()


def test_rebuild_command_indexes_existing_articles(seeded, settings):
    NearDuplicate.objects.all().delete()
    ArticleBand.objects.all().delete()
    call_command("index_near_duplicates", verbosity=0)
    assert NearDuplicate.objects.count() == 1
    assert ArticleBand.objects.count() == 5 * settings.NEAR_DUPLICATE_LSH_BANDS
    report = near_duplicates_rebuild(article_ids=[seeded["001"].pk])
    assert (report.articles, report.pairs) == (1, 1)


def rewrite_of(article: Article, paragraphs: int) -> Article:
    """A new article holding the first paragraphs of this one: a shortened rewrite."""
    body = "\n\n".join(article.body.split("\n\n")[:paragraphs])
    return Article.objects.create(
        title=f"rewrite {paragraphs}", origin=f"rewrite-{paragraphs}.txt", body=body
    )


def test_a_shortened_rewrite_is_found_by_containment(seeded):
    # 000's first 4 of 10 paragraphs: Jaccard 0.43 with all of it, below the threshold.
    rewrite = rewrite_of(seeded["000"], 4)
    near_duplicates_index(articles=[rewrite])
    pair = pair_of(seeded["000"], rewrite)
    assert pair.jaccard == pytest.approx(0.43, abs=0.005)
    assert pair.second_in_first == pytest.approx(1.0)


def test_a_lookup_is_a_fixed_number_of_statements(seeded, django_assert_num_queries):
    rewrite = rewrite_of(seeded["000"], 4)
    with django_assert_num_queries(LOOKUP_STATEMENTS):
        report = near_duplicates_index(articles=[rewrite])
    assert report.pairs >= 1
    with django_assert_num_queries(LOOKUP_STATEMENTS):
        again = near_duplicates_index(articles=[rewrite])
    assert again.pairs == report.pairs
    assert NearDuplicate.objects.count() == 1 + report.pairs


def test_a_batch_takes_no_more_statements_than_one_article(
    seeded, settings, django_assert_num_queries
):
    with django_assert_num_queries(BATCH_STATEMENTS):
        report = near_duplicates_index(articles=list(seeded.values()))
    assert (report.articles, report.pairs) == (5, 1)
    assert NearDuplicate.objects.count() == 1
    assert ArticleBand.objects.count() == 5 * settings.NEAR_DUPLICATE_LSH_BANDS


def test_reindexing_an_article_replaces_its_keys_and_pairs(seeded, settings):
    article = seeded["001"]
    article.body = "Ein ganz anderer Text über etwas ganz anderes, ohne jede Ähnlichkeit."
    article.save()
    report = near_duplicates_index(articles=[article])
    assert report.pairs == 0
    assert not NearDuplicate.objects.exists()
    bands = ArticleBand.objects.filter(article=article)
    assert bands.count() == settings.NEAR_DUPLICATE_LSH_BANDS


def test_a_story_republished_many_times_is_scored_through_representatives(seeded, settings):
    original = seeded["000"]
    copies = Article.objects.bulk_create(
        Article(
            title=f"Kopie {n}",
            origin=f"copies/{n}.txt",
            body=f"{original.body}\n\nErschienen in Ausgabe {n}.",
            content_hash=f"copy-{n}",
        )
        for n in range(6)
    )
    near_duplicates_rebuild(article_ids=[copy.pk for copy in copies])
    new = Article.objects.create(
        title="Neue Kopie",
        origin="copies/new.txt",
        body=f"{original.body}\n\nNachgedruckt.",
        content_hash="copy-new",
    )
    report = near_duplicates_index(articles=[new])
    # 000, its copies and 001 are one cluster: only its representatives are scored.
    assert report.candidates == settings.NEAR_DUPLICATE_CLUSTER_REPRESENTATIVES
    assert report.pairs == settings.NEAR_DUPLICATE_CLUSTER_REPRESENTATIVES
    settings.NEAR_DUPLICATE_CLUSTER_REPRESENTATIVES = 20
    assert near_duplicates_index(articles=[new]).candidates == 8  # every copy, 000, 001


def wire_copies(original: Article, count: int, *, outlet: str = "wire") -> list[Article]:
    """`count` copies of the article's text, as outlets print a wire story, indexed as one
    import indexes them."""
    copies = Article.objects.bulk_create(
        Article(
            title=f"{original.title} ({n})",
            origin=f"{outlet}/{original.pk}/{n}.txt",
            body=original.body,
            content_hash=f"{outlet}-{original.pk}-{n}",
        )
        for n in range(count)
    )
    near_duplicates_rebuild(article_ids=[copy.pk for copy in copies])
    return copies


def test_a_new_copy_of_a_story_in_many_copies_costs_what_one_in_few_does(
    seeded, settings, django_assert_num_queries
):
    bands = settings.NEAR_DUPLICATE_LSH_BANDS
    reports = {}
    for seed, count in (("002", KEY_HOLDERS), ("003", 10 * KEY_HOLDERS)):
        wire_copies(seeded[seed], count)
        new = wire_copies(seeded[seed], 1, outlet="new")[0]
        with django_assert_num_queries(LOOKUP_STATEMENTS):
            reports[count] = near_duplicates_index(articles=[new])
    few, many = reports[KEY_HOLDERS], reports[10 * KEY_HOLDERS]
    # Of each of its keys the newest holders only: as many with 100 copies as with 10.
    assert few.entries_read == many.entries_read == bands * KEY_HOLDERS
    # All of them one cluster: its representatives scored and kept, whatever its size.
    representatives = settings.NEAR_DUPLICATE_CLUSTER_REPRESENTATIVES
    assert (few.candidates, few.pairs) == (representatives, representatives)
    assert (many.candidates, many.pairs) == (representatives, representatives)
    # Of the stored pairs, those of the holders read: each copy's with its representatives.
    assert max(few.pairs_read, many.pairs_read) <= KEY_HOLDERS * representatives


def test_one_import_of_many_copies_scores_each_against_representatives(seeded, settings):
    copies = Article.objects.bulk_create(
        Article(title=f"Kopie {n}", origin=f"copies/{n}.txt", body=seeded["002"].body)
        for n in range(30)
    )
    report = near_duplicates_index(articles=copies)
    # Each copy as if imported alone after those before it: the first is scored against
    # the seed, the second against both, every later one against 3 of their cluster.
    assert settings.NEAR_DUPLICATE_CLUSTER_REPRESENTATIVES == 3
    assert report.candidates == report.pairs == 1 + 2 + 3 * 28
    partners: dict[int, set[int]] = {copy.pk: set() for copy in copies}
    for pair in NearDuplicate.objects.filter(second__in=copies):
        partners[pair.second_id].add(pair.first_id)
    oldest = {seeded["002"].pk, copies[0].pk, copies[1].pk}  # most keys shared; then by id
    assert all(partners[copy.pk] == oldest for copy in copies[2:])


def test_deleted_copies_do_not_hide_the_story_from_a_new_copy(seeded, settings):
    copies = wire_copies(seeded["002"], 2 * KEY_HOLDERS)
    newest = copies[KEY_HOLDERS:]
    Article.objects.filter(pk__in=[copy.pk for copy in newest]).delete()
    new = wire_copies(seeded["002"], 1, outlet="new")[0]
    report = near_duplicates_index(articles=[new])
    # The next newest holders of its keys are read in their place.
    assert report.entries_read == settings.NEAR_DUPLICATE_LSH_BANDS * KEY_HOLDERS
    partners = {pair.first_id for pair in NearDuplicate.objects.filter(second=new)}
    assert len(partners) == settings.NEAR_DUPLICATE_CLUSTER_REPRESENTATIVES
    assert partners <= {copy.pk for copy in copies[:KEY_HOLDERS]}
