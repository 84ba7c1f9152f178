"""The annotation status form of an article, for templates that have only the article."""

from django import template

from annotations.article_forms import ArticleStatusForm
from articles.models import Article

register = template.Library()


@register.simple_tag
def status_form_for(article: Article, posted: object = None) -> ArticleStatusForm:
    """`{% status_form_for article status_form as form %}`: the form posted for this
    article (with its errors), or one showing the article's status."""
    if isinstance(posted, ArticleStatusForm) and posted.article_id == article.pk:
        return posted
    return ArticleStatusForm(article=article)
