"""Interface strings of Django and its admin that Django's German catalogue does not
translate (yet): Django 6.1's blank choice label and the admin's action button. Named here
so that `make messages` keeps their German in our catalogue; nothing imports this module."""

from django.utils.translation import gettext_noop

DJANGO_MESSAGES = (
    gettext_noop("- Select an option -"),
    gettext_noop("Run"),
)
