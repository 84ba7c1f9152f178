"""Before and after trafilatura: page furniture it keeps, and the lead it drops.

trafilatura recognises furniture by English names and by structure. German news sites
name theirs in German (`kommentare`, `anzeige`, `teilen`), so comments and ads in
`div`s with such names came through as article text; `furniture_drop` removes every
element whose `class` or `id` names furniture, in either language, before extraction.

Many sites set the lead (the bold paragraph under the headline) apart from the body, in
the article's header or a box of its own (`intro`, `lead`, `teaser`, `standfirst` …);
trafilatura takes the body and leaves the lead out. `lead_find` looks for it between the
headline and the body: a box named as a lead, or the text the page's own description
repeats.

Above the text many pages print the byline and the date as a line of their own
("Von Sven Lüders | 29.09.2025, 22:05 Uhr", "Ein Kommentar von …", on a site's English
pages "By …"); `byline_split` takes such lines out of the text and gives the byline;
so do such lines in the article's header that trafilatura leaves out (`byline_find`),
and an interview's closing credit ("Das Interview führte …").

Older and simpler pages write paragraphs without `<p>`: text runs separated by
`<br><br>`, or a `div` each. trafilatura scores paragraphs, so such a page came out as
the whole table layout with its menus, or lost its subheadings (`<div><b>…</b></div>`);
`paragraphs_mark` makes them paragraphs first, unwrapping a `<font>` set around a whole
text, and names a layout table's text column `main`, its side columns `aside` and its
rows under the text `footer`, as a modern page would. `notes_drop` takes out the
"Stand: …" and reading-time lines, toolbars and gallery counters, and the copyright,
source-address, mail-address, broadcast and transcript lines at the end of a text;
`repeats_drop` takes out a pull quote, a paragraph that repeats a sentence of the text.

Boxes are furniture by their heading too, whatever their class: "Mehr zum Thema",
"Meistgelesen", "Pressekontakt", "Fakten", a paywall's "Jetzt weiterlesen mit …" over a
list or a paragraph or two. A credit under the text ("Text: Merle Hansen") gives the
byline where the header gives none (`closing_credit_find`). A page listing items side
by side (an agency's ticker) is cut down to its first item (`first_item_keep`); a live
blog, whose entries look the same but tell one story, is kept whole.

Some furniture is known by its shape rather than its name: teasers to other articles,
each headed by a link (`<h2><a>…</a></h2>`), whatever the box around them is called; a
list of tools and counters ("Druckversion", "412 Aufrufe"); a picture's caption or
credit set as a `div` in the picture's box (a Drupal media field), not a `figcaption`,
and a picture's box holding no more text than a caption, whatever its parts are called.
Names are read in parts, at "-", "_" and in camel case ("audioTeaser": "audio").

The author's name may stand alone in an element named for it (`<p class="autor">Anna
Roth</p>`), which trafilatura, knowing English names only, kept as the text's first
paragraph; `author_take` takes it out and gives the name.
"""

import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Any

from newstext.datelines import WIRE_AGENCY_PATTERN
from newstext.formats.base import clean_inline, join_names
from newstext.parsing import DISTRIBUTION_FOOTER, BlockKind, count_words, is_about_heading

