"""Newsdesk URLs."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="articles:list"), name="home"),
    path("articles/", include("annotations.article_urls")),
    path("entities/", include("entities.urls")),
    path("", include("annotations.urls")),
    path("review/", include("review.urls")),
    path("", include("stories.urls")),
    path("claims/", include("claims.urls")),
    path("", include("workflow.urls")),
    path("import/", include("ingest.urls")),
    # Accounts: no self-service password reset (there is no mail server; admins set
    # passwords), so only these four of django.contrib.auth.urls.
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password_change/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password_change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
]
