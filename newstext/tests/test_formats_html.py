"""Web pages written for Newsdesk (see data/formats/README.md): text kept, furniture gone.

Measured on the first three pages (KEEP sentences present / DROP furniture absent, ~5 ms a page):
trafilatura favor_recall kept 25/25 and leaked 0/46; its default and favor_precision
kept 24/25 (lost the Taunus-Bote lead in class="teasertext"), leaking 0/46; jusText
(German stop list) kept 24/25 but leaked 6/46 (cookie banners, "Anzeige").

The other three pages came with `formats.page_cleaning`: before it, the Nordküsten-Kurier's
lead (in the article's header) was lost, the Landbote's comments (`class="kommentare"`)
came through as text, the Mittelland-Zeitung's byline line stayed in the text, and every
table cell was a paragraph of its own.

Eight pages of other shapes followed (a script's shell with the text in JSON-LD, AMP, a
live blog, an interview, an ISO-8859-1 table layout with `<br><br>` paragraphs, a print
view, a gallery with agency copy and inline boxes, a paywall teaser). Before the changes
they made, the extractor kept 49/51 KEEP sentences, leaked 14/103 DROP texts, and had
the title right on 7/8 pages, the byline on 1/8 (trafilatura joins authors with "; ",
mangles "Von Dr. X, Korrespondentin in Y", misses header lines and interview credits),
the date on 8/8 and the subheadings on 6/8. The old table-layout page lost its „quotes“
(windows-1252 bytes under an ISO-8859-1 label) and came out with its menus; the print
view lost its `<div><b>` subheadings and kept its source address and copyright. After:
51/51 kept, 0/103 leaked, title, byline, date and subheadings right on 8/8.

Three more pages were written after those changes, as a check on pages they were not
made for (a WordPress blog, a broadcaster's page, an opinion piece): 17/17 kept, 4/34
leaked (an audio player's title and credit, "Quelle: mainland.example" at the end), the
opinion piece's title "Kommentar zur Bahnreform: <h1>" instead of its h1, and one
byline made of a broadcast note. Players and a source site's name at the end are now
dropped and a single h1 wins over a title that only adds to it: 0/34 leaked, titles
3/3; the broadcast-note byline is left. Two more written after that (a citizen portal
with `<br><br>` inside a `<p>` and a list, an agency item): 13/13 kept, 1/18 leaked
("Foto: privat" as a paragraph), the agency byline "dpa" lost (trafilatura drops it
from `<meta name="author">`); now 0/18 and "dpa".

Eight more were written blind, before their writer read the extractor or the pages
above (a municipality's press release, a handball report with a scorers' table, a
magazine long read with a pull quote and gallery, an old CMS with `<span>` lines and no
`<p>`, a "Leichte Sprache" page, a big regional CMS with asides inside the article, a
script-built portal with an agency item and comments, a police round-up on WordPress).
Blind: 61/61 kept, 6/148 leaked (a figure called "lead-image" taken for the lead with
its credit, a byline line "Von A und B (Text) und C (Fotos)" and a lone "· 12 Min.
Lesezeit" under a lead, a seal's sentence), the pull quote's sentence twice, the title
7/8 (the site's name, the headline being a `div`), the byline 6/8 ("Erstellt: … | Autor:
…", "Quelle: dpa"), the date 8/8, the subheadings 7/8 (a bold name over an address).
After: 61/61 kept, 1/148 leaked, the pull quote once, title, byline and date 8/8; the
seal's sentence and the address's bold name as a subheading are left (no general rule
tells them from text and from `<b>Zwischentitel</b><br>`).

A second round of eight was written blind, the expectations before any run (a big
regional CMS with ads and a newsletter box inside the text, a broadcaster's page with an
audio player, "Mehr zum Thema" and a transcript note, a byline in the article's footer,
a WordPress blog with the date only in its URL and comments, an agency ticker of several
items, the first page of a paginated article, a magazine reportage with "Zur Person" and
"Fakten" boxes and picture credits, a press release with downloads, contact and "about
us"). Blind: 45/45 kept, 26/125 leaked (a "Meistgelesen" list and the transcript and
broadcast notes under a text, "Gefällt mir" buttons, the ticker's other items, a tool
line "Kommentare (14) · Artikel teilen · Drucken", a "Fakten" box, a gallery counter, a
"Diese Reportage erschien in Heft …" note, a press release's downloads and boilerplate),
the title 7/8 (the ticker's page name), the byline 7/8 (the footer's "Text: …"), the date
7/8 (a date in the text instead of the press release's dateline), the subheadings 3/8.
After: 45/45 kept, 0/125 leaked, title, byline and date 8/8; the press release's
sub-headline under its `h1` stays a heading (expected none blind, taken as right).

A third round of ten was written blind, its expectations before any run (in
data/formats/html/blind_round3_expected.json), and split in halves. Tuning (a ticker of
dated `div` entries, a paywall teaser with its offer box, a photo gallery with its date
only in JSON-LD, inline "Lesen Sie auch" boxes, byline and date above the `h1`): the
title 3/5 (the ticker's page name; the gallery refused as too short, its captions left
out), byline, date and site 4/5, 18/24 kept, 9/68 leaked (the paywall's offer box, the
ticker's intro and its other entries), subheadings 3/5. After: 5/5 each, 24/24 kept,
0/68 leaked. A page tagged "de-DE" keeps that language (expected "de" blind; the field
is the page's tag, as feeds and ninjs give theirs). Held-out (AMP, an interview with
bold questions, a fact-box table, an opinion piece under a cookie overlay, an English
page): title, date, site, language and subheadings 5/5, byline 3/5, 32/32 kept, 3/51
leaked, unchanged by the tuning half's rules.

The held-out half was then released for tuning, and its failures read: the opinion
piece's byline was its whole line "Ein Kommentar von …" and its closing "Schreiben Sie
dem Autor: <mail address>" stayed in the text; the English page's "By … ·" line stayed
in the text instead of giving the byline, and so did its closing "This article was
translated from German …". A byline line may now open with the piece's kind ("Ein
Kommentar von", "Eine Analyse von", "Gastbeitrag von") or with "By"; a closing line
that is a mail address, maybe labelled, and an English note on the text are end notes.
Before, all ten pages (`round_figures(ROUND3)`): title, date, site, language and
subheadings 10/10, byline 8/10, 56/56 kept, 3/119 leaked. After: 10/10 on every field,
56/56 kept, 0/119 leaked; every page of the round is tested against its expectations.

A fourth round of twelve was written blind (data/formats/html/blind_round4_expected.json)
and split in halves after its first run; only the tuning half was read. Tuning (two
linked authors and a publication just after midnight given in UTC, Drupal's fields, a
TV station's video page, a Contao grid with sibling teasers, a questions-and-answers
explainer, a Joomla parish page): title and language 6/6, byline, site and subheadings
5/6, date 3/6, 30/30 kept, 14/89 leaked (the sibling teasers with their headlines as
subheadings, a "Weitere Videos" column, "Bild: …" credits, "Druckversion · 412 Aufrufe";
the date a UTC date or a teaser's; no site name on a page whose metadata gives none).
After: every field 6/6 but the byline 5/6, 30/30 kept, 0/89 leaked. The byline left
was "Lena Morawe, Tim Rosenkranz" (the meta author's form) for a page showing "Von Lena
Morawe und Tim Rosenkranz", then held to be wrong; since every blind writer of pages and
feeds wrote several authors so, a byline lists them so ("A, B"), whatever the page's
line says (`base.join_names`). Held-out, measured once at the
end (`round_figures(ROUND4, "held-out")`): every field 6/6, 31/31 kept, 2/88 leaked,
as before the tuning half's rules; held as a floor.

A fifth round of ten was written blind (data/formats/html/blind_round5_expected.json)
and split in halves after its first run; only the tuning half was read. Tuning: site
and subheadings 4/5, every other field 5/5, 26/26 kept, 9/74 leaked. After: every
field 5/5, 26/26 kept, 0/74 leaked; every tuning page is tested against its
expectations . Held-out, measured once at the end
(`round_figures(ROUND5, "held-out")`): before the tuning half's rules and after them
alike, title and date 5/5, site and language 4/5, subheadings 3/5, byline 2/5, 26/26
kept, 13/70 leaked; held as a floor.

That held-out half was then released for tuning and its failures read: an old CMS's
page laid out in tables, its whole text in `<font size="2">` (paragraphs landed inside
paragraphs; the menus' and ads' columns and the copyright row came through; the meta
author, the publisher, stood for the closing "Text und Foto: …" credit; no `lang`, and a
copyright line parted by "·"); a live blog whose entries are `class="entry"`, which
trafilatura took for the article, so that another extractor's text came without the
summary's heading, and a consent manager's box (`cmpbox`); a print view's "Dieser
Artikel wurde gedruckt von: …" and "Abgerufen am …" under the copyright. Now inline
wrappers around `<br><br>` paragraphs are unwrapped, a layout table's side columns are
asides and its rows under the text footers, a closing "Text und Foto:" credit is the
byline, a page without a language tag is "de" where its text is German by its
commonest words, a live blog's entries lose "entry"/"post", consent managers are
furniture by their vendors' names, and a print view's notes are end notes. Two bylines
were expected as the meta authors' "A, B" where the page shows "Von A und B" (the
byline's form changed since, see above).
Held-out half, before the release and after it: title and date 5/5 → 5/5, site and
language 4/5 → 5/5, subheadings 3/5 → 5/5, byline 2/5 → 3/5 as the file is written (5/5
in the form "A, B"), 26/26 → 26/26 kept, 13/70 → 0/70 leaked; every page of the round is
tested against its expectations, and rounds 3 and 4 score as before.

A sixth round of ten was written blind (data/formats/html/blind_round6_expected.json,
ROUND6.md) and split in halves; only the tuning half was read. Tuning (a script-built
regional site with a reader poll under the text, a municipality's TYPO3 page whose
metadata names no site, a university's press release with its contact box, a
magazine's credits line ending in a paid badge, a press portal's release with its
contact lines and the portal's closing note): site and subheadings 4/5, every other
field 5/5 (the byline once the two-author expectation was put in the form "A, B"),
31/31 kept, 10/89 leaked (the poll, the contact lines, a contact box whose headings
became subheadings, "Original-Content von: …", the credits line under the lead with its
"Lesezeit 7 Min."; the host name "hollenried.de" as the site). Now a poll and a contact
box are furniture by their names and titles, a paragraph of lines under a furniture
title of its own (`<p><strong>Pressekontakt:</strong><br>…`) goes like a box, a press
portal's note closes the text as an end note, a byline line may end in a badge ("MM+"),
and where trafilatura names the site by its host name the footer's copyright owner comes
first. After: every field 5/5, 31/31 kept, 0/89 leaked; every tuning page is tested
against its expectations. Held-out, measured once at the end
(`round_figures(ROUND6, "held-out")`): before the tuning half's rules and after them
alike, title and language 4/5, byline and site 2/5, date 5/5, subheadings 3/5, 34/34
kept, 7/85 leaked; held as a floor. Rounds 3 to 5 pass their tests as before; the Leichte-Sprache
page's contact box goes, and with it the bold name once taken for a subheading.

That held-out half was then released for tuning and its failures read: a club's old
table-laid page whose <title> was "Verein e.V. - Aktuelles" (the section taken for the
headline, the real one a bold line that became a subheading, the text's `<h3>` lost by
trafilatura's fallback), its meta author the club itself and its byline a line
"eingestellt am 03.07.2026 von Gerd Lohse"; a broadcaster's page with camel-case class
names ("audioTeaser", "mediaBox imageBox") whose audio teaser and picture caption came
through, its byline "von Julia Neubert, MRF THÜRINGEN" and its site "MRF THÜRINGEN"
where "MRF Thüringen" was expected; a WordPress page whose `<html lang="en">` in an old
IE's conditional comment was read before the real `lang="de-DE"`, with its "Aktualisiert
am …: Stellungnahme ergänzt." note; a club's Jimdo page whose closing credit was "Text:
Anja Rotter / Fotos: Vereinsarchiv" and whose site was expected without "1902 e.V.".
Now a layout table's text column is `main`, a title that is a menu entry's text gives
way to the heading the text opens with, a byline line may open with "eingestellt am
<date> von", end in the pictures' credit after "/", and the site's own name is no
author; class names are read in camel case too, a picture's box with no more text than
a caption goes whole, "Bildrechte:" is a picture credit, an update note may say what
changed after a colon; the language is the parsed `html` element's; a site's name
loses its owner's legal form and founding year and writes words set in capitals as
words. Looking past the five pages, at what a German site's name and byline come from:
a site without a name in its metadata is named by its <title> beside the headline
("… | Lahn-Bote") before its copyright line, a Twitter handle is no better than none,
and an element named as the author's ("autor", "byline", "verfasser") holding a name
alone gives the byline and leaves the text. No expectation was taken as wrong; the one
test of our own that kept a copyright owner's "e.V." in the site's name follows the
blind writer now. Held-out half, before the release and after it
(`round_figures(ROUND6, "held-out")`): title and language 4/5 → 5/5, byline and site
2/5 → 5/5, date 5/5 → 5/5, subheadings 3/5 → 5/5, 34/34 → 34/34 kept, 7/85 → 0/85
leaked; every page of the round is tested against its expectations, rounds 3 to 5 and
round 4's held-out floor score as before.
"""

