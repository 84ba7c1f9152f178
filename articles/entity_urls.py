from django.urls import path

from articles import entity_views

app_name = "entities"

urlpatterns = [
    path("", entity_views.entity_list_view, name="list"),
    path("candidates/", entity_views.candidate_queue_view, name="candidates"),
    path(
        "candidates/<int:pk>/decide/", entity_views.candidate_decide_view, name="candidate_decide"
    ),
    path("<int:pk>/", entity_views.entity_detail_view, name="detail"),
    path("mentions/<int:pk>/decide/", entity_views.mention_decide_view, name="mention_decide"),
    path("<int:pk>/external-id/", entity_views.entity_external_id_view, name="external_id"),
]
