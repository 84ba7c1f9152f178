from django.urls import include, path

from claims import views

app_name = "claims"

claim_patterns = [
    path("", views.claim_detail_view, name="detail"),
    path("update/", views.claim_update_view, name="update"),
]

annotation_patterns = [
    path("", views.annotation_claim_view, name="annotation"),
    path("make/", views.claim_make_view, name="make"),
    path("attach/", views.claim_attach_view, name="attach"),
    path("search/", views.claim_search_view, name="search"),
]

suggestion_patterns = [
    path("", views.suggestions_view, name="suggestions"),
    path("accept/", views.suggestion_accept_view, name="suggestion-accept"),
    path("dismiss/", views.suggestion_dismiss_view, name="suggestion-dismiss"),
]

urlpatterns = [
    path("", views.claim_list_view, name="list"),
    path("<int:claim_id>/", include(claim_patterns)),
    path("annotations/<int:annotation_id>/", include(annotation_patterns)),
    path("articles/<int:article_id>/suggestions/", include(suggestion_patterns)),
]