# Parts of class and id names (split at "-" and "_") that mark page furniture.
FURNITURE_PARTS = frozenset(
    {
        "ad", "ads", "advert", "advertisement", "anzeige", "anzeigen", "werbung",
        "comment", "comments", "kommentar", "kommentare", "leserkommentare", "disqus",
        "share", "sharing", "social", "teilen", "socialbar",
        "newsletter", "breadcrumb", "breadcrumbs", "cookie", "cookies", "consent",
        "related", "verwandte", "empfehlung", "empfehlungen", "meistgelesen", "mostread",
        "outbrain", "taboola", "autorenbox",
        "player", "audio", "video", "podcast", "mediaplayer",
        # a poll beside the text, and a contact box for questions
        "poll", "polls", "umfrage", "voting", "contact", "kontakt", "ansprechpartner",
        # consent managers' boxes, named by their vendors' classes
        "cmpbox", "cmpwrapper", "usercentrics", "didomi", "onetrust", "cmplz",
    }
)  # fmt: skip
# Data attributes that name an element's component on script-built pages (React, Vue),
# whose class names are generated hashes.
COMPONENT_ATTRIBUTES = ("data-testid", "data-test", "data-qa", "data-cy", "data-component")
# A picture's caption or credit set as a `div` of its own inside the picture's box (a
# Drupal media field "field--name-field-bildunterschrift"), which trafilatura takes for
# a paragraph; a `figcaption` it leaves out, and a gallery's captions come from those.
CAPTION_PARTS = frozenset(
    {"caption", "bildunterschrift", "bildtext", "bildrechte", "bildnachweis", "credit", "credits"}
)
PICTURE_PARTS = frozenset({"media", "image", "img", "bild", "foto", "photo", "picture"})
# The picture's box is at most this many levels above its caption.
CAPTION_DEPTH = 3
# A box named as a picture, holding one, with no more text than this many words is the
# picture and its caption, whatever the caption's elements are called.
PICTURE_BOX_MAX_WORDS = 40
# The title of a contact box for questions, a press release's or a town's ("Pressekontakt",
# "Kontakt für die Medien", "Ihr Ansprechpartner", "Rückfragen bitte an:").
_CONTACT_TITLE = (
    r"(?:Presse|Medien)?[Kk]ontakte?(?: für (?:die )?Medien)?"
    r"|(?:(?:Ihre?|Unsere?|Wissenschaftliche[rn]?) )?Ansprechpartner(?:in|innen)?"
    r"|(?:Für |Bei )?Rückfragen(?: bitte)?(?: an)?"
)
# A small box whose heading names it as furniture, whatever its class: teasers, most-read
# lists, sharing and liking buttons, downloads, a press release's contact and "about us",
# and the fact or person boxes set beside the running text.
FURNITURE_TITLE = re.compile(
    r"^(?:Meistgelesen|Meist gelesen|Mehr zum Thema|Mehr aus\b|Zum Thema|Lesen Sie auch"
    # pictures or videos offered on the subject ("Fotos zum Thema im Bildfunk")
    r"|(?:Fotos|Bilder|Videos|Audios) zum Thema\b.{0,40}"
    r"|Auch interessant|Das könnte Sie (?:auch )?interessieren|Ähnliche (?:Beiträge|Artikel)"
    r"|(?:Weitere|Mehr|Neueste) (?:Artikel|Beiträge|Nachrichten|Meldungen|Videos|Podcasts"
    r"|Bildergalerien)|Top-Themen"
    rf"|Teilen(?: mit)?|Gefällt mir|Downloads?|{_CONTACT_TITLE}|Über uns"
    r"|Fakten|Faktencheck kompakt|Zahlen und Fakten|Zur Person|Zur Sache|Info(?:box)?"
    r"|Infokasten|Steckbrief|Service|(?:Wichtiger |Redaktioneller )?Hinweis"
    # a paywall's offer under the teaser ("Lesen Sie jetzt weiter mit NZ+")
    r"|(?:Jetzt )?(?:Lesen Sie (?:jetzt )?weiter|[Ww]eiterlesen)(?: mit\b.{1,40})?"
    r"|(?:Exklusiv|Nur) für (?:Abonnenten|Abonnentinnen|Abonnent\*innen)\b.{0,40})\s*:?$"
)
# A page of at least this many `article`s side by side, holding this share of its text,
# lists items rather than giving one article.
MIN_LIST_ITEMS = 3
MIN_LIST_SHARE = 0.6
# A live blog's entries look alike, but are one story: it is kept whole.
_LIVE_BLOG = re.compile(r"LiveBlogPosting|live[-_ ]?blog|news[-_ ]?blog|live[-_ ]?ticker", re.I)
_SUBHEADINGS = ("h2", "h3", "h4", "h5", "h6")
# Elements a box's title may be set in instead of a heading.
_LABEL_TAGS = ("p", "div", "span", "strong", "b")
# Such a box is the heading and at most this many other elements.
TITLED_BOX_MAX_CHILDREN = 4
# A paragraph or list of at least this many links, that much of its text theirs, is
# furniture whatever its name.
MIN_LIST_LINKS = 2
MIN_LIST_LINK_SHARE = 0.75
# A paragraph of at least this many words found again in another is a repeat.
REPEAT_MIN_WORDS = 8
_PUNCTUATION = re.compile(r"[^\w\s]")
# Parts of class and id names that mark an article's lead.
LEAD_PARTS = frozenset(
    {
        "intro", "introtext", "lead", "leadtext", "lede", "teaser", "teasertext",
        "summary", "standfirst", "abstract", "vorspann", "kurztext", "excerpt",
    }
)  # fmt: skip
# Parts of a page around its text.
_OUTSIDE_TEXT = frozenset({"header", "footer", "nav", "aside"})
# Never furniture, whatever they are called: the page, its main part and the article.
_CONTAINERS = frozenset({"html", "body", "main", "article"})
# A box holding more than this share of the page's text is content, not furniture.
MAX_FURNITURE_SHARE = 0.4
# A lead is a sentence or more of running text, not mostly a link.
MIN_LEAD_WORDS = 8
MAX_LEAD_LINK_SHARE = 0.5
_NAME_PARTS = re.compile(r"[-_\s]+")
# A name written in camel case ("audioTeaser", "socialBookmarks") is parts too.
_CAMEL_CASE_PARTS = re.compile(r"(?<=[a-zäöü0-9])(?=[A-ZÄÖÜ])")
# Lines above the text that only say who wrote it and when; looked for among the first
# BYLINE_LINES blocks, each at most BYLINE_MAX_WORDS words.
BYLINE_LINES = 3
BYLINE_MAX_WORDS = 16
_DATE = (
    r"\d{1,2}\.\s?(?:\d{1,2}\.|[A-ZÄÖÜ][a-zäöü]+)\s?\d{4}"  # 29.09.2025, 14. März 2025
    r"(?:,?\s*(?:um\s)?\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?"  # , 22:05 Uhr
)
# An item's own date or time, opening a short line ("07.12.2026, 14:32 Uhr Anklam").
_ITEM_DATE = re.compile(rf"^(?:{_DATE}|\d{{1,2}}[:.]\d{{2}}\s*Uhr)")
ITEM_DATE_MAX_WORDS = 8
# After the name: dates, times, places, agencies; no running text ("Von Berlin, sagte er").
# A role may follow ("Korrespondentin in Brüssel"), and a paid article's badge ("MM+").
# A capitalised word is taken whole (`\w*+`): split at each capital, a long run of
# capitals would be tried in every way before a line fails.
_BYLINE_REST = (
    r"(?:[\s\d.,:|·•;–/()+-]|(?:Uhr|Min|Lesezeit|am|um|und|in|im|aus|für|der|des|bei"
    r"|dpa|afp|epd|kna|sid)\b|[A-ZÄÖÜ]\w*+)*"
)
_NAME = r"[A-ZÄÖÜ][\w'.-]+(?:\s+(?:und|and|von|van|de|zu|[A-ZÄÖÜ][\w'.-]+)){0,6}?"
# "Von unserem Redakteur …", "Von unserer Korrespondentin in Paris …"
_STAFF = (
    r"(?:unser(?:em|er|en)\s+(?:[A-ZÄÖÜ]?[\w-]+\s+)?"
    r"(?:Redakteur|Korrespondent|Mitarbeiter|Reporter|Autor)(?:in|innen|en)?"
    r"(?:\s+(?:in|aus)\s+[A-ZÄÖÜ][\w-]+)?\s+)"
)
# An opinion or feature piece names its kind before its author ("Ein Kommentar von …",
# "Eine Analyse von …", "Gastbeitrag von …").
_PIECE = (
    r"(?:(?:Ein|Eine)\s+)?(?=[A-ZÄÖÜ])[\w-]*?(?:[Kk]ommentar|[Aa]nalyse|[Kk]olumne|[Gg]losse"
    r"|[Ee]ssay|[Bb]eitrag|[Rr]eportage|[Ee]inordnung|[Ll]eitartikel)\s+von"
)
# A credit's label for who wrote the text, maybe taking the pictures too ("Text und Foto:",
# "Text/Fotos:").
_CREDIT_WORD = r"(?:Text(?:\s*(?:und|&|/|\+)\s*(?:Fotos?|Bilder?))?|Autor|Autorin|Autoren)"
# The label of a picture's credit ("Foto: …", "Bilder: …", "Grafik: …", a broadcaster's
# "Bildrechte: …").
PICTURE_CREDIT = r"(?:Fotos?|Bild(?:er|rechte|quelle)?|Grafik|Illustration)"
# The word a date line opens with; a small CMS writes it in lower case ("eingestellt am
# 03.07.2026 von Gerd Lohse").
_DATE_WORD = (
    r"(?:[Aa]ktualisiert|[Vv]eröffentlicht|[Ee]rstellt|[Ee]ingestellt|[Gg]eschrieben"
    r"|[Gg]epostet|Stand|Zuletzt aktualisiert)"
)
_WEEKDAY = r"(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?\s+)"
# The date may come first ("Erstellt: 01.12.2026, 14:32 Uhr | Autor: …", "eingestellt am
# 03.07.2026 von …"); the name may be followed by its part in brackets ("Von A und B
# (Text) und C (Fotos)") or by the pictures' credit ("Text: A / Fotos: Vereinsarchiv").
_BYLINE = re.compile(
    rf"^(?:(?:{_DATE_WORD}(?:\s+am)?:?\s*)?{_WEEKDAY}?{_DATE}(?:\s*[|·•,;–-]\s*|\s+(?=von\s)))?"
    # "Von", a label or the piece's kind before the name; "By" on a site's English pages.
    # "von" after a `<time>` the extraction dropped ("<time>…</time> von Deniz Kaya").
    rf"(?:[Vv]on|By|{_CREDIT_WORD}:|Interview:|{_PIECE})\s+{_STAFF}?(?P<name>{_NAME})"
    rf"\s*(?:(?:[|·•,;–/-]|(?=\()){_BYLINE_REST})?$"
)
_AND = re.compile(r"\s+(?:und|and)\s+")
# Parts of class and id names that mark the author's name; its text may be the name
# alone (`<span class="autor">Anna Roth</span>`, `<p class="byline">Anna Roth, Lahn-Bote</p>`).
AUTHOR_PARTS = frozenset({"author", "autor", "autorin", "autoren", "byline", "verfasser"})
# What holds an author's name that is not the article's: a quotation's, a teaser's.
_BESIDE_TEXT = frozenset({"blockquote", "q", "figure", "aside", "nav"})
# A name of two words or more, alone or after its label without a colon (a Drupal
# field's "Autorin Dörte Pahl"), before what may follow a byline's name.
_BARE_NAME = re.compile(
    rf"^(?:{_CREDIT_WORD}\s+)?(?P<name>[A-ZÄÖÜ][\w'.-]+\s+{_NAME})"
    rf"\s*(?:[|·•,;–/-]{_BYLINE_REST})?$"
)
# A credit line that names what its name wrote, not "Von …", which opens sentences too.
_CREDIT_LABEL = re.compile(rf"^{_CREDIT_WORD}\s*:")
# An agency's credit in the byline's place ("Quelle: dpa", "Von AFP"): the wire services
# the text import knows in datelines (newstext.datelines.WIRE_AGENCY_PATTERN).
_AGENCY_CREDIT = re.compile(
    rf"^(?:Quelle|Agentur|Von)\s*:?\s+"
    rf"(?P<name>{WIRE_AGENCY_PATTERN}(?:\s*(?:/|,|und)\s*{WIRE_AGENCY_PATTERN})*)$",
    re.IGNORECASE,
)
# The credit under an interview.
_INTERVIEW_CREDIT = re.compile(
    rf"^(?:Das\s+)?(?:Interview|Gespräch)\s+(?:führten?|führte)\s+(?P<name>{_NAME})\.?$"
)
# A date line above the text, maybe with the reading time or the section after it
# ("28.03.2026 | Nachrichten", "14.03.2025 | 4 Min. Lesezeit").
_DATE_LINE = re.compile(
    rf"^(?:{_DATE_WORD}(?:\s+am)?:?\s*)?{_WEEKDAY}?{_DATE}"
    r"(?:\s*[|·•]\s*(?:\d+\s*Min\.?(?:\s*Lesezeit)?|[A-ZÄÖÜ][\w&-]*(?:\s+[A-ZÄÖÜ&][\w&-]*)?))?$"
)
# A date line that says what it is ("Stand: …") is furniture wherever it stands; an
# update's line may give the time alone and say what changed ("Aktualisiert 16:02 Uhr
# (neu: Stellungnahme der Stadt)", "Aktualisiert am 6. Dezember 2026 um 10:24 Uhr:
# Stellungnahme ergänzt.").
_NAMED_DATE_LINE = re.compile(
    rf"^{_DATE_WORD}(?:\s+(?:am|um))?:?\s*(?:{_WEEKDAY}?{_DATE}|\d{{1,2}}[:.]\d{{2}}\s*Uhr)"
    r"(?:\s*\([^()]{1,80}\)|:\s+[^:()]{1,80})?$"
)
# A reading time on a line of its own ("· 12 Min. Lesezeit", "Lesedauer: 4 Minuten"),
# left over where the date beside it was markup (`<time>`) that the extraction dropped.
_READING_TIME = (
    r"(?:(?:Lesezeit|Lesedauer):?\s*(?:ca\.\s*)?\d+\s*(?:Min\.?|Minuten)"
    r"|(?:ca\.\s*)?\d+\s*(?:Min\.?|Minuten)\s*(?:Lesezeit|Lesedauer))"
)
_READING_TIME_LINE = re.compile(rf"^[|·•\s]*{_READING_TIME}$")
# A sentence about the text itself: who checked, translated or updated it, where it
# appeared first ("Dieser Text wurde von einer Prüf-Gruppe geprüft.").
_ABOUT_THE_TEXT = (
    r"(?-i:D)(?:ieser|er)\s+(?:Text|Beitrag|Artikel)\s+(?:wurde|ist|erschien)\b"
    r"(?:[^.!?]|\d\.){0,160}?"
    r"\b(?:geprüft|aktualisiert|erstellt|übersetzt|überarbeitet|korrigiert|ergänzt"
    r"|verfasst|geschrieben|veröffentlicht|erschienen|zuerst|bearbeitete?|Abschrift"
    r"|Fassung)\b(?:[^.!?]|\d\.){0,80}[.!]?"
    # "Diese Reportage erschien in Heft 8/2026.", maybe with a call to buy it after
    r"|(?-i:D)(?:ieser|iese|ieses)\s+(?:Text|Beitrag|Artikel|Reportage|Interview|Kommentar"
    r"|Bericht|Essay|Porträt|Geschichte)\s+(?:erschien|ist\s+(?:zuerst\s+)?erschienen)\b"
    r"(?:[^.!?]|\d\.){0,120}[.!]?(?:\s+Jetzt\b[^.!?]{0,60}[.!]?)?"
    # the same on a site's English pages ("This article was translated from German …")
    r"|(?-i:T)his\s+(?:article|story|text|report|piece)\s+(?:was|has\s+been|is|first)\b"
    r"[^.!?]{0,160}?\b(?:translated|updated|corrected|edited|adapted|published|appeared"
    r"|written)\b[^.!?]{0,80}[.!]?"
)
# A labelled note on the text, in one sentence or more ("Hinweis: Dieser Text ist eine
# Abschrift des Radiobeitrags. Er kann von der Sendung abweichen.").
_LABELLED_NOTE = (
    r"(?:Hinweis|Anmerkung|Anmerkung der Redaktion|Redaktioneller Hinweis|Transparenzhinweis"
    r"|Hinweis der Redaktion)\s*:\s*(?-i:D)(?:ies|er|ie|as)\w*\s+(?:Text|Beitrag|Artikel"
    r"|Abschrift|Transkript|Fassung|Meldung)\b.{0,300}"
)
# A broadcast the text comes from ("Sendung am Di., 12.5.2026 7:30 Uhr, Radio Südwest").
_BROADCAST_LINE = r"Sendung(?:\s+(?:am|vom))?\s*:?\s+[^!?]{0,40}\d[^!?]{0,80}"
# The agency's and editors' initials closing an agency item ("dpa/lno", "(ndn/hk)"), or
# its routing code in lower-case words of a few letters and digits ("dpa rk yyzz n1 fs").
_INITIALS_LINE = (
    r"\(?[a-z]{2,5}(?:\s*/\s*[a-z]{2,5})+\)?|[a-z][a-z0-9]{1,4}(?:\s+[a-z][a-z0-9]{1,4}){2,}"
)
# A print view's note on where and when it was printed ("Dieser Artikel wurde gedruckt
# von: https://…", "Abgerufen am 07.12.2026 um 19:14 Uhr").
_PRINTED_NOTE = (
    r"(?:(?-i:D)(?:ieser|er)\s+(?:Text|Beitrag|Artikel)\s+wurde\s+)?(?:aus)?gedruckt\s+(?:von|aus)"
    r"\s*:?\s*(?:https?://|www\.)\S+"
    rf"|(?:Abgerufen|Gedruckt|Ausgedruckt)\s+am:?\s*{_WEEKDAY}?{_DATE}"
)
# Lines at the end of a text: the copyright, the page's own address, a note on the text.
_END_NOTE = re.compile(
    r"^(?:(?:©|\(c\)|Copyright\b).{0,300}"
    # a web or mail address, maybe labelled ("Schreiben Sie dem Autor: a@b.example")
    r"|(?:[A-ZÄÖÜ][\w -]{0,30}:\s*)?(?:(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    rf"|Quelle:\s*[\w-]+(?:\.[\w-]+)+(?:/\S*)?|{_ABOUT_THE_TEXT}|{_LABELLED_NOTE}|{_PRINTED_NOTE}"
    # the author's credit closing the text ("Text und Foto: Horst Rehbein"): the byline
    rf"|(?-i:{_CREDIT_WORD}\s*:\s*{_NAME}(?:\s*[/|·]\s*{PICTURE_CREDIT}\s*:\s*[^.!?]{{1,60}})?)"
    rf"|{_BROADCAST_LINE}|(?-i:{_INITIALS_LINE}))$",
    re.IGNORECASE,
)
# A pointer to another article inside the text ("Lesen Sie auch: …").
_TEASER_LINE = re.compile(
    r"^(?:Lesen Sie (?:auch|mehr|hier)|Mehr zum Thema|Auch interessant|Zum Thema"
    r"|Das könnte Sie auch interessieren)\b:?\s*\S.{0,150}$"
)
# A picture's credit standing as a paragraph of its own ("Foto: privat").
_CREDIT_LINE = re.compile(rf"^{PICTURE_CREDIT}\s*:\s*\S[^.!?]{{0,60}}$")
# An ad's label left on a line of its own where a script fills the ad in later.
_AD_LABEL = re.compile(r"^(?:Anzeige|Werbung|Advertisement|Sponsored|Gesponsert)$", re.IGNORECASE)
# A picture's credit closing its caption ("… über den Weinbergen. Foto: Anna Keller").
# It follows a sentence's end or stands in brackets: "… ihre Bilder: Aquarelle" is text.
_CLOSING_CREDIT = re.compile(
    r"(?:(?<=[.!?“\"»])\s*|\s*[(\[])"
    rf"{PICTURE_CREDIT}\s*:\s*[^.!?()\[\]]{{1,60}}[)\]]?$"
)
# A gallery's label or counter ("Bildergalerie: Ein Tag am See (12 Bilder)", "Bild 1 von 12").
_GALLERY_LINE = re.compile(
    r"^(?:(?:Bildergalerie|Fotostrecke|Galerie|Fotogalerie)\b[^.!?]{0,100}"
    r"|[^.!?]{0,100}\bBild\s+\d+\s+(?:von|/)\s+\d+)$"
)
# How often the page was read, a CMS's counter ("412 Aufrufe", "Zugriffe: 214").
_VIEW_COUNT = (
    r"(?:\d[\d.]*\s+(?:Aufrufe|Zugriffe|Mal gelesen)"
    r"|(?:Aufrufe|Zugriffe|Gelesen)\s*:\s*\d[\d.]*(?:\s*mal)?)"
)
_VIEW_COUNT_LINE = re.compile(rf"^{_VIEW_COUNT}$", re.IGNORECASE)
# A line of the article's tools ("Kommentare (14) · Artikel teilen · Drucken"): every
# part between the separators is a button's label or a counter.
_TOOL = re.compile(
    r"^(?:Kommentare?\s*\(\d+\)|\d+\s+Kommentare?|Kommentieren|Kommentar schreiben"
    r"|(?:Artikel\s+|Beitrag\s+|Seite\s+)?(?:teilen|drucken|merken|versenden|verschicken"
    r"|speichern|vorlesen|anhören|empfehlen)|Per (?:E-)?Mail (?:teilen|versenden)"
    rf"|Druckversion|Druckansicht|{_VIEW_COUNT}"
    r"|Link kopieren|Fehler melden|Feedback|Zum Seitenanfang|Nach oben)$",
    re.IGNORECASE,
)
_TOOL_SEPARATORS = re.compile(r"\s*[·|•]\s*")
# A toolbar has this many buttons at least; a lone "Teilen" is left to the text.
MIN_TOOLS = 2
# A layout table's cell holding at least this share of its row's text is the text's
# column; the cells beside it are side columns.
MAIN_COLUMN_SHARE = 0.6
# Inline elements that old pages wrap around whole runs of paragraphs (`<font size="2">`
# over a text's `<br><br>` paragraphs): unwrapped, so no paragraph lands in another.
_INLINE_WRAPPERS = ("font", "span", "small", "big", "i", "em", "b", "strong")
# Elements that end a paragraph; a `div` holding none of them is a paragraph.
_BLOCK_ELEMENTS = frozenset(
    {
        "p", "div", "section", "article", "aside", "header", "footer", "nav", "main",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "table", "tr", "td",
        "form", "figure", "blockquote", "pre", "hr", "br", "center", "iframe", "button",
    }
)  # fmt: skip