import datetime
import json
import socket
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from newstext.formats.base import FormatError, IncomingArticle
from newstext.formats.html import parse_html
from newstext.parsing import BlockKind, DatePrecision

DATA = Path(__file__).parent / "data" / "formats" / "html"
MAX = 50_000

KEEP = {
    "landbote_schule.html": [
        "Wiesental. Der geplante Anbau der Grundschule Wiesental wird frühestens im Sommer 2027 fertig",
        "Zwei Klassen werden seit dem Herbst in Containern auf dem Pausenhof unterrichtet.",
        "„Jetzt wird ein weiterer Jahrgang in den Containern eingeschult“, kritisierte sie.",
        "Die Kosten für den Anbau steigen damit auf 4,8 Millionen Euro.",
    ],
    "mittelland_zeitung_wahl.html": [
        # The lead, in bold above the body.
        "Bei der Stichwahl um das Bürgermeisteramt hat sich Amtsinhaber Frank Oswald mit 50,8 Prozent gegen seine Herausforderin durchgesetzt.",
        "Graf gratulierte dem Wahlsieger noch am Abend im Rathaus.",
        "Er geht damit in seine dritte Amtszeit.",
        # A table row is one line.
        "Frank Oswald | 6.412 | 50,8 %",
        "Der dritte Bewerber, Jürgen Wendt (CDU), hatte keine Empfehlung für die Stichwahl abgegeben.",
    ],
    "nordkurier_hafen.html": [
        # The lead, in the article's header.
        "Der Streit um die Vertiefung der Hafeneinfahrt ist beigelegt. Die Landesregierung finanziert den größten Teil, die Stadt muss trotzdem sparen.",
        "Nach zweijährigen Verhandlungen hat das Wirtschaftsministerium in Kiel",
        "sprach von einem „guten Tag für die ganze Region“.",
        "Die Baggerarbeiten gefährdeten die Seegraswiesen in der Bucht",
        "Während der Bauzeit bleibt der Fährbetrieb eingeschränkt.",
    ],
    "rheinland_kurier_radwege.html": [
        "Nach monatelanger Debatte hat der Stadtrat am späten Sonntagabend mit 31 zu 28 Stimmen ein neues Radwegenetz für die Innenstadt beschlossen.",
        "Bis zum Jahr 2028 sollen rund 14 Kilometer geschützte Radspuren entstehen",
        "Oberbürgermeisterin Sabine Reuter sprach nach der Abstimmung",
        "dass am Ring mehr als 300 Parkplätze wegfallen könnten.",
        "Die Fraktion der Bürgerliste nannte den Beschluss einen teuren Kompromiss",
        "Nach Angaben des Tiefbauamts beginnen die Arbeiten am Ring",
        "Vierzehn Kilometer in drei Jahren seien „ein Anfang, kein Durchbruch“.",
    ],
    "stadtanzeiger_schwimmbad.html": [
        "Nach zwei Jahren Bauzeit ist das Schwimmbad in Ohlsdorf seit Sonntag wieder geöffnet.",
        "Die Sanierung kostete rund sieben Millionen Euro",
        "sagte Betriebsleiterin Katrin Vosgerau.",
        "Der Schwimmverein Ohlsdorf hatte während der Bauzeit",
        "Samstags und sonntags öffnet das Bad künftig schon um sieben Uhr.",
    ],
    "taunus_bote_faktencheck.html": [
        "In sozialen Netzwerken kursiert die Behauptung, im Taunus seien inzwischen „drei Viertel aller Bäume tot“.",
        "Ein viel geteilter Beitrag zeigt Luftaufnahmen kahler Hänge bei Königstein.",
        "rund 38 Prozent der Bäume als deutlich geschädigt.",
        "Forstfachleute sprechen von einem tiefgreifenden Umbau des Waldes",
        "Die Behauptung ist falsch.",
        "Quellen: Waldzustandsbericht Hessen 2024",
    ],
    "westfalen_echo_bruecke.html": [
        "Die Talbrücke Ahlbach an der A 45 bleibt länger gesperrt als bisher angekündigt.",
        "Seitdem quält sich der Verkehr über die Landstraße durch Ahlbach und Niederfeld.",
        "„Wir haben gehofft, dass wir die Brücke noch einige Jahre halten können, bis der Neubau steht“, sagte Niederlassungsleiter Bernd Kuhlmann.",
        "Die Kammer rechnet mit Schäden in zweistelliger Millionenhöhe pro Jahr.",
        "Dort wollen Vertreter der Autobahn GmbH die Pläne für den Abriss vorstellen und Fragen beantworten.",
    ],
    "elbtal_post_amp_eu.html": [
        "Unterhändler des Europaparlaments und der Mitgliedstaaten haben sich in der Nacht zum Donnerstag auf neue Regeln für Verpackungen geeinigt.",
        "Am Ende setzten sie durch, dass Verpackungen aus Papier und Pappe von den Mehrwegquoten weitgehend ausgenommen bleiben.",
        "Deutschland liegt mit seinem Pfandsystem bereits heute über diesem Wert.",
        "sprach von einem „wichtigen Schritt gegen die Verpackungsflut“.",
        "Umweltverbände kritisierten dagegen, die Einigung sei in wichtigen Punkten verwässert worden.",
        "Danach haben die Mitgliedstaaten 18 Monate Zeit, die Regeln anzuwenden.",
    ],
    "foerde_rundschau_sturm_liveblog.html": [
        "Sturmtief „Odilia“ hat Schleswig-Holstein seit Sonntagnacht fest im Griff.",
        "Die Bahn hat den Fern- und Regionalverkehr nördlich von Hamburg bis mindestens Dienstag eingestellt.",
        "In Eckernförde hat die Feuerwehr die Uferstraße und den Hafenbereich geräumt.",
        "Der Scheitel der Sturmflut wird an der Kieler Förde nun für den frühen Abend gegen 18 Uhr erwartet.",
        "„Wir nehmen die Lage sehr ernst, aber es gibt keinen Grund zur Panik“, sagte sie nach der ersten Sitzung.",
        "Der Fahrer wurde leicht verletzt.",
        "Eltern sollen sich direkt an die Schulen wenden.",
        "Schwer verletzt wurde nach bisherigen Erkenntnissen niemand.",
    ],
    "saale_kurier_interview.html": [
        "Bad Kösen. Im Burgenlandkreis sind elf Hausarztsitze unbesetzt",
        "Frau Tamm, wie viele Patienten haben Sie heute schon behandelt?",
        "Bis zur Mittagspause waren es 46.",
        "Was sagen Sie Menschen, die neu in den Ort ziehen und einen Hausarzt suchen?",
        "Und die Bürokratie?",
        "Die frisst ungefähr ein Viertel meiner Zeit.",
        "Unterschrieben ist aber noch nichts.",
        "Würden Sie den Beruf heute noch einmal wählen?",
        "Ich wünsche mir nur, dass ich mich wieder mehr um die Menschen kümmern kann und weniger um Formulare.",
    ],
    "vogtland_anzeiger_strassenbahn.html": [
        "Plauen. Die Straßenbahn wird vorerst nicht bis zum Neubaugebiet am Reißiger Hang fahren.",
        "„Wir können uns dieses Projekt im Moment schlicht nicht leisten“, sagte Finanzbürgermeister Ralf Ebert in der Sitzung.",
        "Der Stadtrat Jörg Pfeifer von den Grünen nannte die Entscheidung „kurzsichtig“.",
        "Der neue Fahrplan soll im Sommer gelten.",
        "Der Verband will nun Unterschriften für ein Bürgerbegehren sammeln.",
        "Die bisherigen Planungen in Höhe von 350.000 Euro sollen so lange aufbewahrt werden.",
    ],
    "mosel_zeitung_weinlese_druck.html": [
        "Bernkastel-Kues. Die Winzer an der Mosel haben in diesem Jahr so wenig Trauben geerntet wie seit mehr als zehn Jahren nicht.",
        "„So etwas habe ich in 40 Jahren nicht erlebt“, sagt Winzer Albert Reuschel aus Graach",
        "Viele Betriebe ernteten Rieslinge mit hohen Mostgewichten und einer kräftigen Säure.",
        "Der Verband fordert darüber hinaus eine Versicherung gegen Frostschäden, die der Staat bezuschusst.",
        "„Die Hänge haben uns dieses Jahr gerettet“, sagt die junge Winzerin Lea Thömmes aus Ürzig.",
        "bei der rund 80 Betriebe ihre neuen Rieslinge vorstellen.",
    ],
    "hansestadt_morgen_hafenstreik.html": [
        "Hamburg (dpa) - Ein Warnstreik hat am Mittwoch den Hamburger Hafen weitgehend lahmgelegt.",
        "Am Vormittag zogen mehrere Hundert von ihnen in einem Demonstrationszug",
        "Die Arbeitgeber haben bisher eine Steigerung um 5,5 Prozent in zwei Stufen bei einer Laufzeit von 24 Monaten angeboten.",
        "„Ein Streik mitten in den Verhandlungen ist eine unnötige Eskalation“",
        "„Wer so viel verdient, kann auch ordentlich bezahlen.“",
        "Die Abfertigung des Rückstaus werde mindestens bis zum Wochenende dauern, hieß es.",
        "sollte es dann kein deutlich verbessertes Angebot geben.",
    ],
    "ostalb_nachrichten_klinik_plus.html": [
        "Die Kreisklinik in Heidenfeld gibt ihre Geburtshilfe auf. Werdende Eltern müssen künftig bis zu 40 Minuten fahren. Hebammen und Eltern protestieren.",
        "Im Kreisklinikum Heidenfeld werden vom 1. April an keine Kinder mehr geboren.",
        "„Wir können eine sichere Versorgung rund um die Uhr nicht mehr garantieren“, sagte Feucht.",
        "Die Zahl sinkt seit Jahren, weil sich viele Eltern schon jetzt für das größere Haus in Aalen entscheiden.",
    ],
    "dorfblatt_kleinried_dorfladen.html": [
        "Fast sechs Jahre nach der Schließung des letzten Lebensmittelgeschäfts bekommt Kleinried wieder einen Laden.",
        "„Wir haben nicht geglaubt, dass so viele mitmachen“, sagt Vorstand Anton Reisinger.",
        "Eine kleine Kaffeeecke mit vier Tischen soll den Laden auch zum Treffpunkt machen.",
        "darunter viele Rentnerinnen und Rentner, aber auch einige Schüler.",
        "„Ein Dorf ohne Laden verliert seine Mitte“, sagt Weigl.",
        "kann sich am Stand des Vorstands informieren.",
    ],
    "mainland_landtag_kliniken.html": [
        "Der Landtag hat in einer Sondersitzung 300 Millionen Euro zusätzlich für die Krankenhäuser im Land bewilligt.",
        "Mit den Stimmen der Regierungsfraktionen hat der Landtag am Freitag einen Nachtragshaushalt beschlossen.",
        "sagte Finanzminister Holger Brandau in der Debatte.",
        "An der Hilfe für die Kliniken selbst gebe es dagegen keinen Zweifel.",
        "würden weitere Kliniken schließen müssen.",
        "Anträge können die Kliniken ab Montag beim Landesamt für Gesundheit stellen.",
    ],
    "donau_tagblatt_kommentar_bahn.html": [
        "Es ist die dritte Bahnreform in zehn Jahren",
        "Jeder vierte Zug kam im November zu spät, jeder zehnte fiel ganz aus.",
        "„Wir stellen die Fahrgäste in den Mittelpunkt“, hat der Minister gesagt.",
        "Genau das tut die Reform nicht.",
        "Sie verdienen mehr als neue Namen.",
    ],
    "stadtteil_echo_repaircafe.html": [
        "Seit drei Jahren reparieren Ehrenamtliche im Gemeindehaus kaputte Toaster, Lampen und Fahrräder. Jetzt braucht das Team Verstärkung.",
        "Jeden ersten Samstag im Monat ist im Gemeindehaus an der Kirchstraße viel los.",
        "„Uns geht es nicht nur ums Reparieren, sondern auch ums Lernen“, sagt Organisatorin Birgit Hohmann.",
        "Doch von den ursprünglich 15 Helfern sind nur noch acht regelmäßig dabei.",
        "Gesucht werden außerdem:",
        "Fahrradschrauber für Bremsen, Schaltungen und Licht",
        "Helfer für den Empfang und das Café",
        "Das nächste Repair-Café findet am 9. Januar statt.",
    ],
    "rhein_neckar_blatt_inflation_dpa.html": [
        "Die Inflation in Deutschland hat sich im November leicht beschleunigt.",
        "Wiesbaden (dpa) - Die Verbraucherpreise in Deutschland sind im November um 2,4 Prozent gegenüber dem Vorjahresmonat gestiegen.",
        "Energie war dagegen etwas günstiger als vor einem Jahr",
        "Die Notenbank entscheidet in der kommenden Woche über den weiteren Kurs ihrer Zinspolitik.",
        "Endgültige Zahlen will das Bundesamt Mitte Dezember veröffentlichen.",
    ],
    # Written blind (before reading the extractor), see the module's docstring.
    "stadt_lindenau_pressemitteilung_winterdienst.html": [
        "Der städtische Betriebshof hat seinen Streuplan für den Winter überarbeitet.",
        "Seit Montag sind die Fahrzeuge des Betriebshofs wieder in Bereitschaft.",
        "„Viele Schülerinnen und Schüler fahren auch im Winter mit dem Rad, darauf reagieren wir“, sagt Bürgermeister Heiko Landgraf.",
        "Gehwege müssen werktags bis 7 Uhr, sonn- und feiertags bis 9 Uhr geräumt sein.",
        "Streusalz ist auf Gehwegen nur bei Eisregen erlaubt.",
        "Im vergangenen Winter hat das Ordnungsamt 57 Verfahren eingeleitet.",
        "Hinweise auf nicht geräumte Straßen nimmt der Betriebshof unter der Winterdienst-Hotline entgegen.",
    ],
    "kreisbote_handball_oberliga.html": [
        "Vor 1.400 Zuschauern hat der TV Seebach das Derby gegen die HSG Mühlhofen gewonnen.",
        "Lange sah es in der ausverkauften Sporthalle am Kirchberg nicht nach einem Heimsieg aus.",
        "In der 46. Minute glich Seebach zum 22:22 aus.",
        "„Marek hat uns heute das Spiel gewonnen“, sagte Achterberg nach der Partie.",
        "Ihr Team rutscht durch die Niederlage auf den sechsten Tabellenplatz ab.",
        "TV Seebach | Riedl 8, Kessler 6/3, Yilmaz 5, Hartung 4, Brandl 3, Ott 3",
        "Seebach spielt am kommenden Samstag beim Tabellenführer SG Altenau. Anwurf ist um 19.30 Uhr.",
    ],
    "nordblick_magazin_moor.html": [
        "Jahrzehntelang haben Bauern im Teufelsmoor Gräben gezogen, um Wiesen zu gewinnen.",
        "Hinrich Oltmanns steht am Rand einer Wiese, die im Winter nicht mehr grün ist",
        "Entwässerte Moore gehören zu den größten Quellen von Treibhausgasen in Norddeutschland.",
        "„Ein Hektar entwässertes Moor stößt so viel aus wie ein Auto, das zehnmal um die Erde fährt“, sagt Tammen.",
        "Doch auf nassen Wiesen können keine Milchkühe mehr weiden, und Mais wächst dort ohnehin nicht.",
        "Das Förderprogramm des Landes zahlt für jeden wiedervernässten Hektar einmalig bis zu 9.000 Euro",
        "Im Gasthof „Zur Hamme“ treffen sich an einem Dienstagabend dreißig Menschen",
        "„Dann dürfen wir uns auch ein paar Jahre Zeit lassen, es wieder nass zu machen.“",
    ],
    "talblick_online_feuerwehr_spanzeilen.html": [
        "Oberweiler. Die Freiwillige Feuerwehr Oberweiler bekommt ein neues Gerätehaus.",
        "Das bisherige Gebäude in der Kirchgasse stammt aus dem Jahr 1962",
        "„Wir sind froh, dass es jetzt endlich vorangeht“, sagte Kommandant Bernd Schäfer in der Sitzung.",
        "Die Gemeinde rechnet nach einer ersten Schätzung mit Baukosten von rund 3,2 Millionen Euro.",
        "Kritik kam aus den Reihen der Freien Wähler.",
        "Das Grundstück am Ortsausgang hat die Gemeinde bereits im vergangenen Jahr erworben.",
        "Das alte Feuerwehrhaus soll danach verkauft werden.",
    ],
    "landkreis_hohenfels_leichte_sprache.html": [
        "Am 14. März 2027 ist eine Wahl im Landkreis Hohenfels.",
        "Dann wählen die Menschen einen neuen Kreistag.",
        "Der Kreistag ist eine Gruppe von Menschen.",
        "Zum Beispiel:",
        "Wie oft der Bus fährt.",
        "Im Kreistag sind 56 Menschen.",
        "Sie brauchen einen deutschen Pass.",
        "Der Raum heißt: Wahl-Lokal.",
        "Sie können auch mit einem Brief wählen.",
        "Das dauert lange.",
        "Und in der Zeitung.",
        "Dann rufen Sie das Wahl-Amt an.",
    ],
    "oberland_zeitung_hallenbad_aside.html": [
        "Statt 7 Millionen Euro soll die Sanierung des Hallenbads nun 14,5 Millionen kosten.",
        "Die Zahl hat im Bauausschuss am Donnerstag für langes Schweigen gesorgt.",
        "Dazu kommen gestiegene Baupreise.",
        "„Ohne Fördermittel vom Freistaat können wir diese Summe nicht aufbringen“, sagte er.",
        "Das nächste Hallenbad liegt 28 Kilometer entfernt.",
        "„Wenn das Bad schließt, verlieren wir eine ganze Generation von Schwimmern“",
        "Die Fraktionen wollen sich bis zur Stadtratssitzung am 22. Januar beraten.",
        "Der Betrieb ist nach Angaben der Stadtwerke bis mindestens Ende 2027 gesichert.",
    ],
    "nachrichtenwelle_portal_bahnstreik_dpa.html": [
        "Frankfurt/Main (dpa) – Die Lokführergewerkschaft GDL hat für Mittwoch einen ganztägigen Warnstreik im Güterverkehr der Bahn angekündigt.",
        "Der Personenverkehr ist nach Angaben der GDL nicht betroffen.",
        "Das Unternehmen hatte zuletzt 4,2 Prozent in zwei Stufen angeboten.",
        "«Das Angebot ist eine Provokation», sagte der GDL-Bezirksvorsitzende Jens Albrecht.",
        "Es ist bereits der dritte Warnstreik im Güterverkehr seit Oktober.",
        "Vor allem Chemie- und Stahlunternehmen sind auf regelmäßige Lieferungen auf der Schiene angewiesen.",
    ],
    "wochenspiegel_polizeibericht_kreis.html": [
        "Die Polizei meldet aus dem Ammertal für die vergangenen Tage folgende Ereignisse.",
        "Unbekannte sind in der Nacht auf Donnerstag in eine Bäckerei in der Hauptstraße eingebrochen.",
        "Der Schaden wird auf 25.000 Euro geschätzt.",
        "Zwei Männer haben sich am Mittwochvormittag Zutritt zur Wohnung einer 87-jährigen Frau verschafft.",
        "In der Nacht auf Samstag haben Unbekannte in der Schulstraße drei Mülltonnen angezündet.",
        "prüft einen Zusammenhang mit ähnlichen Fällen im November.",
    ],
    # Written blind in a second round, see the module's docstring.
    "weserland_zeitung_fahrradbruecke_anzeige.html": [
        "Der Stadtrat hat nach langem Streit den Bau der Fahrradbrücke zwischen Altstadt und Neustadt beschlossen.",
        "Mit 27 zu 12 Stimmen hat der Stadtrat am Donnerstagabend den Bau der Fahrradbrücke beschlossen.",
        "Nach Angaben der Verwaltung fahren dort täglich rund 4.500 Radfahrer.",
        "Die Opposition kritisierte vor allem die Kosten.",
        "sagte Fraktionschefin Ute Brandes.",
        "Das Land übernimmt nach Angaben der Stadt rund 60 Prozent der Kosten",
        "Die Bauarbeiten sollen im Herbst beginnen",
        "Fertig sein soll die Brücke im Sommer 2028.",
    ],
    "radio_suedwest_kohle_audio_transkript.html": [
        "Nach 61 Jahren ist Schluss: Im Kraftwerk Lauterbach ist in der Nacht der letzte Kohleblock abgeschaltet worden.",
        "Um kurz nach Mitternacht drückte Schichtleiter Bernd Kessler den Knopf",
        "Rund 80 Beschäftigte hatten sich im Leitstand versammelt",
        "Der Betreiber hat zugesagt, dass niemand entlassen wird.",
        "andere wechseln in ein neues Batteriespeicher-Projekt auf dem Gelände.",
        "Ortsbürgermeisterin Petra Lang sagte im Gespräch mit Radio Südwest",
        "„Das Kraftwerk hat hier drei Generationen ernährt“, sagte Lang.",
    ],
    "kuestenblatt_deichbau_autor_unten.html": [
        "Der Landesdeich zwischen Süderwarft und dem Hafen Nordstrand wird in den kommenden drei Jahren um rund einen Meter erhöht.",
        "Grund sind neue Berechnungen zum Anstieg des Meeresspiegels.",
        "Auf einer Länge von 6,2 Kilometern soll der Deich außerdem eine breitere Krone erhalten",
        "Die Schafe, die den Deich beweiden, müssen während der Bauzeit auf benachbarte Flächen umziehen.",
        "Nach Angaben des Landesbetriebs bleibt er zwischen Oktober und März offen.",
        "Die Kosten von rund 38 Millionen Euro tragen Bund und Land gemeinsam.",
    ],
    "muehlbach_blog_spielplatz_kommentare.html": [
        "Der Spielplatz am Anger ist seit heute wieder geöffnet.",
        "weil die alte Kletterburg morsch geworden war.",
        "Auch der Sandkasten wurde erneuert, und es gibt endlich zwei Bänke im Schatten.",
        "Die Kinder der Klasse 3b durften bei der Auswahl der Geräte mitentscheiden.",
        "Offiziell eingeweiht wird der Platz beim Stadtteilfest am 9. Mai.",
    ],
    "nachrichtendienst_nord_ticker_kurzmeldungen.html": [
        "Geschäfte in Schleswig-Holstein dürfen künftig an vier statt bisher drei Sonntagen im Jahr öffnen.",
        "Die Gewerkschaften kündigten eine Klage an.",
    ],
    "stadtkurier_mieten_seite1_paginiert.html": [
        "Ein neuer Mietspiegel zeigt, wie stark die Preise gestiegen sind.",
        "Die durchschnittliche Kaltmiete in Talstadt liegt nach dem neuen Mietspiegel bei 11,40 Euro pro Quadratmeter.",
        "Im Landesschnitt stiegen die Mieten im selben Zeitraum um 6 Prozent.",
        "Besonders deutlich ist der Anstieg bei kleinen Wohnungen unter 40 Quadratmetern",
        "sagte die Vorsitzende Ilse Kranz.",
        "Die Stadtverwaltung verweist dagegen auf rund 1.200 neue Wohnungen",
    ],
    "alpenland_magazin_huettenwirtin_infobox.html": [
        "Seit 28 Jahren führt Anna Moser die Hochgratalm auf 1.834 Metern.",
        "Um halb fünf ist Anna Moser schon in der Küche.",
        "sagt sie und wischt sich das Mehl von den Händen.",
        "Die Lebensmittel kommen zweimal pro Woche mit der Materialseilbahn.",
        "Der Rücken, sagt sie, mache nicht mehr alles mit.",
        "Seitdem lernt die 23-Jährige jeden Sommer mit.",
        "„Dafür mache ich das alles“, sagt sie.",
    ],
    "stadtwerke_talheim_pressemitteilung_fernwaerme.html": [
        "Die Stadtwerke Talheim senken den Arbeitspreis für Fernwärme zum 1. Juli 2026 um 12 Prozent.",
        "Grund für die Senkung sind gesunkene Beschaffungskosten",
        "sagt Geschäftsführer Michael Sauer.",
        "Die neuen Preise gelten automatisch, die Abschläge werden angepasst.",
    ],
    # Written blind in a third round (the tuning half: a div ticker, a paywall, …).
    "ostseewelle_ticker_div_eintraege.html": [
        "Die Personenfähre zwischen Greifswald-Wieck und der Insel Riems fährt bis einschließlich Freitag nicht.",
        "Nach Angaben des Betreibers muss ein defektes Ruderblatt getauscht werden.",
        "Pendler können auf einen Ersatzbus ausweichen, der stündlich ab dem Bahnhof Greifswald fährt.",
    ],
    "nordstadt_zeitung_plus_teaser_abo.html": [
        "Der Schaden am Dach der Sporthalle am Lindenweg ist größer als zunächst angenommen.",
        "Sechs Vereine müssen sich bis mindestens Juli andere Hallen suchen.",
        "Bei einer Begehung in der vergangenen Woche hatten Gutachter Feuchtigkeit in mehreren tragenden Holzbindern festgestellt.",
    ],
    "bergstrasse_echo_bildergalerie_winzerfest.html": [
        "Tausende Besucher, ein Festumzug mit 40 Gruppen und eine neue Weinkönigin: Heppenau hat drei Tage lang sein Winzerfest gefeiert.",
        "Die neue Weinkönigin Lea Brunner winkt beim Festumzug durch die Hauptstraße.",
        "Rund 40 Gruppen zogen mit Wagen und Kapellen durch den Ort.",
        "Am Stand des Weinguts Sommerhalde bildeten sich am Samstagabend lange Schlangen.",
        "Die Kinder der Grundschule Heppenau führten einen Traubentanz auf.",
        "Zum Abschluss gab es am Sonntag ein Feuerwerk über den Weinbergen.",
    ],
    "rheintal_anzeiger_lesen_sie_auch.html": [
        "Ab April gilt in allen Straßen der Altstadt Tempo 30. Der Stadtrat stimmte am Dienstagabend mit 19 zu 17 Stimmen für den Vorschlag der Verwaltung.",
        "Bisher galt die Begrenzung nur in der Fischergasse und vor der Grundschule am Kirchplatz.",
        "Oberbürgermeisterin Katrin Lehmkuhl verwies auf die Zahl der Unfälle",
        "Die Fraktion der Freien Wähler hatte eine Ausnahme für die Rheinstraße gefordert",
        "Der Vorsitzende der Werbegemeinschaft, Holger Frantz, sieht die Entscheidung skeptisch.",
        "Andere Geschäftsleute begrüßen den Beschluss.",
        "Die Verwaltung will die neuen Schilder bis Ende März aufstellen lassen.",
    ],
    "hellweg_kurier_meta_ueber_titel.html": [
        "Werl. Nach dem Umbau des Marktplatzes findet der Wochenmarkt ab Januar in der Steinerstraße statt.",
        "Zwei Jahre lang wird der Marktplatz neu gepflastert",
        "Die Stadt hatte zunächst den Parkplatz am Bahnhof vorgeschlagen.",
        "Der Markt findet weiterhin dienstags und freitags von 7 bis 13 Uhr statt.",
        "Der erste Markttag in der Fußgängerzone ist Freitag, der 8. Januar.",
    ],
}
HEADINGS = {
    "landbote_schule.html": ["Eltern sind verärgert"],
    "mittelland_zeitung_wahl.html": ["Ergebnis im Überblick"],
    "nordkurier_hafen.html": ["Umweltverbände kündigen Klage an", "Baubeginn im Herbst"],
    "rheinland_kurier_radwege.html": [
        "Händler fürchten um Parkplätze",
        "Erste Bauabschnitte im Frühjahr",
    ],
    "stadtanzeiger_schwimmbad.html": [
        "Mehr Zeit für Schwimmkurse",
        "Längere Öffnungszeiten am Wochenende",
    ],
    "taunus_bote_faktencheck.html": ["Die Behauptung", "Was die Daten zeigen", "Bewertung"],
    "westfalen_echo_bruecke.html": [],
    "elbtal_post_amp_eu.html": ["Handel warnt vor Kosten", "Zustimmung gilt als Formsache"],
    "foerde_rundschau_sturm_liveblog.html": [
        "Das Wichtigste in Kürze",
        "Feuerwehr räumt Uferstraße in Eckernförde",
        "Landesregierung richtet Krisenstab ein",
        "Schulen bleiben auch am Dienstag zu",
    ],
    "saale_kurier_interview.html": [],
    "vogtland_anzeiger_strassenbahn.html": ["Busse statt Bahn"],
    "mosel_zeitung_weinlese_druck.html": ["Preise dürften steigen", "Steillagen als Gewinner"],
    "hansestadt_morgen_hafenstreik.html": [
        "Arbeitgeber sprechen von Eskalation",
        "Schiffe stauen sich vor der Elbmündung",
    ],
    "ostalb_nachrichten_klinik_plus.html": [],
    "dorfblatt_kleinried_dorfladen.html": ["Ehrenamt und zwei Teilzeitkräfte"],
    "mainland_landtag_kliniken.html": ["Opposition droht mit Klage"],
    "donau_tagblatt_kommentar_bahn.html": [],
    "stadtteil_echo_repaircafe.html": ["Gesucht werden vor allem Elektriker"],
    "rhein_neckar_blatt_inflation_dpa.html": [],
    # Written blind (before reading the extractor), see the module's docstring.
    "stadt_lindenau_pressemitteilung_winterdienst.html": [
        "Was Anwohnerinnen und Anwohner beachten müssen",
        "Streugut wird knapp kalkuliert",
    ],
    "kreisbote_handball_oberliga.html": [
        "Torhüter hält den Sieg fest",
        "Die Tore",
    ],
    "nordblick_magazin_moor.html": [
        "Kapitel 1: Ein Boden, der ausatmet",
        "Kapitel 2: Geld für nasse Füße",
        "Kapitel 3: Das Dorf rechnet",
    ],
    "talblick_online_feuerwehr_spanzeilen.html": [
        "Kosten von rund 3,2 Millionen Euro",
        "Grundstück ist bereits gekauft",
    ],
    "landkreis_hohenfels_leichte_sprache.html": [
        "Was ist der Kreistag?",
        "Wer darf wählen?",
        "So geht die Wahl",
        "Wann gibt es das Ergebnis?",
        "Sie brauchen Hilfe?",
        # The bold name over the address ("<p><strong>…</strong><br>Telefon …"), once a
        # subheading, goes with its box (`class="kontakt"`) since the sixth round.
    ],
    "oberland_zeitung_hallenbad_aside.html": [
        "Vereine fürchten um ihre Trainingszeiten",
        "Entscheidung im Januar",
    ],
    "nachrichtenwelle_portal_bahnstreik_dpa.html": [],
    "wochenspiegel_polizeibericht_kreis.html": [
        "Ammerbach: Einbrecher stehlen Tageseinnahmen",
        "Bundesstraße 27: Drei Verletzte nach Auffahrunfall",
        "Tiefental: Betrüger geben sich als Handwerker aus",
        "Kirchhofen: Mülltonnen in Brand gesetzt",
    ],
    # Written blind in a second round, see the module's docstring.
    "weserland_zeitung_fahrradbruecke_anzeige.html": [
        "Baubeginn im Herbst 2026",
    ],
    "radio_suedwest_kohle_audio_transkript.html": [
        "Wie geht es mit den Beschäftigten weiter?",
    ],
    "kuestenblatt_deichbau_autor_unten.html": [],
    "muehlbach_blog_spielplatz_kommentare.html": [],
    "nachrichtendienst_nord_ticker_kurzmeldungen.html": [],
    "stadtkurier_mieten_seite1_paginiert.html": [],
    "alpenland_magazin_huettenwirtin_infobox.html": [],
    "stadtwerke_talheim_pressemitteilung_fernwaerme.html": [
        "Rund 9.000 Haushalte profitieren – Entlastung von durchschnittlich 140 Euro im Jahr",
    ],
    # Written blind in a third round (the tuning half: a div ticker, a paywall, …).
    "ostseewelle_ticker_div_eintraege.html": [],
    "nordstadt_zeitung_plus_teaser_abo.html": [],
    "bergstrasse_echo_bildergalerie_winzerfest.html": [],
    "rheintal_anzeiger_lesen_sie_auch.html": [
        "Händler sind gespalten",
    ],
    "hellweg_kurier_meta_ueber_titel.html": [
        "Markttage bleiben gleich",
    ],
}
DROP = {
    "landbote_schule.html": [
        "Traueranzeigen",  # navigation
        "Startseite",  # breadcrumb
        "Diese Webseite nutzt Cookies",
        "Das könnte Sie auch interessieren",  # related links inside the text
        "Kita-Gebühren",
        "Artikel teilen",
        "Zurück zur Übersicht",
        "Ihre Meinung ist gefragt",  # comments, named in German
        "Typisch Gemeinde",
        "Wetter in Wiesental",  # sidebar
        "Bäckerei Heller",
        "Küchenstudio",  # ad
        "Impressum",
        "02.06.2025 | Michael Stöhr",  # the date and byline line
    ],
    "mittelland_zeitung_wahl.html": [
        "Ihre Privatsphäre",  # consent banner
        "Alle akzeptieren",
        "E-Paper",
        "Kommunalwahl",  # kicker
        "Von Sven Lüders",  # the byline line
        "22:05 Uhr",
        "Twittern",
        "Unsere Empfehlungen",
        "Liveblog",
        "Diskutieren Sie mit",  # comments
        "Knapper geht es nicht",
        "Cookie-Einstellungen",
        "Mittelland Medien",
    ],
    "nordkurier_hafen.html": [
        "Wir verwenden Cookies",
        "Pur-Abo",
        "Kultur",  # navigation
        "4 Min. Lesezeit",
        "Auf Facebook teilen",
        "Containerschiff läuft",  # caption
        "Lesen Sie auch",  # inline teaser
        "Fährverbindung nach Dänemark",
        "Anzeige",
        "Ferienwohnung",
        "3 von 5 freien Artikeln",  # paywall
        "Redakteurin im Ressort",  # author box
        "Schlagworte",
        "Mehr zum Thema",
        "Werft in Not",
        "Morgenbrief",
        "Kommentare",
        "Endlich bewegt sich was",
        "Meistgelesen",
        "Sturmflut",
        "Impressum",
        "Medienhaus GmbH",
    ],
    "rheinland_kurier_radwege.html": [
        "Cookies",  # cookie banner
        "Alle akzeptieren",
        "Ratgeber",  # navigation
        "Startseite",  # breadcrumb
        "Lesen Sie auch",  # inline teaser
        "Parkhaus Nord",
        "Anzeige",
        "Mehr zum Thema",  # related links
        "Erste Fahrradstraße",
        "Kommentare",  # comments
        "Endlich! Ich fahre",
        "Typisch, an die Leute vom Land",
        "Meistgelesen",  # sidebar
        "Schwerer Unfall auf der B9",
        "Morgen-Newsletter",
        "Impressum",  # footer
        "Alle Rechte vorbehalten",
        "Teilen",
        "Themen:",
    ],
    "stadtanzeiger_schwimmbad.html": [
        "Cookies",
        "Einverstanden",
        "E-Paper",
        "Auch interessant",
        "Freibadsaison endet",
        "Weitere Artikel aus Freizeit",
        "Herbstmarkt auf dem Marktplatz",
        "Kommentare",
        "meine Tochter wartet",
        "Pommesbude",
        "Flohmarkt Fuhlsbüttel",
        "Probefahrt",
        "Impressum",
        "Copyright 2025",
        "Artikel teilen",
    ],
    "taunus_bote_faktencheck.html": [
        "Datenschutzhinweis",
        "Cookies",
        "Akzeptieren und weiter",
        "Borkenkäfer: Förster schlagen Alarm",
        "Das könnte Sie auch interessieren",
        "Windräder",
        "Leserkommentare",
        "Glashütten spazieren",
        "Danke für die Einordnung",
        "Impressum",
        "Verlagsgesellschaft",
    ],
    "westfalen_echo_bruecke.html": [
        "Bitte aktivieren Sie JavaScript",
        "Inhalt wird geladen",
        "abVariant",
        "__APP_STATE__",
        "Westfalen-Echo",
    ],
    "elbtal_post_amp_eu.html": [
        "Wir und unsere Partner",
        "Zustimmen",
        "Menü",
        "Dresden",
        "Umweltpolitik",
        "Korrespondentin in Brüssel",
        "21:18 Uhr",
        "Plastikschalen für Obst",
        "Foto: Imago",
        "Auf Facebook teilen",
        "Anzeige",
        "Mehr zum Thema",
        "Pfand auf Milchflaschen",
        "Impressum",
        "Zur Vollversion",
        "Elbtal-Post Verlag",
    ],
    "foerde_rundschau_sturm_liveblog.html": [
        "Cookies",
        "Akzeptieren",
        "Holstein Kiel",
        "Ratgeber",
        "Stand: 07.12.2026",
        "Winterreifen",
        "Ältere Einträge laden",
        "Link kopieren",
        "Unwetterwarnungen",
        "Meistgelesen",
        "Neue Kita in Gaarden",
        "Impressum",
        "Mediengruppe",
    ],
    "saale_kurier_interview.html": [
        "Wir nutzen Cookies",
        "E-Paper",
        "Saalekreis",
        "Gesundheit",
        "Veröffentlicht am",
        "Lesen Sie auch",
        "Versorgungszentrum in Zeitz",
        "Jeden Freitag",
        "Jetzt kostenlos anmelden",
        "WhatsApp",
        "Weitere Artikel",
        "Ärztequote",
        "AGB",
    ],
    "vogtland_anzeiger_strassenbahn.html": [
        "Kleinanzeigen",
        "Rubriken",
        "Oelsnitz",
        "Familienanzeigen",
        "Dienstag, 01.12.2026",
        "Von unserem Redakteur",
        "Kommentar schreiben",
        "Artikel drucken",
        "Alle Rechte vorbehalten",
        "Mediadaten",
    ],
    "mosel_zeitung_weinlese_druck.html": [
        "Drucken",
        "Fenster schließen",
        "Region · Bernkastel-Kues",
        "Autor: Jens",
        "Stand: 07.12.2026",
        "Quelle: https",
        "Alle Rechte vorbehalten",
        "Verlagsgesellschaft",
    ],
    "hansestadt_morgen_hafenstreik.html": [
        "Wir respektieren",
        "Alle akzeptieren",
        "St. Pauli",
        "Tarifkonflikt",
        "Von Tim Kohl",
        "Aktualisiert: 03.12.2026",
        "Bild 1 von 4",
        "Stillstand am Containerterminal",
        "Foto: dpa",
        "Foto: Marcus Brandt",
        "Zurück",
        "Lesen Sie auch",
        "Containerumschlag sinkt",
        "Wirtschafts-Newsletter",
        "Kostenlos abonnieren",
        "Themen:",
        "Artikel teilen",
        "Merken",
        "Das könnte Sie auch interessieren",
        "HVV erhöht",
        "Impressum",
        "Medien GmbH",
    ],
    "ostalb_nachrichten_klinik_plus.html": [
        "Zustimmen",
        "Ellwangen",
        "ON+",
        "Xxxxx",
        "Weiterlesen",
        "Lesen Sie alle Artikel",
        "0,99 €",
        "Jetzt abonnieren",
        "bereits Abonnent",
        "Hier anmelden",
        "Von Helene Marx",
        "04.12.2026",
        "Top 5",
        "Weihnachtsmarkt öffnet",
        "Impressum",
        "Ostalb Medien",
    ],
    "dorfblatt_kleinried_dorfladen.html": [
        "Zum Inhalt springen",
        "Nachrichten aus Kleinried und Umgebung",
        "Vereine",
        "Veröffentlicht am",
        "Gerda Pfister",
        "Teilen mit",
        "Ähnliche Beiträge",
        "Genossenschaft für Dorfladen gegründet",
        "Veröffentlicht in",
        "Vorheriger Beitrag",
        "Schreibe einen Kommentar",
        "E-Mail-Adresse",
        "Neueste Beiträge",
        "ehrenamtlich von Bürgerinnen",
        "WordPress",
    ],
    "mainland_landtag_kliniken.html": [
        "Zum Inhalt",
        "Fernsehen",
        "Stand: 05.12.2026",
        "02:14 Min",
        "Landtag gibt Geld für Kliniken frei",
        "Imago",
        "Sendung:",
        "Weitere Informationen",
        "Jedes zweite Haus im Minus",
        "Quelle:",
        "Barrierefreiheit",
    ],
    "donau_tagblatt_kommentar_bahn.html": [
        "Cookies",
        "Regensburg Bayern",
        "Ein Kommentar von",
        "leitet das Ressort Politik",
        "E-Mail an den Autor",
        "Teilen",
        "Leserbriefe",
        "Impressum",
    ],
    "stadtteil_echo_repaircafe.html": [
        "Zustimmung zu Cookies",
        "Mitmachen",
        "Freitag, 4. Dezember 2026",
        "Foto: privat",
        "Weitere Beiträge",
        "Weihnachtsbasar",
        "Gefällt mir",
        "Beliebte Beiträge",
        "Bäckerei schließt",
        "Nutzungsbedingungen",
    ],
    "rhein_neckar_blatt_inflation_dpa.html": [
        "212 Partner",
        "Heidelberg",
        "05.12.2026, 10:12 Uhr",
        "dpa-infocom",
        "Auch interessant",
        "Mieten in Mannheim",
        "Impressum",
    ],
    # Written blind (before reading the extractor), see the module's docstring.
    "stadt_lindenau_pressemitteilung_winterdienst.html": [
        "Zum Inhalt springen",
        "Gebärdensprache",
        "Rathaus & Politik",
        "Bürgerservice",
        "Pressemitteilungen",
        "03.12.2026",
        "Dateien",
        "Streuplan 2026/27 (PDF",
        "Pressekontakt",
        "Presse- und Öffentlichkeitsarbeit",
        "Telefon 03999",
        "presse@lindenau.example",
        "Zurück zur Übersicht",
        "Seite drucken",
        "Seite teilen",
        "Impressum",
        "Barrierefreiheit",
        "technisch notwendige Cookies",
        "Verstanden",
    ],
    "kreisbote_handball_oberliga.html": [
        "E-Paper",
        "Anmelden",
        "Anzeige",
        "Handball-Oberliga",
        "06.12.2026",
        "Von Timo Brandt",
        "Liveticker zum Nachlesen",
        "Alle Tore und Szenen",
        "Seebachs Kreisläufer setzt sich",
        "Foto: Carla Nees",
        "Themen:",
        "Tabelle Oberliga",
        "HC Lindtal",
        "Zur kompletten Tabelle",
        "Meistgelesen",
        "Spielabbruch in Hausen",
        "Sport-Newsletter",
        "Jetzt abonnieren",
        "Kreisbote Verlag",
        "Impressum",
    ],
    "nordblick_magazin_moor.html": [
        "NORDBLICK+ testen",
        "Reportage · Klimaschutz",
        "(Text)",
        "Lena Sommer",
        "Lesezeit",
        "4. Dezember 2026",
        "Teilen",
        "Merken",
        "Vorlesen",
        "Bildergalerie",
        "Ein verschlossener Graben bei Wörpedahl",
        "Nächstes Bild",
        "Mehr zum Thema",
        "Torfmoos als Rohstoff: Was die Forschung weiß",
        "ist Reporterin im Ressort Wissen",
        "Das könnte Sie auch interessieren",
        "Warum Niedersachsens Wiesen immer tiefer sinken",
        "Der Boden sackt jedes Jahr ab.",
        "Privatsphäre-Einstellungen",
        "NORDBLICK Verlag",
    ],
    "talblick_online_feuerwehr_spanzeilen.html": [
        "Heimatzeitung",
        "Kleinanzeigen",
        "Lokales > Oberweiler",
        "Erstellt:",
        "Autor:",
        "Artikel drucken",
        "Artikel empfehlen",
        "zurück",
        "Leserkommentare",
        "Feuerwehrfan74",
        "Wurde auch Zeit!",
        "muss man erst mal bezahlen",
        "Kommentar schreiben",
        "Weihnachtsmarkt Oberweiler",
        "Blutspende",
        "4 Grad",
        "Impressum",
    ],
    "landkreis_hohenfels_leichte_sprache.html": [
        "Start-Seite",
        "Das Land-Rats-Amt",
        "Alltags-Sprache",
        "Seite vorlesen",
        "Stand:",
        "Bild: Eine Wahl-Urne",
        "Bild: Menschen an einem Tisch",
        "Bild: Ein Ausweis",
        "Dieser Text wurde von einer Prüf-Gruppe geprüft.",
        "Siegel Leichte Sprache",
        "Bild-Sammlung",
        "Daten-Schutz",
        "Barriere-Freiheit",
    ],
    "oberland_zeitung_hallenbad_aside.html": [
        "143 Partner",
        "Alle akzeptieren",
        "OZ Digital abonnieren",
        "Startseite",
        "Facebook",
        "WhatsApp",
        "Link kopieren",
        "Autoren:",
        "17:30 Uhr",
        "seit 1974 in Betrieb",
        "Georg Lindner",
        "Lesen Sie auch",
        "Freibad Bergstetten: Weniger Besucher",
        "Anzeige",
        "Bergstetten-Newsletter",
        "jeden Freitag kostenlos",
        "Jetzt anmelden",
        "Zuletzt aktualisiert",
        "Fehler gefunden",
        "Stadtrat Bergstetten",
        "Mehr aus Bergstetten",
        "Adventsmarkt",
        "Mediengruppe",
    ],
    "nachrichtenwelle_portal_bahnstreik_dpa.html": [
        "Ratgeber",
        "Suche",
        "Quelle: dpa",
        "07.12.2026",
        "Vorlesen",
        "Teilen",
        "Lesezeit",
        "Anzeige",
        "Mehr zum Thema",
        "Was Pendler jetzt wissen müssen",
        "Warum der Güterverkehr auf der Schiene stockt",
        "Kommentare (3)",
        "Pendler_aus_Fulda",
        "Schon wieder?",
        "die Forderung ist berechtigt",
        "Alle Kommentare anzeigen",
        "Cookie-Einstellungen",
        "ohne Gewähr",
    ],
    "wochenspiegel_polizeibericht_kreis.html": [
        "kostenlos in Ihrem Briefkasten",
        "Zustellung reklamieren",
        "Blaulicht",
        "6. Dezember 2026",
        "Redaktion Wochenspiegel",
        "Teilen mit:",
        "Drucken",
        "Ähnliche Beiträge",
        "Fahrraddiebe am Bahnhof",
        "Schlagwörter",
        "Ein Gedanke zu",
        "Gerda M.",
        "Die Masche mit den falschen Handwerkern",
        "Schreibe einen Kommentar",
        "wird nicht veröffentlicht",
        "Neueste Beiträge",
        "Weihnachtsbaumverkauf",
        "Ammertal Medien GmbH",
    ],
    # Written blind in a second round, see the module's docstring.
    "weserland_zeitung_fahrradbruecke_anzeige.html": [
        "Anzeige",
        "ANZEIGE",
        "Traumhaus",
        "Stromtarif",
        "Lesen Sie auch",
        "Schulsanierung: Eltern",
        "Der Morgen in Hameln",
        "Postfach",
        "abonnieren",
        "Datenschutzerklärung",
        "Cookies",
        "Auf Facebook teilen",
        "Artikel merken",
        "Lesezeit",
        "Visualisierung:",
        "0,99",
        "Mehr aus Hameln",
        "Wochenmarkt zieht",
        "Alle Rechte vorbehalten",
        "Themen:",
    ],
    "radio_suedwest_kohle_audio_transkript.html": [
        "Abspielen",
        "Audio herunterladen",
        "MP3",
        "Dauer 4:12",
        "Verfügbar bis",
        "Mehr zum Thema",
        "Strukturwandel: Was wird",
        "Kohleausstieg in Rheinland-Pfalz",
        "Abschrift",
        "Hinweis:",
        "Sendung am",
        "Bei Facebook teilen",
        "Link kopieren",
        "Meistgelesen",
        "Blitzer-Marathon",
        "Zum Inhalt springen",
        "Livestream",
        "Suchbegriff",
        "Anstalt des öffentlichen Rechts",
    ],
    "kuestenblatt_deichbau_autor_unten.html": [
        "Text: Merle Hansen",
        "Fotos: Jan Petersen",
        "Printausgabe",
        "Artikel drucken",
        "Fehler melden",
        "Weitere Artikel",
        "Fähre nach Pellworm",
        "Gezeiten",
        "Hochwasser Husum",
        "Traueranzeigen",
        "Anzeige aufgeben",
        "Hafenstraße 12",
        "Die Zeitung für Nordfriesland",
    ],
    "muehlbach_blog_spielplatz_kommentare.html": [
        "Teilen mit",
        "Gefällt mir",
        "Wird geladen",
        "Ähnliche Beiträge",
        "Baumfällungen",
        "Schlagwörter",
        "Vorheriger Beitrag",
        "Nächster Beitrag",
        "Gedanken zu",
        "sagt:",
        "Enkel",
        "Mülleimer",
        "Antworten",
        "Schreibe einen Kommentar",
        "E-Mail-Adresse wird nicht veröffentlicht",
        "Kommentar abschicken",
        "Neueste Beiträge",
        "Archiv",
        "WordPress",
        "seit 2011",
    ],
    "nachrichtendienst_nord_ticker_kurzmeldungen.html": [
        "A7 zwischen Rendsburg",
        "Der Fahrer wurde leicht verletzt.",
        "Elektrofähren",
        "400 Arbeitsplätze",
        "34 Grad",
        "Ältere Meldungen laden",
        "laufend aktualisiert",
        "urheberrechtlich",
        "Weiterverbreitung",
    ],
    "stadtkurier_mieten_seite1_paginiert.html": [
        "Seite 1 von 2",
        "Nächste Seite",
        "auf einer Seite lesen",
        "Weiter",
        "Lesen Sie auf Seite 2",
        "Was Vermieter zu den Zahlen sagen",
        "Kommentare (14)",
        "Artikel teilen",
        "Cookies",
        "jetzt suchen",
        "Meistgelesen",
        "Mediadaten",
    ],
    "alpenland_magazin_huettenwirtin_infobox.html": [
        "Foto: Lisa Graf",
        "Bild: Lisa Graf",
        "Fotos: Lisa Graf",
        "Zur Person",
        "wuchs in Oberstaufen auf",
        "Fakten",
        "Höhe: 1.834 Meter",
        "Lagerplätze",
        "Im Hintergrund der Hochgrat",
        "200 Portionen",
        "Bildergalerie",
        "Bild 1 von 12",
        "Heft 8/2026",
        "im Shop bestellen",
        "Das könnte Sie auch interessieren",
        "Sennerinnen",
        "Abo-Service",
    ],
    "stadtwerke_talheim_pressemitteilung_fernwaerme.html": [
        "Pressekontakt",
        "Sabine Roth",
        "07131",
        "presse@stadtwerke-talheim.example",
        "Über die Stadtwerke Talheim",
        "42.000 Kundinnen",
        "380 Mitarbeitende",
        "Downloads",
        "als PDF",
        "Pressefoto",
        "Zurück zur Übersicht",
        "Störung melden",
        "Kundenportal",
        "Sie sind hier",
        "HRB 1234",
    ],
    # Written blind in a third round (the tuning half: a div ticker, a paywall, …).
    "ostseewelle_ticker_div_eintraege.html": [
        "Weihnachtsmarkt in Wolgast",
        "Die Buden werden bis dahin gesichert",
        "Polizei sucht Zeugen",
        "Hinweise nimmt das Polizeirevier Anklam entgegen",
        "Link zur Meldung",
        "Teilen",
        "Weitere Meldungen laden",
        "Blitzer heute",
        "Jetzt im Radio",
        "Kurz und aktuell",
        "Radio hören",
        "Impressum",
        "© 2026 Ostseewelle",
        "14:32 Uhr",
        "Nachrichten-Ticker",
        "Nach einem Zusammenstoß zweier Lieferwagen",
        "Greifswald\n",
    ],
    "nordstadt_zeitung_plus_teaser_abo.html": [
        "NZ+",
        "Lesen Sie jetzt weiter",
        "Alle Artikel auf",
        "Die App mit dem E-Paper",
        "Jederzeit kündbar",
        "0,99 €",
        "Jetzt abonnieren",
        "Bereits Abonnent",
        "Mehr aus Lokales",
        "Neue Ampel an der Hafenstraße",
        "Impressum",
        "Privatsphäre-Einstellungen",
        "Zum Inhalt springen",
        "Von Carla Weidemann",
        "06:00 Uhr",
    ],
    "bergstrasse_echo_bildergalerie_winzerfest.html": [
        "Bild 1 von 5",
        "Bild 3 von 5",
        "Foto: Anna Keller",
        "Fotos: Anna Keller",
        "Vorheriges Bild",
        "Nächstes Bild",
        "Galerie teilen",
        "Weitere Bildergalerien",
        "Herbstmarkt in Lindenfels",
        "Suchbegriff",
        "Impressum",
        "Mediadaten",
        "Ein Angebot der Echo Mediengruppe",
    ],
    "rheintal_anzeiger_lesen_sie_auch.html": [
        "Lesen Sie auch",
        "Radweg am Rheinufer wird breiter",
        "Mehr zum Thema",
        "Parkhaus an der Altstadt",
        "Buslinie 7 fährt",
        "Auch interessant",
        "Wochenmarkt zieht auf den Kirchplatz",
        "Themen:",
        "Kommentare anzeigen",
        "Traueranzeigen",
        "Abo-Service",
        "Copyright",
        "18:40 Uhr",
    ],
    "hellweg_kurier_meta_ueber_titel.html": [
        "Einkaufen",
        "2 Min.",
        "17:45 Uhr",
        "Foto: Jana Overbeck",
        "Artikel teilen",
        "Merken",
        "Das könnte Sie auch interessieren",
        "Allerheiligenkirmes",
        "Mein Konto",
        "HK Plus",
        "Alle Rechte vorbehalten",
        "Startseite",
    ],
}
# Title, byline and date a reader sees on the page, for the pages of other shapes.
META = {
    "westfalen_echo_bruecke.html": (
        "Talbrücke Ahlbach bleibt bis 2028 gesperrt",
        "Katharina Vollmer, Deniz Arslan",
        datetime.date(2026, 11, 30),
    ),
    "elbtal_post_amp_eu.html": (
        "EU einigt sich auf strengere Regeln für Einwegverpackungen",
        "Dr. Katrin Möller",
        datetime.date(2026, 11, 26),
    ),
    "foerde_rundschau_sturm_liveblog.html": (
        "Sturmtief „Odilia“: Alle Entwicklungen im Liveblog",
        "Lukas Brenner, Sarah Yilmaz",
        datetime.date(2026, 12, 6),
    ),
    "saale_kurier_interview.html": (
        "Hausärztin im Interview: „Wir arbeiten seit Jahren am Limit“",
        "Henrike Sommer",
        datetime.date(2026, 12, 3),
    ),
    "vogtland_anzeiger_strassenbahn.html": (
        "Straßenbahnlinie 5 wird nicht verlängert",
        "Martin Kolbe",
        datetime.date(2026, 12, 1),
    ),
    "mosel_zeitung_weinlese_druck.html": (
        "Weinlese 2026: Kleine Menge, großer Jahrgang",
        "Jens Hallermann",
        datetime.date(2026, 12, 7),
    ),
    "hansestadt_morgen_hafenstreik.html": (
        "Warnstreik legt Hamburger Hafen lahm",
        "Tim Kohl, Jana Weber",
        datetime.date(2026, 12, 2),
    ),
    "ostalb_nachrichten_klinik_plus.html": (
        "Kreisklinik Heidenfeld: Geburtsstation schließt im Frühjahr",
        "Helene Marx, Tobias Renz",
        datetime.date(2026, 12, 4),
    ),
    "dorfblatt_kleinried_dorfladen.html": (
        "Neuer Dorfladen in Kleinried öffnet am Samstag",
        "Gerda Pfister",
        datetime.date(2026, 12, 5),
    ),
    # Not mainland_landtag_kliniken.html: it names no author, and trafilatura makes one of
    # the "Sendung: …" line under the text ("Sendung mainland-info"); left as it is.
    "donau_tagblatt_kommentar_bahn.html": (
        "Der Fahrgast bleibt Nebensache",
        "Jan Rieger",
        datetime.date(2026, 12, 4),
    ),
    "stadtteil_echo_repaircafe.html": (
        "Repair-Café in Lindenhorst sucht Helfer",
        "Marie-Luise Schäfer-Brandt",
        datetime.date(2026, 12, 4),
    ),
    "rhein_neckar_blatt_inflation_dpa.html": (
        "Verbraucherpreise steigen im November um 2,4 Prozent",
        "dpa",
        datetime.date(2026, 12, 5),
    ),
    # Written blind (before reading the extractor), see the module's docstring.
    "stadt_lindenau_pressemitteilung_winterdienst.html": (
        "Winterdienst startet mit neuem Streuplan",
        "",
        datetime.date(2026, 12, 3),
    ),
    "kreisbote_handball_oberliga.html": (
        "TV Seebach siegt im Derby mit 29:27",
        "Timo Brandt",
        datetime.date(2026, 12, 6),
    ),
    "nordblick_magazin_moor.html": (
        "Das Moor soll wieder nass werden",
        "Ines Haberland, Malte Quast",
        datetime.date(2026, 12, 4),
    ),
    "talblick_online_feuerwehr_spanzeilen.html": (
        "Neues Feuerwehrhaus für Oberweiler",
        "Rüdiger Frank",
        datetime.date(2026, 12, 1),
    ),
    "landkreis_hohenfels_leichte_sprache.html": (
        "Die Kreistags-Wahl am 14. März 2027",
        "",
        datetime.date(2026, 12, 2),
    ),
    "oberland_zeitung_hallenbad_aside.html": (
        "Hallenbad Bergstetten: Sanierung wird doppelt so teuer",
        "Sabine Krämer, Yusuf Demir",
        datetime.date(2026, 12, 4),
    ),
    "nachrichtenwelle_portal_bahnstreik_dpa.html": (
        "GDL kündigt neuen Warnstreik im Güterverkehr an",
        "dpa",
        datetime.date(2026, 12, 7),
    ),
    "wochenspiegel_polizeibericht_kreis.html": (
        "Polizeibericht: Einbruch in Bäckerei, Unfall auf der B 27",
        "Redaktion Wochenspiegel",
        datetime.date(2026, 12, 6),
    ),
    # Written blind in a second round (a ticker, a paginated page, a footer byline, …).
    "weserland_zeitung_fahrradbruecke_anzeige.html": (
        "Neue Fahrradbrücke über die Weser soll 2028 fertig sein",
        "Katrin Albers",
        datetime.date(2026, 3, 14),
    ),
    "radio_suedwest_kohle_audio_transkript.html": (
        "Kraftwerk Lauterbach: Letzter Kohleblock geht vom Netz",
        "Jonas Brenner",
        datetime.date(2026, 5, 12),
    ),
    "kuestenblatt_deichbau_autor_unten.html": (
        "Deich bei Süderwarft wird um einen Meter erhöht",
        "Merle Hansen",
        datetime.date(2026, 2, 3),
    ),
    "muehlbach_blog_spielplatz_kommentare.html": (
        "Spielplatz am Anger wieder offen",
        "Thomas Wirth",
        datetime.date(2026, 4, 22),
    ),
    "nachrichtendienst_nord_ticker_kurzmeldungen.html": (
        "Landtag beschließt Ladenöffnung an vier Sonntagen",
        "",
        datetime.date(2026, 6, 18),
    ),
    "stadtkurier_mieten_seite1_paginiert.html": (
        "Mieten in Talstadt steigen schneller als im Landesschnitt",
        "Daniel Okafor",
        datetime.date(2026, 9, 2),
    ),
    "alpenland_magazin_huettenwirtin_infobox.html": (
        "Die Frau auf dem Gipfel",
        "Lena Hofbauer",
        datetime.date(2026, 7, 25),
    ),
    "stadtwerke_talheim_pressemitteilung_fernwaerme.html": (
        "Stadtwerke Talheim senken Fernwärmepreis zum 1. Juli",
        "",
        datetime.date(2026, 5, 28),
    ),
    # Written blind in a third round (the tuning half: a div ticker, a paywall, …).
    "ostseewelle_ticker_div_eintraege.html": (
        "Fähre nach Riems fällt bis Freitag aus",
        "",
        datetime.date(2026, 12, 7),
    ),
    "nordstadt_zeitung_plus_teaser_abo.html": (
        "Sporthalle am Lindenweg bleibt bis Sommer gesperrt",
        "Carla Weidemann",
        datetime.date(2026, 11, 26),
    ),
    "bergstrasse_echo_bildergalerie_winzerfest.html": (
        "So bunt war das Winzerfest in Heppenau",
        "Anna Keller",
        datetime.date(2026, 9, 13),
    ),
    "rheintal_anzeiger_lesen_sie_auch.html": (
        "Stadtrat beschließt Tempo 30 in der ganzen Altstadt",
        "Benedikt Sauer",
        datetime.date(2026, 10, 21),
    ),
    "hellweg_kurier_meta_ueber_titel.html": (
        "Wochenmarkt zieht in die Fußgängerzone",
        "Jana Overbeck",
        datetime.date(2026, 12, 4),
    ),
}


