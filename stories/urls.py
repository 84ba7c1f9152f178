from django.urls import include, path

from stories import views

app_name = "stories"

story_patterns = [
    path("", views.story_detail_view, name="detail"),
    path("rename/", views.story_rename_view, name="rename"),
    path("articles/", views.story_article_add_view, name="add-article"),
    path(
        "articles/<int:article_id>/remove/",
        views.story_article_remove_view,
        name="remove-article",
    ),
]

comparison_patterns = [
    path("", views.compare_view, name="compare"),
    path("copy-to/<int:target_id>/", views.annotation_copy_view, name="copy"),
]

urlpatterns = [
    path("stories/", views.story_list_view, name="list"),
    path("stories/<int:story_id>/", include(story_patterns)),
    path("articles/<int:article_id>/related/", views.related_view, name="related"),
    path("articles/<int:article_id>/date/", views.article_date_view, name="article-date"),
    path("compare/<int:left_id>/<int:right_id>/", include(comparison_patterns)),
]