def paragraphs_mark(tree: Any) -> int:
    """Make paragraphs of the text runs between `<br><br>` and of the `div`s that hold
    text and no block of their own, in `tree` (lxml); returns how many were made."""
    made = 0
    for element in list(tree.iter(*_INLINE_WRAPPERS)):
        if _has_double_break(element):
            element.drop_tag()  # its text and children take its place
    for element in list(tree.iter()):
        if isinstance(element.tag, str) and element.getparent() is not None:
            made += _split_at_double_breaks(element)
    for table in list(tree.iter("table")):
        _layout_table_unwrap(table)
    # A text-only div among others (or among paragraphs) is a paragraph; one on its own
    # is more often a label (a kicker, a date, a counter) and stays a div.
    text_divs = [element for element in tree.iter("div") if _text_div(element)]
    chosen = set(text_divs)
    for element in text_divs:
        neighbours = (element.getprevious(), element.getnext())
        if any(
            neighbour is not None and (neighbour in chosen or neighbour.tag == "p")
            for neighbour in neighbours
        ):
            element.tag = "p"
            made += 1
    return made


def _has_double_break(parent: Any) -> bool:
    """Whether `parent` holds a `<br><br>` (a paragraph's end) among its children."""
    return any(
        _is_break(first) and not (first.tail or "").strip() and _is_break(second)
        for first, second in itertools.pairwise(parent)
    )


