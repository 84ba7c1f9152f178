from django.urls import include, path

from review import adjudication_views, views

app_name = "review"

article_patterns = [
    path("", views.review_article_view, name="article"),
    path("adjudicate/", adjudication_views.adjudicate_view, name="adjudicate"),
    path("adjudicate/accept/", adjudication_views.adjudicate_accept_view, name="adjudicate-accept"),
    path("adjudicate/merge/", adjudication_views.adjudicate_merge_view, name="adjudicate-merge"),
    path(
        "adjudicate/version/",
        adjudication_views.adjudicate_version_view,
        name="adjudicate-version",
    ),
]

urlpatterns = [
    path("", views.review_list_view, name="list"),
    path("articles/<int:article_id>/", include(article_patterns)),
    path("annotations/<int:annotation_id>/decide/", views.review_decide_view, name="decide"),
    path("export/<str:format_name>/", views.export_view, name="export"),
]
