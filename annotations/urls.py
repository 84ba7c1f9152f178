from django.urls import path

from annotations import views

app_name = "annotations"

urlpatterns = [
    path("articles/<int:article_id>/annotations/", views.annotation_create_view, name="create"),
    path("articles/<int:article_id>/annotations/cards/", views.annotation_cards_view, name="cards"),
    path(
        "articles/<int:article_id>/annotations/card-filters/",
        views.annotation_card_filters_view,
        name="card-filters",
    ),
    path(
        "articles/<int:article_id>/text-blocks/",
        views.article_text_blocks_view,
        name="text-blocks",
    ),
    path("annotations/<int:annotation_id>/", views.annotation_card_view, name="card"),
    path("annotations/<int:annotation_id>/edit/", views.annotation_edit_view, name="edit"),
    path("annotations/<int:annotation_id>/history/", views.annotation_history_view, name="history"),
    path("annotations/<int:annotation_id>/update/", views.annotation_update_view, name="update"),
    path("annotations/<int:annotation_id>/delete/", views.annotation_delete_view, name="delete"),
    path("annotations/<int:annotation_id>/restore/", views.annotation_restore_view, name="restore"),
    path(
        "annotations/<int:annotation_id>/reattach/",
        views.annotation_reattach_view,
        name="reattach",
    ),
    path("annotations/sources/suggest/", views.source_suggestions_view, name="source-suggestions"),
    path("annotations/labels.css", views.label_styles_view, name="label-styles"),
]