def _link_list(element: Any) -> bool:
    """A paragraph or list that is only links: a menu, a row of services, a toolbar."""
    if element.tag not in ("p", "ul", "ol", "dl"):
        return False
    links = list(element.iter("a"))
    text = clean_inline(element.text_content())
    return len(links) >= MIN_LIST_LINKS and _link_chars(element) >= MIN_LIST_LINK_SHARE * len(
        text.replace(" ", "").replace("|", "").replace("·", "")
    )


def _text_div(element: Any) -> bool:
    """A div of running text: no block inside, not mostly links."""
    if any(
        isinstance(inner.tag, str) and inner.tag in _BLOCK_ELEMENTS and inner.tag != "br"
        for inner in element.iterdescendants()
    ):
        return False  # looked at first: it ends early, the text of a big box does not
    text = clean_inline(element.text_content())
    return bool(text) and _link_chars(element) <= MAX_LEAD_LINK_SHARE * len(text)


def _link_chars(element: Any) -> int:
    return sum(len(clean_inline(link.text_content())) for link in element.iter("a"))


def _layout_table_unwrap(table: Any) -> None:
    """Make `div`s of a table that lays out the page rather than holding data: one with a
    single cell, or with paragraphs, lists or tables in its cells."""
    cells = [cell for cell in table.iter("td", "th") if _table_of(cell) is table]
    rows = [row for row in table.iter("tr") if _table_of(row) is table]
    # a column of boxes one under another: no data table has a single column
    layout = table.get("role") == "presentation" or all(
        len(_cells_of(row, cells)) <= 1 for row in rows
    )
    layout = layout or any(
        _table_of(inner) is table
        for cell in cells
        for inner in cell.iterdescendants("p", "div", "table", "ul", "ol", "h1", "h2", "h3")
    )
    if not layout:
        return
    _layout_boxes_name(rows, cells)
    parts = [
        element
        for element in table.iterdescendants("tbody", "thead", "tfoot", "tr", "td", "th")
        if _table_of(element) is table
    ]
    for element in [table, *parts]:
        element.tag = "div"


