from django.urls import include, path

from annotations import article_views as views

app_name = "articles"

article_patterns = [
    path("", views.article_detail_view, name="detail"),
    path("status/", views.article_status_view, name="status"),
    path("metadata/", views.article_metadata_view, name="metadata"),
]

urlpatterns = [
    path("", views.article_list_view, name="list"),
    path("<int:pk>/", include(article_patterns)),
]