# The site's name and the language, where a page is tested for them.
SITES = {
    "ostseewelle_ticker_div_eintraege.html": ("Ostseewelle24", "de"),
    "nordstadt_zeitung_plus_teaser_abo.html": ("Nordstadt-Zeitung", "de-DE"),
    "bergstrasse_echo_bildergalerie_winzerfest.html": ("Bergstraße-Echo", "de"),
    "rheintal_anzeiger_lesen_sie_auch.html": ("Rheintal-Anzeiger", "de"),
    "hellweg_kurier_meta_ueber_titel.html": ("Hellweg-Kurier", "de"),
}


# A blind round's expectations, written before any run: per page its half ("tuning" or
# "held-out"), title, byline, date, site, lang, the KEEP sentences, the DROP texts and
# the subheadings.
ROUND3 = json.loads((DATA / "blind_round3_expected.json").read_text(encoding="utf-8"))
ROUND4 = json.loads((DATA / "blind_round4_expected.json").read_text(encoding="utf-8"))
ROUND5 = json.loads((DATA / "blind_round5_expected.json").read_text(encoding="utf-8"))
ROUND6 = json.loads((DATA / "blind_round6_expected.json").read_text(encoding="utf-8"))
EXACT_FIELDS = ("title", "byline", "date", "site", "lang", "headings")


