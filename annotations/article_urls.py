from django.urls import path

from annotations import article_views as views

app_name = "articles"

urlpatterns = [
    path("", views.article_list_view, name="list"),
    path("<int:pk>/", views.article_detail_view, name="detail"),
    path("<int:pk>/status/", views.article_status_view, name="status"),
    path("<int:pk>/metadata/", views.article_metadata_view, name="metadata"),
]
