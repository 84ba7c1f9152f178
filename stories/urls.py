from django.urls import path

from stories import views

app_name = "stories"

urlpatterns = [
    path("stories/", views.story_list_view, name="list"),
    path("stories/<int:story_id>/", views.story_detail_view, name="detail"),
    path("stories/<int:story_id>/rename/", views.story_rename_view, name="rename"),
    path("stories/<int:story_id>/articles/", views.story_article_add_view, name="add-article"),
    path(
        "stories/<int:story_id>/articles/<int:article_id>/remove/",
        views.story_article_remove_view,
        name="remove-article",
    ),
    path("articles/<int:article_id>/related/", views.related_view, name="related"),
    path("articles/<int:article_id>/date/", views.article_date_view, name="article-date"),
    path("compare/<int:left_id>/<int:right_id>/", views.compare_view, name="compare"),
    path(
        "compare/<int:left_id>/<int:right_id>/copy-to/<int:target_id>/",
        views.annotation_copy_view,
        name="copy",
    ),
]
