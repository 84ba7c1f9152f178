from django.urls import path

from ingest import views

app_name = "ingest"

urlpatterns = [
    path("", views.import_start_view, name="start"),
    path("upload/", views.import_upload_view, name="upload"),
    path("url/", views.import_url_view, name="url"),
    path("jobs/<int:job_id>/", views.import_job_view, name="job"),
]
