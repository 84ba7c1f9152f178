from django.urls import path

from annotations import review_views

app_name = "review"

urlpatterns = [
    path("", review_views.review_list_view, name="list"),
    path("articles/<int:article_id>/", review_views.review_article_view, name="article"),
    path(
        "annotations/<int:annotation_id>/decide/",
        review_views.review_decide_view,
        name="decide",
    ),
    path("export/<str:format_name>/", review_views.export_view, name="export"),
]