def round_misses(article: IncomingArticle, expected: dict[str, Any]) -> dict[str, list[str]]:
    """What a page gives wrong against its blind expectations, per field ([] where right):
    for title, byline, date, site, lang and headings "got ≠ expected"; for keep the
    sentences missing from the text, for drop the furniture left in it. The language is
    compared by its primary tag: a page tagged "de-DE" gives the "de" expected."""
    published = article.published_on.isoformat() if article.published_on else ""
    got = {
        "title": article.title,
        "byline": article.byline,
        "date": published,
        "site": article.publisher_name,
        "lang": article.language.split("-")[0].lower(),
        "headings": article.block_texts(BlockKind.HEADING),
    }
    misses = {
        field: [] if got[field] == expected[field] else [f"{got[field]!r} ≠ {expected[field]!r}"]
        for field in EXACT_FIELDS
    }
    misses["keep"] = [sentence for sentence in expected["keep"] if sentence not in article.body]
    misses["drop"] = [text for text in expected["drop"] if text in article.body]
    return misses


def round_figures(expectations: dict[str, dict[str, Any]], half: str = "") -> dict[str, str]:
    """A blind round's figures over its pages (or over one half): per exact field the
    pages right ("3/5"), "kept" the KEEP sentences found, "leaked" the DROP texts left in.
    A page refused counts as wrong everywhere. For the module docstring and the data
    README: `round_figures(ROUND3, "held-out")`."""
    chosen = {name: page for name, page in expectations.items() if half in ("", page["half"])}
    right = dict.fromkeys(EXACT_FIELDS, 0)
    kept = leaked = 0
    for name, expected in chosen.items():
        try:
            article = parse_html((DATA / name).read_bytes(), source=name, max_chars=MAX)
        except FormatError:
            leaked += len(expected["drop"])
            continue
        misses = round_misses(article, expected)
        for field in EXACT_FIELDS:
            right[field] += not misses[field]
        kept += len(expected["keep"]) - len(misses["keep"])
        leaked += len(misses["drop"])
    figures = {field: f"{count}/{len(chosen)}" for field, count in right.items()}
    figures["kept"] = f"{kept}/{sum(len(page['keep']) for page in chosen.values())}"
    figures["leaked"] = f"{leaked}/{sum(len(page['drop']) for page in chosen.values())}"
    return figures