def _cells_of(row: Any, cells: list[Any]) -> list[Any]:
    return [cell for cell in cells if cell.getparent() is row]


def _layout_boxes_name(rows: list[Any], cells: list[Any]) -> None:
    """Name the boxes of a table laying out the page as a modern page names them: the
    text's cell becomes the `main` part, where trafilatura looks for the text first
    (without it, an old CMS's page came out without its subheadings); the cells beside
    it in its row (the menus' and the ads' columns) become `aside`s, and the rows of one
    cell under that row (the page's copyright, address and notes across its width)
    `footer`s. A table of one column is left as it is: its rows may all be the text's.
    `rows` and `cells` are the table's own."""
    chars = {cell: len(clean_inline(cell.text_content())) for cell in cells}
    if not chars:
        return
    text_cell = max(cells, key=lambda cell: chars[cell])
    text_row = text_cell.getparent()
    beside = [cell for cell in _cells_of(text_row, cells) if cell is not text_cell]
    if (
        text_row not in rows
        or not beside
        or chars[text_cell] < MAIN_COLUMN_SHARE * sum(chars[cell] for cell in (text_cell, *beside))
    ):
        return  # no column holds the text: a grid of teasers, a data table's layout
    for cell in beside:
        cell.tag = "aside"
    text_cell.tag = "main"
    for row in rows[rows.index(text_row) + 1 :]:
        if len(row_cells := _cells_of(row, cells)) == 1:
            row_cells[0].tag = "footer"


def _table_of(element: Any) -> Any:
    return next(element.iterancestors("table"), None)


def _is_break(element: Any) -> bool:
    return isinstance(element.tag, str) and element.tag == "br"


def _split_at_double_breaks(parent: Any) -> int:
    """Split `parent`'s runs of text and inline elements at each `<br><br>` into `p`s."""
    children = list(parent)
    if not _has_double_break(parent):
        return 0
    paragraphs: list[Any] = []  # the new children, in order
    run = parent.makeelement("p", {})
    run.text = parent.text

    def flush() -> None:
        nonlocal run
        if (run.text or "").strip() or len(run):
            paragraphs.append(run)
        run = parent.makeelement("p", {})

    index = 0
    while index < len(children):
        child = children[index]
        index += 1
        if (
            isinstance(child.tag, str)
            and _is_break(child)
            and not (child.tail or "").strip()
            and index < len(children)
            and _is_break(children[index])
        ):
            flush()
            while index < len(children) and _is_break(children[index]):
                tail = children[index].tail
                index += 1
                if (tail or "").strip():
                    run.text = tail
                    break
            continue
        if isinstance(child.tag, str) and child.tag in _BLOCK_ELEMENTS and not _is_break(child):
            flush()
            tail, child.tail = child.tail, None
            paragraphs.append(child)
            run.text = tail
            continue
        run.append(child)  # an inline element or a single break, with its tail
    flush()
    if parent.tag == "p":  # no paragraph in a paragraph: the new ones take its place
        outer = parent.getparent()
        if outer is None:
            return 0
        position = outer.index(parent)
        paragraphs[-1].tail = parent.tail
        outer[position : position + 1] = paragraphs
    else:
        parent.text = None
        parent[:] = paragraphs
    return len(paragraphs)


def furniture_drop(tree: Any) -> int:
    """Remove the elements of `tree` (lxml) named as furniture, and the paragraphs and
    lists that are only links; returns how many.

    An element holding the headline (`h1`) or much of the page's text stays: a site
    that names its article `article-with-comments` keeps its article."""
    page_chars = len(tree.text_content())
    records = _tables_above_headline(tree)
    dropped = 0
    for element in list(tree.iter()):
        parent = element.getparent()
        if parent is None or not isinstance(element.tag, str) or element.tag in _CONTAINERS:
            continue
        if not any(ancestor is tree for ancestor in element.iterancestors()):
            continue  # inside a box dropped already
        if not (
            _named(element, FURNITURE_PARTS)
            or _link_list(element)
            or _tool_list(element)
            or _picture_caption(element)
            or _picture_box(element)
            or _teaser_list(element)
            or _titled_furniture(element)
            or _titled_lines(element)
            or element in records
        ):
            continue
        if element.tag == "h1" or element.find(".//h1") is not None:
            continue
        if len(element.text_content()) > MAX_FURNITURE_SHARE * page_chars:
            continue
        parent.remove(element)
        dropped += 1
    return dropped


def _tables_above_headline(tree: Any) -> set[Any]:
    """The data tables above the page's one headline (`h1`): an agency item's record
    (its number, section, priority, word count) or a site's widget, never the text, which
    begins under the headline. Tables that lay out the page are `div`s by now."""
    headlines = tree.xpath("//body//h1")
    if len(headlines) != 1:
        return set()
    return set(headlines[0].xpath("preceding::table"))


