from django.urls import path

from entities import link_views, views

app_name = "entities"

urlpatterns = [
    path("", views.entity_list_view, name="list"),
    path("candidates/", views.candidate_queue_view, name="candidates"),
    path("candidates/<int:pk>/decide/", views.candidate_decide_view, name="candidate_decide"),
    path("<int:pk>/", views.entity_detail_view, name="detail"),
    path("mentions/<int:pk>/decide/", views.mention_decide_view, name="mention_decide"),
    path("<int:pk>/external-id/", views.entity_external_id_view, name="external_id"),
    path("link/<int:article_id>/", link_views.entity_link_panel_view, name="link_panel"),
    path("link/<int:article_id>/mention/", link_views.entity_link_view, name="link"),
    path("link/<int:article_id>/candidate/", link_views.entity_propose_view, name="propose"),
]