@pytest.fixture(scope="module")
def pages():
    return {
        name: parse_html((DATA / name).read_bytes(), source=name, max_chars=MAX) for name in KEEP
    }


@pytest.mark.parametrize("name", sorted(KEEP))
def test_article_text_is_kept(pages, name):
    body = pages[name].body
    for sentence in KEEP[name]:
        assert sentence in body


@pytest.mark.parametrize("name", sorted(KEEP))
def test_subheadings_are_heading_blocks(pages, name):
    assert pages[name].block_texts(BlockKind.HEADING) == HEADINGS[name]


@pytest.mark.parametrize("name", sorted(KEEP))
def test_page_furniture_is_dropped(pages, name):
    body = pages[name].body
    leaked = [text for text in DROP[name] if text in body]
    assert leaked == []


@pytest.mark.parametrize("name", sorted(KEEP))
def test_headline_is_the_title_not_the_first_block(pages, name):
    article = pages[name]
    assert not article.title_derived
    assert article.title not in article.block_texts()
    assert "<" not in article.body
    assert article.body == "\n\n".join(article.block_texts())


def test_metadata_from_meta_tags():
    article = parse_html(
        (DATA / "rheinland_kurier_radwege.html").read_bytes(), source="rk.html", max_chars=MAX
    )
    assert article.source_format == "html"
    assert article.title == "Radwegenetz: Stadtrat stimmt knapp zu"
    assert article.byline == "Miriam Hollenbach"
    assert article.published_on == datetime.date(2025, 10, 6)
    assert article.date_precision is DatePrecision.DAY
    assert article.publisher_name == "Rheinland-Kurier"
    assert article.language == "de"
    canonical = "https://www.rheinland-kurier.example/lokales/radwegenetz-beschlossen-100.html"
    assert article.identity == article.link == canonical