def _picture_caption(element: Any) -> bool:
    """A caption or credit named as such, set as a `div` or `p` of its own (not in a
    `figcaption`), in a box named as a picture."""
    if element.tag not in ("div", "p") or not _named(element, CAPTION_PARTS):
        return False
    if next(element.iterancestors("figcaption"), None) is not None:
        return False
    boxes = itertools.islice(element.iterancestors(), CAPTION_DEPTH)
    return any(box.tag == "figure" or _named(box, PICTURE_PARTS) for box in boxes)


def _picture_box(element: Any) -> bool:
    """A picture's box with its caption and credit, set in elements of no name of their
    own (`<div class="mediaBox"><img><p class="subtitle">…</p><p class="copyright">…`).
    A box with a `figcaption` stays: trafilatura leaves that out, and a photo gallery's
    text comes from those (`captions_find`)."""
    if element.tag not in ("div", "span") or not _named(element, PICTURE_PARTS):
        return False
    if element.find(".//img") is None or element.find(".//figcaption") is not None:
        return False
    return 0 < count_words(clean_inline(element.text_content())) <= PICTURE_BOX_MAX_WORDS


def _tool_list(element: Any) -> bool:
    """A list of the article's tools and counters, each item a button's label or a count
    ("Druckversion", "412 Aufrufe": a CMS's links under the text)."""
    if element.tag not in ("ul", "ol"):
        return False
    items = [clean_inline(item.text_content()) for item in element.iterchildren("li")]
    return len(items) >= MIN_TOOLS and all(_TOOL.match(item) for item in items)


def _teaser_list(element: Any) -> bool:
    """A list of teasers to other articles, maybe under a title of its own: at least
    MIN_LIST_LINKS items, each headed by a heading that is a link (`<h2><a>…</a></h2>`
    over a line or two). An article's subheadings link nowhere."""
    children = [child for child in element if isinstance(child.tag, str)]
    teasers = [child for child in children if _headed_by_a_link(child)]
    titles = [child for child in children if child.tag in _SUBHEADINGS]
    return len(teasers) >= MIN_LIST_LINKS and len(teasers) + len(titles) == len(children)


def _headed_by_a_link(element: Any) -> bool:
    headings = [element] if element.tag in _SUBHEADINGS else []
    headings += list(element.iterdescendants(*_SUBHEADINGS))
    return bool(headings) and all(
        (heading_text := clean_inline(heading.text_content()))
        and _link_chars(heading) == len(heading_text)
        for heading in headings
    )


def _titled_furniture(element: Any) -> bool:
    """A small box that opens with a heading naming it as furniture ("Mehr zum Thema",
    "Pressekontakt", "Fakten") or a press release's box about its sender ("Über die
    Stadtwerke Talheim", see `is_about_heading`); an article's subheading opens no box
    this small."""
    children = [child for child in element if isinstance(child.tag, str)]
    if not 2 <= len(children) <= TITLED_BOX_MAX_CHILDREN + 1:
        return False
    first = children[0]
    if (element.text or "").strip():
        return False
    title = clean_inline(first.text_content())
    if first.tag not in _SUBHEADINGS:
        # The box's title set as a line of its own (`<p class="box__title">Hinweis</p>`).
        return first.tag in _LABEL_TAGS and bool(FURNITURE_TITLE.match(title))
    if FURNITURE_TITLE.match(title):
        return True
    rest = clean_inline(" ".join(child.text_content() for child in children[1:]))
    return is_about_heading(title, rest)


def _titled_lines(element: Any) -> bool:
    """A paragraph of lines under a title of their own naming them as furniture, the
    title bold or not (`<p><strong>Pressekontakt:</strong><br>Anna Roth<br>Telefon …`);
    a paragraph going on after its label on the same line is text."""
    if element.tag != "p" or not len(element):
        return False
    first = element[0]
    if (element.text or "").strip():
        title, after_title = element.text, first
    elif first.tag in ("strong", "b") and not (first.tail or "").strip():
        title, after_title = first.text_content(), first.getnext()
    else:
        return False
    return (
        after_title is not None
        and _is_break(after_title)
        and bool(FURNITURE_TITLE.match(clean_inline(title)))
    )


def _live_blog(tree: Any, entries: list[Any]) -> bool:
    """Whether the page calls itself a live blog, whose entries tell one story and all
    belong to the article: in its JSON-LD type, its title, its first heading, or the
    names of the entries and what holds them."""
    said = [
        *tree.xpath('//script[@type="application/ld+json"]/text()'),
        *tree.xpath("//title//text()"),
        *tree.xpath("(//h1)[1]//text()"),
    ]
    for element in (entries[0], entries[0].getparent()):
        said += [element.get("class") or "", element.get("id") or ""]
    return any(_LIVE_BLOG.search(text) for text in said)


def first_item_keep(tree: Any) -> str:
    """On a page that lists several items (an agency's ticker, a news round-up as
    `article`s side by side, each with its heading, holding most of the page's text),
    keep only the first item in the page's body; returns its heading ("" on any other
    page: an article, or one with teasers as `article`s beside it)."""
    body = tree.find("body")
    if body is None:
        return ""
    items = _list_items(tree)
    if len(items) < MIN_LIST_ITEMS:
        return ""
    if _live_blog(tree, items):
        _entries_unmarked(items)
        return ""
    headings: list[Any] = [next(item.iter("h1", "h2", "h3"), None) for item in items]
    if any(heading is None for heading in headings):
        return ""
    items_chars = sum(len(clean_inline(item.text_content())) for item in items)
    if items_chars < MIN_LIST_SHARE * len(clean_inline(body.text_content())):
        return ""
    first = items[0]
    first.tail = None
    body.text = None
    body[:] = [first]
    return clean_inline(headings[0].text_content())


# Class names that trafilatura takes for the whole article's box ("entry", "post"): a
# live blog giving each entry one of them came out as its first entry only.
_ARTICLE_BOX_NAMES = frozenset({"entry", "post"})


def _entries_unmarked(entries: list[Any]) -> None:
    """Take from a live blog's entries the class names that mark one entry as the article."""
    for entry in entries:
        names = (entry.get("class") or "").split()
        if any(name in _ARTICLE_BOX_NAMES for name in names):
            entry.set("class", " ".join(n for n in names if n not in _ARTICLE_BOX_NAMES))


def _list_items(tree: Any) -> list[Any]:
    """The items a page may list side by side: its `article`s, where it has several, if
    they share a parent; else the longest run of `div`s, `section`s or `li`s of one class
    under one parent that each carry a date or time of their own (a ticker whose CMS
    gives its entries no `article`; a story's chapters carry none)."""
    articles = list(tree.iter("article"))
    if len(articles) >= MIN_LIST_ITEMS:
        parent = articles[0].getparent()
        if any(article.getparent() is not parent for article in articles):
            return []  # nested, or in different places: an article and its teasers
        return articles
    groups: dict[tuple[Any, str, str], list[Any]] = {}
    for element in tree.iter("div", "section", "li"):
        names = (element.get("class") or "").split()
        if names and element.getparent() is not None and _dated(element):
            groups.setdefault((element.getparent(), element.tag, names[0]), []).append(element)
    return max(groups.values(), key=len, default=[])


