"""Newsdesk URLs."""

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="articles:list"), name="home"),
    path("articles/", include("articles.urls")),
    path("entities/", include("articles.entity_urls")),
    path("", include("annotations.urls")),
    path("review/", include("annotations.review_urls")),
    path("", include("stories.urls")),
    path("claims/", include("claims.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
]
