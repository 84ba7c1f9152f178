"""Issue 14 item 24: a duplicate label key showed the raw constraint name, and a new
label's default position sorted it between existing ones."""

from django.urls import reverse

from annotations.models import Label


def labels() -> None:
    Label.objects.create(name="Behauptung", name_en="Claim", key="1", position=0)
    Label.objects.create(name="Zitat", name_en="Quote", key="2", position=1)


def test_a_duplicate_key_is_refused_in_words(client, admin_user) -> None:
    labels()
    client.force_login(admin_user)
    data = {"name": "Einschätzung", "name_en": "", "description": "", "colour": "#a5d6a7"}
    response = client.post(
        reverse("admin:annotations_label_add"),
        {**data, "key": "1", "position": "5", "is_active": "on"},
        headers={"Accept-Language": "en"},
    )
    html = response.content.decode()
    assert "label_key_unique" not in html
    assert "The key 1 is already used by the label “Behauptung”." in html
    assert not Label.objects.filter(name="Einschätzung").exists()


def test_a_duplicate_key_in_the_list_is_refused_in_words(client, admin_user) -> None:
    labels()
    client.force_login(admin_user)
    first, second = Label.objects.order_by("position")
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "_save": "Save",
    }
    for index, label in enumerate((first, second)):
        data |= {
            f"form-{index}-id": str(label.pk),
            f"form-{index}-key": "1",
            f"form-{index}-colour": label.colour,
            f"form-{index}-position": str(label.position),
            f"form-{index}-is_active": "on",
        }
    response = client.post(
        reverse("admin:annotations_label_changelist"), data, headers={"Accept-Language": "en"}
    )
    html = response.content.decode()
    assert "label_key_unique" not in html
    assert "already used by the label" in html


def test_a_new_label_comes_after_the_others(client, admin_user) -> None:
    labels()
    client.force_login(admin_user)
    html = client.get(reverse("admin:annotations_label_add")).content.decode()
    assert 'name="position" value="2"' in html