def _dated(item: Any) -> bool:
    """Whether an item carries its own date or time: a `time`, or a short line of its
    own that opens with one ("07.12.2026, 14:32 Uhr", "14:32 Uhr")."""
    if item.find(".//time") is not None:
        return True
    return any(
        _ITEM_DATE.match(line := clean_inline(element.text_content()))
        and count_words(line) <= ITEM_DATE_MAX_WORDS
        for element in item.iterdescendants("span", "div", "small", "strong", "b")
    )


def lead_find(tree: Any, *, kept: Iterable[str]) -> str | None:
    """The article's lead, if the page has one that the kept blocks lack.

    Looked for after the headline (`h1`) and before the first kept block: the first
    element named as a lead, or holding the page's description, with running text."""
    kept_texts = {clean_inline(text).casefold() for text in kept}
    first_kept = _first_element_with_text(tree, kept_texts)
    # The boxes around the body hold more than a lead.
    around_body = set(first_kept.iterancestors()) if first_kept is not None else set()
    description = _description(tree)
    after_headline = not tree.xpath("//h1")
    for element in tree.iter():
        if element is first_kept:
            return None
        if not isinstance(element.tag, str):
            continue
        if element.tag == "h1":
            after_headline = True
            continue
        if not after_headline or element in around_body or _in_figure(element):
            continue
        text = clean_inline(element.text_content())
        if text.casefold() in kept_texts or count_words(text) < MIN_LEAD_WORDS:
            continue
        if not (_named(element, LEAD_PARTS) or _describes(description, text)):
            continue
        links = sum(len(clean_inline(link.text_content())) for link in element.iter("a"))
        if links <= MAX_LEAD_LINK_SHARE * len(text):
            return text
    return None


def _in_figure(element: Any) -> bool:
    """A picture or its caption ("lead-image" names a picture, not a lead)."""
    return any(
        node.tag in ("figure", "figcaption", "picture")
        for node in itertools.chain((element,), element.iterancestors())
    )


def byline_find(tree: Any, *, kept: Iterable[str]) -> str:
    """The name in a byline line between the headline and the first kept block.

    trafilatura leaves the article header's byline ("Von Tim Kohl · 04.12.2026 ") out
    of the text; such a line is looked for in the page, each element on its own."""
    kept_texts = {clean_inline(text).casefold() for text in kept}
    first_kept = _first_element_with_text(tree, kept_texts)
    after_headline = not tree.xpath("//h1")
    for element in tree.iter():
        if element is first_kept:
            break
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        if element.tag == "h1":
            after_headline = True
            continue
        if not after_headline:
            continue
        text = clean_inline(element.text_content())
        if text and count_words(text) <= BYLINE_MAX_WORDS and (name := _byline_name(text)):
            return name
    return ""


