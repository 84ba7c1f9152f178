from django.urls import path

from review import adjudication_views, views

app_name = "review"

urlpatterns = [
    path("", views.review_list_view, name="list"),
    path("articles/<int:article_id>/", views.review_article_view, name="article"),
    path(
        "articles/<int:article_id>/adjudicate/",
        adjudication_views.adjudicate_view,
        name="adjudicate",
    ),
    path(
        "articles/<int:article_id>/adjudicate/accept/",
        adjudication_views.adjudicate_accept_view,
        name="adjudicate-accept",
    ),
    path(
        "articles/<int:article_id>/adjudicate/merge/",
        adjudication_views.adjudicate_merge_view,
        name="adjudicate-merge",
    ),
    path(
        "articles/<int:article_id>/adjudicate/version/",
        adjudication_views.adjudicate_version_view,
        name="adjudicate-version",
    ),
    path(
        "annotations/<int:annotation_id>/decide/",
        views.review_decide_view,
        name="decide",
    ),
    path("export/<str:format_name>/", views.export_view, name="export"),
]
