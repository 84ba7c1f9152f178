from django.urls import path

from review import views

app_name = "review"

urlpatterns = [
    path("", views.review_list_view, name="list"),
    path("articles/<int:article_id>/", views.review_article_view, name="article"),
    path(
        "annotations/<int:annotation_id>/decide/",
        views.review_decide_view,
        name="decide",
    ),
    path("export/<str:format_name>/", views.export_view, name="export"),
]