def author_take(tree: Any) -> str:
    """Take out of `tree` the first element named as the author's that holds a name
    alone ("Anna Roth", "Autorin Dörte Pahl"), and return the name ("" if none does).
    trafilatura knows English names ("author", "byline"); a German site's
    `<p class="autor">Anna Roth</p>` came through as the text's first paragraph. Not a
    quotation's author (`<blockquote>…<cite class="author">`), nor one beside the text."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or not _named(element, AUTHOR_PARTS):
            continue
        if any(outer.tag in _BESIDE_TEXT for outer in element.iterancestors()):
            continue
        text = clean_inline(element.text_content())
        line = element
        if element.tag not in _BLOCK_ELEMENTS:
            line = next(element.iterancestors(*_BLOCK_ELEMENTS), element)
        if line is not element and _byline_name(clean_inline(line.text_content())):
            continue  # one of the names in a byline line ("Von <a>A</a> und <a>B</a>")
        bare = _BARE_NAME.match(text)
        if name := _byline_name(text) or (_listed(bare["name"]) if bare else ""):
            element.drop_tree()
            return name
    return ""


def closing_credit_find(tree: Any, *, kept: Iterable[str]) -> str:
    """The name a labelled credit line right under the text gives ("Text: Merle Hansen"
    in the article's footer), looked for in the first BYLINE_LINES lines after the last
    kept block and before the next heading; an unlabelled "Von …" there may be a
    teaser's, and is passed over."""
    kept_texts = {clean_inline(text).casefold() for text in kept}
    kept_blocks = list(_elements_with_text(tree, kept_texts))
    if not kept_blocks:
        return ""
    last_kept = kept_blocks[-1]
    lines = 0
    for element in last_kept.xpath("following::*"):
        if element.tag in ("h1", "h2", "h3", "h4", "script", "style"):
            break
        if element.tag not in ("p", "span", "div", "li", "small", "address"):
            continue
        if any(isinstance(inner.tag, str) and inner.tag in _BLOCK_ELEMENTS for inner in element):
            continue
        text = clean_inline(element.text_content())
        if not text:
            continue
        if _CREDIT_LABEL.match(text) and (name := _byline_name(text)):
            return name
        lines += 1
        if lines >= BYLINE_LINES:
            break
    return ""


def _byline_name(line: str) -> str:
    """The name a byline line gives ("Von Tim Kohl | 04.12.2026", "Quelle: dpa"), or "";
    several authors as a byline field lists them ("Von A und B": "A, B")."""
    if named := _AGENCY_CREDIT.match(line):
        return named["name"].strip()
    named = _BYLINE.match(line)
    return _listed(named["name"]) if named else ""


def _listed(names: str) -> str:
    """Names joined by "und" as a byline field lists them ("A und B": "A, B")."""
    return join_names(_AND.split(names.strip()))


def credit_find(texts: list[tuple[BlockKind, str]]) -> str:
    """The interviewer a closing credit names ("Das Interview führte Henrike Sommer.")."""
    for _, text in texts[-BYLINE_LINES:]:
        if named := _INTERVIEW_CREDIT.match(clean_inline(text)):
            return named["name"].strip().removesuffix(".")
    return ""


def notes_drop(texts: list[tuple[BlockKind, str]]) -> list[tuple[BlockKind, str]]:
    """The texts without "Stand: …" date lines, reading times and view counts, "Lesen Sie
    auch" pointers, picture credits, gallery counters and toolbars, and without the
    copyright, the source's address, a note on the text, its broadcast, the initials and
    a press portal's line ("Original-Content von: …", see `DISTRIBUTION_FOOTER`) at their
    end."""
    texts = [
        (kind, text)
        for kind, text in texts
        if kind != BlockKind.PARAGRAPH
        or not (
            _NAMED_DATE_LINE.match(line := clean_inline(text))
            or _TEASER_LINE.match(line)
            or _CREDIT_LINE.match(line)
            or _AD_LABEL.match(line)
            or _READING_TIME_LINE.match(line)
            or _VIEW_COUNT_LINE.match(line)
            or _GALLERY_LINE.match(line)
            or _tool_line(line)
        )
    ]
    while texts and texts[-1][0] == BlockKind.PARAGRAPH:
        line = clean_inline(texts[-1][1])
        if not (_END_NOTE.match(line) or DISTRIBUTION_FOOTER.search(line)):
            break
        texts.pop()
    return texts


def captions_find(tree: Any, *, kept: Iterable[str]) -> list[str]:
    """The captions of the page's pictures, in page order, without their credits and
    counters ("Bild 1 von 5", "Foto: Anna Keller"), and without those the kept blocks
    hold already: the text of a photo gallery, whose few sentences are under the
    pictures. Not those of the page's header, footer, navigation and asides, nor a
    teaser's, whose caption is mostly a link or stands in one."""
    kept_texts = {clean_inline(text).casefold() for text in kept}
    captions = []
    for caption in tree.iter("figcaption"):
        if any(outer.tag in _OUTSIDE_TEXT for outer in caption.iterancestors()):
            continue
        whole = clean_inline(caption.text_content())
        linked = next(caption.iterancestors("a"), None) is not None
        if linked or _link_chars(caption) > MAX_LEAD_LINK_SHARE * len(whole):
            continue
        parts = [caption.text or ""]
        for child in caption:
            line = clean_inline(child.text_content()) if isinstance(child.tag, str) else ""
            if not (_CREDIT_LINE.match(line) or _GALLERY_LINE.match(line)):
                parts.append(line if isinstance(child.tag, str) else "")
            parts.append(child.tail or "")
        text = _CLOSING_CREDIT.sub("", clean_inline(" ".join(parts)))
        if text and not _GALLERY_LINE.match(text) and text.casefold() not in kept_texts:
            captions.append(text)
    return list(dict.fromkeys(captions))


def _tool_line(line: str) -> bool:
    parts = [part for part in _TOOL_SEPARATORS.split(line) if part]
    return len(parts) >= MIN_TOOLS and all(_TOOL.match(part) for part in parts)


def _named(element: Any, parts: frozenset[str]) -> bool:
    # A custom element's tag names it too (<amp-ad>, <social-share>), and so does the
    # component name a script-built page gives in a data attribute where its classes are
    # generated ("css-1vd8e0n" with data-testid="newsletter-inline").
    tag = element.tag if "-" in element.tag else ""
    components = " ".join(element.get(name) or "" for name in COMPONENT_ATTRIBUTES)
    names = f"{element.get('class') or ''} {element.get('id') or ''} {tag} {components}"
    return any(
        part.lower() in parts
        for name in _NAME_PARTS.split(names)
        for part in (name, *_CAMEL_CASE_PARTS.split(name))
    )


def _describes(description: str, text: str) -> bool:
    """Whether the page's description is this text, or its beginning cut off by "…"."""
    if not description:
        return False
    shortened = description.removesuffix("…").removesuffix("...").strip()
    if shortened != description and count_words(shortened) >= MIN_LEAD_WORDS:
        return text.startswith(shortened)
    return text == description


def _elements_with_text(tree: Any, texts: set[str]) -> Iterator[Any]:
    """The blocks whose text is one of `texts` (cleaned and case-folded), in page order."""
    for element in tree.iter("p", "div", "h2", "h3", "li", "blockquote"):
        if clean_inline(element.text_content()).casefold() in texts:
            yield element


def _first_element_with_text(tree: Any, texts: set[str]) -> Any:
    return next(_elements_with_text(tree, texts), None)


def _description(tree: Any) -> str:
    for name in ("og:description", "description", "twitter:description"):
        for meta in tree.xpath("//meta[@property=$name or @name=$name][@content]", name=name):
            text = clean_inline(meta.get("content"))
            if text:
                return text
    return ""


def byline_split(texts: list[tuple[BlockKind, str]]) -> tuple[list[tuple[BlockKind, str]], str]:
    """The texts without the byline and date lines above the article (or right under its
    lead), and the name such a line gives ("" if none does)."""
    for start in (0, 1):
        if start and (not texts or texts[0][0] != BlockKind.PARAGRAPH):
            break
        above = 0  # the byline and date lines above the article
        name = ""
        for kind, text in texts[start : start + BYLINE_LINES]:
            line = clean_inline(text)
            if kind != BlockKind.PARAGRAPH or count_words(line) > BYLINE_MAX_WORDS:
                break
            if found := _byline_name(line):
                name = name or found
            elif not (_DATE_LINE.match(line) or _READING_TIME_LINE.match(line)):
                break
            above += 1
        if above:
            return texts[:start] + texts[start + above :], name
    return texts, ""


def repeats_drop(texts: list[tuple[BlockKind, str]]) -> list[tuple[BlockKind, str]]:
    """The texts without a paragraph that repeats one found elsewhere in them: a pull
    quote set apart from the text it is taken from, a lead printed twice (the last copy
    stays).

    Only paragraphs of REPEAT_MIN_WORDS or more, whole words; quotation marks and
    punctuation are not compared. A paragraph is compared only with the texts that hold
    its rarest run of REPEAT_MIN_WORDS words, so a page of thousands of paragraphs costs
    about as much as reading it."""
    norms = [_comparable(text) for _, text in texts]
    distinct = list(dict.fromkeys(norms))
    runs_of = [_word_runs(norm) for norm in distinct]
    holders: dict[str, list[int]] = {}  # a run of words → the distinct texts holding it
    for number, runs in enumerate(runs_of):
        for run in dict.fromkeys(runs):
            holders.setdefault(run, []).append(number)
    inside_another: set[str] = set()
    for number, (norm, runs) in enumerate(zip(distinct, runs_of, strict=True)):
        if not runs:
            continue
        rarest = min(runs, key=lambda run: len(holders[run]))
        padded = f" {norm} "
        if any(other != number and padded in f" {distinct[other]} " for other in holders[rarest]):
            inside_another.add(norm)
    # A heading or a short line is never dropped: a paragraph repeating it goes. Of equal
    # paragraphs the last stays.
    eligible = [
        kind == BlockKind.PARAGRAPH and count_words(text) >= REPEAT_MIN_WORDS
        for kind, text in texts
    ]
    kept_anyway = {norm for norm, can_go in zip(norms, eligible, strict=True) if not can_go}
    last = {norm: index for index, norm in enumerate(norms) if eligible[index]}
    return [
        block
        for index, (block, norm) in enumerate(zip(texts, norms, strict=True))
        if not eligible[index]
        or not (norm in inside_another or norm in kept_anyway or last[norm] != index)
    ]


def _word_runs(norm: str) -> list[str]:
    words = norm.split()
    size = REPEAT_MIN_WORDS
    return [" ".join(words[at : at + size]) for at in range(len(words) - size + 1)]


def _comparable(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", clean_inline(text).casefold()).split())