def test_metadata_from_json_ld():
    article = parse_html(
        (DATA / "stadtanzeiger_schwimmbad.html").read_bytes(), source="sn.html", max_chars=MAX
    )
    assert article.byline == "Aylin Demirtaş"
    assert article.published_on == datetime.date(2025, 10, 5)
    assert article.publisher_name == "Stadtanzeiger Nord"
    assert (
        article.identity == "https://stadtanzeiger-nord.example/freizeit/schwimmbad-ohlsdorf-48190"
    )


def test_byline_from_the_line_above_the_text(pages):
    article = pages["mittelland_zeitung_wahl.html"]
    assert article.byline == "Sven Lüders"
    assert article.published_on == datetime.date(2025, 9, 29)
    assert article.publisher_name == "Mittelland-Zeitung"
    canonical = (
        "https://www.mittelland-zeitung.example/bergheim/stichwahl-amtsinhaber-knapp-vorn-4711"
    )
    assert article.identity == canonical


def test_lead_comes_first_and_once(pages):
    article = pages["mittelland_zeitung_wahl.html"]
    first = article.block_texts()[0]
    assert first.startswith("Bei der Stichwahl um das Bürgermeisteramt")
    assert article.body.count("Die Wahlbeteiligung lag bei nur 38 Prozent.") == 1


