from django.urls import include, path

from annotations import views

app_name = "annotations"

article_patterns = [
    path("annotations/", views.annotation_create_view, name="create"),
    path("annotations/cards/", views.annotation_cards_view, name="cards"),
    path("annotations/card-filters/", views.annotation_card_filters_view, name="card-filters"),
    path("text-blocks/", views.article_text_blocks_view, name="text-blocks"),
]

annotation_patterns = [
    path("", views.annotation_card_view, name="card"),
    path("edit/", views.annotation_edit_view, name="edit"),
    path("history/", views.annotation_history_view, name="history"),
    path("update/", views.annotation_update_view, name="update"),
    path("delete/", views.annotation_delete_view, name="delete"),
    path("restore/", views.annotation_restore_view, name="restore"),
    path("reattach/", views.annotation_reattach_view, name="reattach"),
]

urlpatterns = [
    path("articles/<int:article_id>/", include(article_patterns)),
    path("annotations/<int:annotation_id>/", include(annotation_patterns)),
    path("annotations/sources/suggest/", views.source_suggestions_view, name="source-suggestions"),
    path("annotations/labels.css", views.label_styles_view, name="label-styles"),
]
