from django.urls import path

from claims import views

app_name = "claims"

urlpatterns = [
    path("", views.claim_list_view, name="list"),
    path("<int:claim_id>/", views.claim_detail_view, name="detail"),
    path("<int:claim_id>/update/", views.claim_update_view, name="update"),
    path("annotations/<int:annotation_id>/", views.annotation_claim_view, name="annotation"),
    path("annotations/<int:annotation_id>/make/", views.claim_make_view, name="make"),
    path("annotations/<int:annotation_id>/attach/", views.claim_attach_view, name="attach"),
    path("annotations/<int:annotation_id>/search/", views.claim_search_view, name="search"),
    path("articles/<int:article_id>/suggestions/", views.suggestions_view, name="suggestions"),
    path(
        "articles/<int:article_id>/suggestions/accept/",
        views.suggestion_accept_view,
        name="suggestion-accept",
    ),
    path(
        "articles/<int:article_id>/suggestions/dismiss/",
        views.suggestion_dismiss_view,
        name="suggestion-dismiss",
    ),
]