def test_pull_quote_is_not_a_second_copy_of_its_sentence(pages):
    article = pages["nordblick_magazin_moor.html"]
    assert article.body.count("Ein Hektar entwässertes Moor stößt so viel aus") == 1


def test_span_lines_and_short_sentences_are_paragraphs_of_their_own(pages):
    lines = pages["talblick_online_feuerwehr_spanzeilen.html"].block_texts(BlockKind.PARAGRAPH)
    assert len(lines) == 7
    assert lines[-1].startswith("Als nächstes soll ein Architekturbüro ausgewählt werden.")
    easy = pages["landkreis_hohenfels_leichte_sprache.html"].block_texts(BlockKind.PARAGRAPH)
    assert "Sie haben 56 Stimmen." in easy
    assert "Das dauert lange." in easy


@pytest.mark.parametrize("name", sorted(META))
def test_title_byline_and_date_as_the_page_shows_them(pages, name):
    article = pages[name]
    assert (article.title, article.byline, article.published_on) == META[name]


@pytest.mark.parametrize("name", sorted(SITES))
def test_site_name_and_language_as_the_page_gives_them(pages, name):
    """The language is the page's tag as it stands ("de-DE"), as feeds and ninjs give it."""
    assert (pages[name].publisher_name, pages[name].language) == SITES[name]


@pytest.mark.parametrize("name", sorted(ROUND3))
def test_blind_round3_page_gives_what_was_expected(name: str) -> None:
    """Every page of the third blind round, both halves, scores fully."""
    article = parse_html((DATA / name).read_bytes(), source=name, max_chars=MAX)
    wrong = {field: found for field, found in round_misses(article, ROUND3[name]).items() if found}
    assert wrong == {}


# The fourth round's tuning half; the fifth and sixth rounds whole, their held-out
# halves released for tuning after being measured.
TUNING_PAGES = [
    *((ROUND4, name) for name, page in sorted(ROUND4.items()) if page["half"] == "tuning"),
    *((ROUND5, name) for name in sorted(ROUND5)),
    *((ROUND6, name) for name in sorted(ROUND6)),
]


@pytest.mark.parametrize(
    ("expectations", "name"), TUNING_PAGES, ids=[name for _, name in TUNING_PAGES]
)
def test_blind_tuning_page_gives_what_was_expected(
    expectations: dict[str, dict[str, Any]], name: str
) -> None:
    """Every page of the fourth round's tuning half, and of the fifth and sixth rounds,
    scores fully; the held-out pages of the fourth are not looked at one by one."""
    article = parse_html((DATA / name).read_bytes(), source=name, max_chars=MAX)
    misses = round_misses(article, expectations[name])
    wrong = {field: found for field, found in misses.items() if found}
    assert wrong == {}


# A split round's held-out half, measured once after the tuning half's rules were in: a
# floor that a later change may raise but not lower (pages right per field, KEEP
# sentences kept, DROP texts leaked at most).
# The fourth round, before those rules and after them alike: every field 6/6, 31/31
# kept, 2/88 leaked.
ROUND4_HELD_OUT_FLOOR = dict.fromkeys(EXACT_FIELDS, 6) | {"kept": 31, "leaked": 2}
# (The fifth and sixth rounds' held-out halves were released for tuning; their pages are
# tested one by one above.)


def test_the_fourth_rounds_held_out_half_keeps_its_measured_totals() -> None:
    measured = round_figures(ROUND4, "held-out")
    figures = {field: int(value.split("/")[0]) for field, value in measured.items()}
    worse = [
        field
        for field, least in ROUND4_HELD_OUT_FLOOR.items()
        if (figures[field] > least if field == "leaked" else figures[field] < least)
    ]
    assert worse == []


def test_round_scorer_names_what_is_wrong(pages: dict[str, IncomingArticle]) -> None:
    name = "hellweg_kurier_meta_ueber_titel.html"
    article = pages[name]
    worse = replace(article, byline="Von Jana Overbeck", body=article.body + "\n\nMerken")
    misses = round_misses(worse, ROUND3[name])
    assert misses["byline"] == ["'Von Jana Overbeck' ≠ 'Jana Overbeck'"]
    assert misses["drop"] == ["Merken"]
    assert [field for field, found in misses.items() if found] == ["byline", "drop"]
    assert round_misses(article, ROUND3[name]) == {field: [] for field in misses}


def test_a_gallerys_captions_are_paragraphs_after_its_few_sentences(pages):
    texts = pages["bergstrasse_echo_bildergalerie_winzerfest.html"].block_texts()
    assert len(texts) == 6
    assert texts[0].startswith("Tausende Besucher, ein Festumzug mit 40 Gruppen")
    assert (
        texts[1] == "Die neue Weinkönigin Lea Brunner winkt beim Festumzug durch die Hauptstraße."
    )


def test_a_ticker_of_dated_div_entries_gives_its_first_entry(pages):
    article = pages["ostseewelle_ticker_div_eintraege.html"]
    assert len(article.block_texts()) == 2
    assert article.block_texts()[0].startswith("Die Personenfähre zwischen Greifswald-Wieck")


def test_body_only_in_json_ld_comes_in_its_paragraphs(pages):
    # The page is a script's shell; the text is the JSON-LD articleBody.
    paragraphs = pages["westfalen_echo_bruecke.html"].block_texts()
    assert len(paragraphs) == 7
    assert paragraphs[0].startswith("Die Talbrücke Ahlbach an der A 45")
    assert paragraphs[-1].startswith("Die Stadt lädt am Donnerstag")


def test_json_ld_body_given_as_html_comes_in_its_blocks():
    sentences = " ".join(
        f"Der Kreistag hat am {day} über den Haushalt des kommenden Jahres beraten."
        for day in ("Montag", "Dienstag", "Mittwoch", "Donnerstag")
    )
    body = f"<p>{sentences}</p><h2>Schulen zuerst</h2><p>Die Schulen bekommen mehr Geld.</p>"
    ld = json.dumps({"@type": "NewsArticle", "headline": "Haushalt", "articleBody": body})
    page = (
        '<html lang="de"><head><title>Haushalt</title>'
        f'<script type="application/ld+json">{ld}</script></head>'
        '<body><div id="app">Laden …</div></body></html>'
    ).encode()
    article = parse_html(page, source="kt.html", max_chars=MAX)
    assert article.block_texts(BlockKind.HEADING) == ["Schulen zuerst"]
    assert article.block_texts()[-1] == "Die Schulen bekommen mehr Geld."
    assert "<" not in article.body
    assert "Laden" not in article.body


@pytest.mark.parametrize(
    "ld",
    ["[" * 100_000 + "]" * 100_000, '{"@graph": [' * 500 + "{}" + "]}" * 500],
    ids=["nested past the parser's limit", "nested past our limit"],
)
def test_deeply_nested_json_ld_is_passed_over(ld):
    text = " ".join(
        f"Der Rat hat am Tag {day} lange über den Haushalt beraten." for day in range(9)
    )
    page = (
        f'<html><head><script type="application/ld+json">{ld}</script></head>'
        f"<body><article><h1>Haushalt beraten</h1><p>{text}</p></article></body></html>"
    ).encode()
    article = parse_html(page, source="tief.html", max_chars=MAX)
    assert article.body == text


def test_interview_questions_stay_paragraphs(pages):
    paragraphs = pages["saale_kurier_interview.html"].block_texts(BlockKind.PARAGRAPH)
    assert "Und die Bürokratie?" in paragraphs
    assert "Bis zur Mittagspause waren es 46." in paragraphs[2]


def test_iso_8859_1_page_with_windows_1252_quotes_is_decoded(pages):
    data = (DATA / "vogtland_anzeiger_strassenbahn.html").read_bytes()
    assert b"charset=iso-8859-1" in data
    assert b"\x84Wir k" in data  # „ as windows-1252 writes it; Latin-1 has no such letter
    body = pages["vogtland_anzeiger_strassenbahn.html"].body
    assert "„Wir können uns dieses Projekt" in body
    assert not any("\x80" <= char <= "\x9f" for char in body)


def test_windows_1252_page_is_decoded():
    data = (DATA / "taunus_bote_faktencheck.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    article = parse_html(data, source="tb.html", max_chars=MAX)
    assert "Bäume" in article.body
    assert article.title == "Stimmt es, dass der Wald im Taunus stirbt?"
    assert article.published_on == datetime.date(2025, 9, 28)
    assert article.publisher_name == "Taunus-Bote"


@pytest.mark.parametrize(
    ("dateline", "day"),
    [
        ("Berlin, den 3.12.2026 - ", datetime.date(2026, 12, 3)),
        ("Bad Talheim (ots), 28. Mai 2026 – ", datetime.date(2026, 5, 28)),
        ("Berlin, 31.02.2026 - ", datetime.date(2026, 11, 20)),  # no such day: the metadata's
        ("", datetime.date(2026, 11, 20)),
    ],
)
def test_a_dateline_opening_the_text_gives_the_date(dateline, day):
    text = " ".join(
        f"Der Rat hat am Tag {number} lange über den Haushalt beraten." for number in range(6)
    )
    page = (
        '<html lang="de"><head><title>Haushalt</title>'
        '<meta property="article:published_time" content="2026-11-20T10:00:00+01:00"></head>'
        f"<body><article><h1>Haushalt</h1><p>{dateline}{text}</p><p>{text}</p></article></body></html>"
    ).encode()
    assert parse_html(page, source="dl.html", max_chars=MAX).published_on == day


def council_page(head: str = "", body: str = "", title: str = "Haushalt") -> bytes:
    """A small article page with `head` in its `<head>` and `body` after its article,
    its headline "Haushalt" and its <title> `title`."""
    text = " ".join(
        f"Der Rat hat am Tag {number} lange über den Haushalt beraten." for number in range(9)
    )
    return (
        f'<html lang="de"><head><title>{title}</title>{head}</head><body><article>'
        f"<h1>Haushalt</h1><p>{text}</p></article>{body}</body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("head", "day"),
    [
        # put out at 00:40 in Germany, written in UTC: the newsroom's day is the 15th
        ('<meta property="article:published_time" content="2026-11-14T23:40:00Z">', 15),
        ('<meta property="article:published_time" content="2026-11-14T22:40:00Z">', 14),
        ('<meta property="article:published_time" content="2026-07-04T00:30:00+02:00">', 4),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"@type":'
            ' "NewsArticle", "datePublished": "2026-07-03T22:30:00+00:00"}]}</script>',
            4,
        ),
        # a video page's upload time
        (
            '<script type="application/ld+json">{"uploadDate": "2026-03-28T18:30:00+01:00"}</script>',
            28,
        ),
        # a date without a time is that day
        ('<meta property="article:published_time" content="2026-03-02">', 2),
    ],
)
def test_the_published_time_gives_the_day_in_german_time(head: str, day: int) -> None:
    # A teaser beside the article carries an older date of its own.
    teaser = '<aside><p>Zoo: neue Robben</p><time datetime="2026-01-05">05.01.2026</time></aside>'
    article = parse_html(council_page(head, teaser), source="t.html", max_chars=MAX)
    assert article.published_on is not None
    assert article.published_on.day == day


