"""Which text an open workspace shows, and what happens when a re-import changed it.

The workspace sends the content hash of the article text it was rendered from with
every htmx request (`hx-headers` on `#workspace`). A selection made on an older text
cannot be trusted; such a request gets 409 and `HX-Refresh`: the browser reloads the
workspace, which shows the new text with the annotations re-anchored, and a message.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.utils.html import escape
from django.utils.translation import gettext as _

from articles.models import Article

HEADER = "X-Article-Hash"


def stale_text_response(request: HttpRequest, article: Article) -> HttpResponse | None:
    """A 409 for a request made on an older text of `article`, or None if it is current.

    Requests without the header (plain form posts, API clients) are checked by the
    selection verification alone.
    """
    shown = request.headers.get(HEADER)
    if shown is None or shown == article.content_hash:
        return None
    message = _(
        "The article was re-imported with a changed text while you had it open, so "
        "nothing was saved. The page now shows the new text with the annotations moved "
        "to it: please select the words again."
    )
    messages.warning(request, message)
    response = HttpResponse(f'<p class="error" role="alert">{escape(message)}</p>', status=409)
    response["HX-Refresh"] = "true"
    return response
