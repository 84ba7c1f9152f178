from django.urls import include, path

from entities import link_views, views

app_name = "entities"

entity_patterns = [
    path("", views.entity_detail_view, name="detail"),
    path("external-id/", views.entity_external_id_view, name="external_id"),
]

link_patterns = [
    path("", link_views.entity_link_panel_view, name="link_panel"),
    path("mention/", link_views.entity_link_view, name="link"),
    path("candidate/", link_views.entity_propose_view, name="propose"),
]

urlpatterns = [
    path("", views.entity_list_view, name="list"),
    path("candidates/", views.candidate_queue_view, name="candidates"),
    path("candidates/<int:pk>/decide/", views.candidate_decide_view, name="candidate_decide"),
    path("<int:pk>/", include(entity_patterns)),
    path("mentions/<int:pk>/decide/", views.mention_decide_view, name="mention_decide"),
    path("link/<int:article_id>/", include(link_patterns)),
]
