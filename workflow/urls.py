from django.urls import path

from workflow import views

app_name = "workflow"

urlpatterns = [
    path("my-work/", views.my_work_view, name="my-work"),
    path("assignments/", views.assign_articles_view, name="assign"),
    path(
        "articles/<int:article_id>/assignments/",
        views.article_assignments_view,
        name="article-assignments",
    ),
    path(
        "assignments/<int:assignment_id>/delete/",
        views.assignment_delete_view,
        name="assignment-delete",
    ),
    path("annotations/<int:annotation_id>/replies/", views.replies_view, name="replies"),
    path("inbox/", views.inbox_view, name="inbox"),
    path("inbox/read/", views.inbox_mark_read_view, name="inbox-read"),
    path("progress/", views.progress_view, name="progress"),
]
