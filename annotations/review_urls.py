from django.urls import path

from annotations import review_views

app_name = "review"

urlpatterns = [
    path("export/<str:format_name>/", review_views.export_view, name="export"),
]