def test_a_page_without_a_published_time_keeps_the_date_it_shows() -> None:
    line = '<p class="date">Veröffentlicht am 14. Juni 2026</p>'
    page = council_page().replace(b"<h1>Haushalt</h1>", f"<h1>Haushalt</h1>{line}".encode())
    article = parse_html(page, source="t.html", max_chars=MAX)
    assert article.published_on == datetime.date(2026, 6, 14)


CANONICAL = '<link rel="canonical" href="https://www.musterhausen.de/rat/haushalt-2027">'


@pytest.mark.parametrize(
    ("head", "footer", "site"),
    [
        ("", "<footer><p>© 2026 Pfarrei St. Martin Musterhausen</p></footer>", "Pfarrei St. Martin Musterhausen"),
        # the owner's legal form goes with the sentence's dot (see the test after the next)
        ("", "<footer><p>Copyright 2019–2026 Musikverein Linden e.V. Alle Rechte vorbehalten.</p></footer>", "Musikverein Linden"),
        ("", '<div role="contentinfo">(c) Stadtwerke Talheim 2026 | Impressum</div>', "Stadtwerke Talheim"),
        # the metadata's name comes first; a copyright outside the footer names no site
        ('<meta property="og:site_name" content="Lokalblatt">', "<footer>© 2026 Verlag Nord</footer>", "Lokalblatt"),
        ("", "<div><p>© 2026 Verlag Nord</p></div>", ""),
        ("", "<footer><p>© 2026 · info@verlag-nord.example</p></footer>", ""),
        # the owner's name, then its company and address, parted by middle dots
        ("", "<footer>© 2026 Heimatbote Knüll · Verlag Rehbein · Marktplatz 7</footer>", "Heimatbote Knüll"),
        # the host name stands in for a name the metadata lacks, the copyright's first
        (CANONICAL, "<footer><p>© 2026 Gemeinde Musterhausen</p></footer>", "Gemeinde Musterhausen"),
        (CANONICAL, "<footer><p>Impressum</p></footer>", "musterhausen.de"),
        (CANONICAL + '<meta property="og:site_name" content="musterhausen.de">', "<footer>© 2026 Gemeinde Musterhausen</footer>", "musterhausen.de"),
        # a Twitter handle, trafilatura's last resort, names the site no better
        ('<meta name="twitter:site" content="@MusterhausenAkt">', "<footer>© 2026 Gemeinde Musterhausen</footer>", "Gemeinde Musterhausen"),
        ('<meta name="twitter:site" content="@MusterhausenAkt">', "", "MusterhausenAkt"),
    ],
)  # fmt: skip
def test_a_site_without_a_name_in_its_metadata_is_named_by_its_footers_copyright(
    head: str, footer: str, site: str
) -> None:
    article = parse_html(council_page(head, footer), source="t.html", max_chars=MAX)
    assert article.publisher_name == site


@pytest.mark.parametrize(
    ("title", "site"),
    [
        ("Haushalt | Musterhausen aktuell", "Musterhausen aktuell"),
        # the section between them, the headline last, a kicker before it
        ("Haushalt - Rathaus - Musterhausen aktuell", "Musterhausen aktuell"),
        ("Musterhausen aktuell - Rathaus - Haushalt", "Musterhausen aktuell"),
        ("Streit: Haushalt – Musterhausen aktuell", "Musterhausen aktuell"),
        # no part beside the headline: the copyright's owner
        ("Haushalt", "Verlag Nord"),
        ("Haushalt beschlossen | Musterhausen aktuell", "Verlag Nord"),
    ],
)
def test_a_site_without_a_name_in_its_metadata_is_named_by_its_title_before_the_copyright(
    title: str, site: str
) -> None:
    page = council_page(CANONICAL, "<footer>© 2026 Verlag Nord</footer>", title)
    assert parse_html(page, source="t.html", max_chars=MAX).publisher_name == site


@pytest.mark.parametrize(
    ("author", "byline"),
    [
        # the site's own name beside the author's, or as the author, names no author
        ("Julia Neubert; MRF THÜRINGEN", "Julia Neubert"),
        ("MRF Thüringen", ""),
        ("MRF Thüringen e.V.", ""),
        ("Julia Neubert", "Julia Neubert"),
        ("dpa", "dpa"),
    ],
)
def test_the_sites_own_name_is_no_author(author: str, byline: str) -> None:
    site = '<meta property="og:site_name" content="MRF THÜRINGEN">'
    page = council_page(f'{site}<meta name="author" content="{author}">')
    assert parse_html(page, source="t.html", max_chars=MAX).byline == byline


@pytest.mark.parametrize(
    ("tag", "text", "language"),
    [
        ('<html lang="de-DE">', "Der Rat hat am Montag über den Haushalt beraten.", "de-DE"),
        ('<html lang="en">', "Der Rat hat am Montag über den Haushalt beraten.", "en"),
        # an old CMS's page that tags no language: German by its commonest words
        ("<html>", "Der Rat hat am Montag über den Haushalt beraten.", "de"),
        ("<html>", "The council met on Monday to discuss the town's budget.", ""),
        # an old IE's `html` in a conditional comment is no element: the real one's tag
        (
            '<!--[if IE 8]><html class="ie8" lang="en"><![endif]--><!--[if gt IE 8]><!-->'
            '<html lang="de-DE"><!--<![endif]-->',
            "Der Rat hat am Montag über den Haushalt beraten.",
            "de-DE",
        ),
    ],
)
def test_a_page_without_a_language_tag_is_german_if_its_text_is(
    tag: str, text: str, language: str
) -> None:
    page = f"{tag}<head><title>Haushalt</title></head><body><article><h1>Haushalt</h1>"
    page += f"<p>{' '.join([text] * 8)}</p></article></body></html>"
    article = parse_html(page.encode(), source="t.html", max_chars=MAX)
    assert article.language == language


@pytest.mark.parametrize(
    ("given", "site"),
    [
        # trafilatura writes a lower-case name with capitals ("Amn …"); a brand may be lower case
        *((name, name) for name in ("amn Agentur Mitteldeutsche Nachrichten", "taz", "Rhein-Post")),
        # as an editor writes it: without the owner's legal form and founding year
        ("TV Eintracht Brachbach 1902 e.V.", "TV Eintracht Brachbach"),
        ("Lahn-Bote GmbH & Co. KG", "Lahn-Bote"),
        ("SV Musterhausen von 1899 e. V.", "SV Musterhausen"),
        ("Moselblick Medien OHG", "Moselblick Medien"),  # forms from `newstext.legal_forms`
        ("Eifel News Ltd.", "Eifel News"),
        ("Rhein-Zeitung AG Süd", "Rhein-Zeitung AG Süd"),
        ("Klein & Co", "Klein & Co"),  # "& Co" names no legal form by itself
        # words set in capitals for the logo as words, abbreviations as they are
        ("MRF THÜRINGEN", "MRF Thüringen"),
        ("DER SPIEGEL", "Der Spiegel"),
        ("NDR", "NDR"),
        ("WDR 2 Rhein und Ruhr", "WDR 2 Rhein und Ruhr"),
    ],
)  # fmt: skip
def test_the_site_name_is_spelled_as_the_metadata_spells_it_and_an_editor_writes_it(
    given: str, site: str
) -> None:
    page = council_page(f'<meta property="og:site_name" content="{given}">')
    assert parse_html(page, source="t.html", max_chars=MAX).publisher_name == site


@pytest.mark.parametrize(
    ("heading", "headings"),
    [
        # the kicker and the headline in one h1: no subheading is left of it
        ("<span>Streit im Rat</span> <span>Rat beschließt den Haushalt</span>", []),
        ("Streit im Rat: Rat beschließt den Haushalt", []),
        ("Rat beschließt den Haushalt", []),
        # a heading saying more than a kicker before the headline's words is not it
        (
            "Nach Monaten voller Streit und Geschrei im Saal: Rat beschließt den Haushalt",
            ["Nach Monaten voller Streit und Geschrei im Saal: Rat beschließt den Haushalt"],
        ),
    ],
)
def test_a_kicker_in_the_headlines_heading_goes_with_it(heading: str, headings: list[str]) -> None:
    page = council_page('<meta property="og:title" content="Rat beschließt den Haushalt">')
    page = page.replace(b"<h1>Haushalt</h1>", f"<h1>{heading}</h1>".encode())
    article = parse_html(page, source="t.html", max_chars=MAX)
    assert article.title == "Rat beschließt den Haushalt"
    assert article.block_texts(BlockKind.HEADING) == headings


@pytest.mark.parametrize(
    "authors", ["Text: Jana Berger; Bild: Anna Keller", "Jana Berger; Fotos Anna Keller"]
)
def test_a_credits_label_is_not_part_of_the_authors_name(authors: str) -> None:
    page = council_page(f'<meta name="author" content="{authors}">')
    assert parse_html(page, source="t.html", max_chars=MAX).byline == "Jana Berger, Anna Keller"


HEADLINE = "Alte Dorfschmiede glüht wieder"


@pytest.mark.parametrize(
    ("menu", "title", "headings"),
    [
        # "Aktuelles" is a menu entry: the section's name, not the headline
        ('<a href="/">Startseite</a><br><a href="/aktuelles">Aktuelles</a>', HEADLINE, []),
        # a title that no link shows is left as it is
        ('<a href="/">Startseite</a><br><a href="/verein">Verein</a>', "Aktuelles", [HEADLINE]),
    ],
)  # fmt: skip
def test_a_title_naming_the_section_gives_way_to_the_heading_the_text_opens_with(
    menu: str, title: str, headings: list[str]
) -> None:
    text = " ".join(
        f"Am Tag {day} hat der Verein lange an der Schmiede gearbeitet." for day in range(9)
    )
    page = (
        '<html lang="de"><head><title>Heimatverein Musterhausen e.V. - Aktuelles</title></head>'
        f"<body><div class='menu'>{menu}</div><div class='text'>"
        f"<p><font size='4'><b>{HEADLINE}</b></font></p>"
        f"<p>{text}</p><p>{text}</p></div></body></html>"
    ).encode()
    article = parse_html(page, source="t.html", max_chars=MAX)
    assert article.title == title
    assert article.block_texts(BlockKind.HEADING) == headings


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        # a German site's class for the author, which trafilatura does not know
        ('<p class="autor">Anna Roth</p>', "Anna Roth"),
        ('<p class="artikel-autor">Anna Roth und Tim Kohl</p>', "Anna Roth, Tim Kohl"),
        # a sentence about the author is text
        ('<p class="autor-info">Anna Roth schreibt seit 2019 über den Stadtrat.</p>', ""),
    ],
)  # fmt: skip
def test_an_element_named_as_the_authors_gives_the_byline_not_a_paragraph(
    line: str, byline: str
) -> None:
    page = council_page().replace(b"<h1>Haushalt</h1>", f"<h1>Haushalt</h1>{line}".encode())
    article = parse_html(page, source="t.html", max_chars=MAX)
    assert article.byline == byline
    assert ("Anna Roth" in article.body) == (byline == "")


def test_nothing_is_fetched(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access during HTML extraction")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    for name in KEEP:
        parse_html((DATA / name).read_bytes(), source=name, max_chars=MAX)


INDEX_PAGE = """<!DOCTYPE html><html lang="de"><head><title>Politik | Rheinland-Kurier</title></head>
<body><div id="cookie-consent"><p>Wir verwenden Cookies.</p><button>OK</button></div>
<nav><a href="/">Start</a> <a href="/politik">Politik</a> <a href="/sport">Sport</a></nav>
<h1>Politik</h1>
<div class="teaser"><a href="/a.html">Koalition streitet über den Haushalt</a></div>
<div class="teaser"><a href="/b.html">Neue Umfrage: Union vorn</a></div>
<div class="teaser"><a href="/c.html">Landtag debattiert Schulgesetz</a></div>
<footer><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></footer>
</body></html>""".encode()


@pytest.mark.parametrize(
    "data",
    [INDEX_PAGE, b"", b"<html><body></body></html>", b"<html><body><p>Kurz.</p></body></html>"],
)
def test_page_without_an_article_is_refused(data):
    with pytest.raises(FormatError, match=r"^seite\.html: no article text found in the HTML page"):
        parse_html(data, source="seite.html", max_chars=MAX)


def test_body_over_the_limit_is_refused():
    with pytest.raises(
        FormatError, match=r"radwegenetz-beschlossen-100\.html\): body is .* over the limit of 500"
    ):
        parse_html(
            (DATA / "rheinland_kurier_radwege.html").read_bytes(), source="rk.html", max_chars=500
        )
