"""Reading the structure of a German news text file (no Django imports).

What the seeds taught us (see docs/architecture/loader.md):
- a leading ` date YYYY-MM-DD ` or ` date YYYY-MM ` prefix is the published date;
- a dateline `Ort (agency) – ` opens dpa-style stories;
- a trailer line `Quellen: A, B, C` names the cited sources;
- web boilerplate lines ("Lesen Sie auch") sit between paragraphs;
- short lines without final punctuation are subheadings, and one may be glued into
  a paragraph when its line break was lost.
What wire and CMS exports add (newstext/tests/data/formats/text/):
- a head of a title line, a date line ("07.12.2026, 14:03 Uhr", "Stand: …") and a byline
  ("Von Anna Beispiel, dpa") before the dateline, which may lack a place ("(Reuters) -")
  or its dash ("Erfurt (epd). ", "Bonn (KNA) ");
- in a text whose paragraphs are separated by blank lines, a short line standing alone
  that ends in "?" or ":" is a subheading too, also over a list;
- paragraphs hard-wrapped at a fixed width, by a tool or by hand, their lines to be joined;
- footer lines after the text: agency codes ("pw/jes"), a copyright line, the item's
  number ("dpa:261207-930-12345/2"), the sending company ("… GmbH") and a reporters'
  credit in parentheses.
What the second set adds (newstext/tests/data/formats/text_blind2/):
- labels on the title ("EIL: ", "Titel: ", "(Zusammenfassung)") and lines on top for the
  newsroom ("PRESSEMITTEILUNG", "Ressort: …", "Korrektur: …");
- datelines with a date ("BERLIN, 7. Dezember (Reuters) - ", a press release's
  "Göttingen, 7. Dezember 2026 – ") or in capitals with a full stop ("TRIER. ");
- after the text: notes to editors ("Redaktionshinweis: …"), end markers ("(Ende)",
  "+++ Diese Meldung wird aktualisiert +++"), an agency's code line ("(KNA – lmk-85-…)")
  and a press release's contact block ("Pressekontakt:" and the lines under it);
- teaser lines to other articles ("Lesen Sie auch: <headline>").
What the third set adds (newstext/tests/data/formats/text_blind3/):
- a wire's header block on top: its transmission time ("071514 DEZ 26"), its subject
  slug ("Deutschland/Parteien/Bundestag", "Fußball/3. Liga/"), its service's name
  ("epd Niedersachsen-Bremen") and lower-case transmission codes;
- a press office's letterhead on top (name, address, telephone), its place and date
  alone on a line ("Bamberg, 07.12.2026"), a sender code on the title ("POL-GI: ", and
  Reuters's "UPDATE 1-"), a distribution service in the dateline ("Gießen (ots) -") and
  its footer ("Original-Content von: …, übermittelt durch news aktuell");
- a fact box's lines ("Zuschauer: 8412"), which are no subheadings, and captions and
  photo credits ("Foto: …"), which are no text;
- an editorial system's tagged export, each field on a line opening with its tag
  ("@Titel:…", "@Text:…", "@Zwischentitel:…", "@Bildunterschrift:…");
- and its released held-out half: notes for the newsroom after the text ("dpa-Notizblock",
  "… nicht zur Veröffentlichung bestimmt") to the end, a transmission time after the
  text, a credit naming its desk in parentheses, a byline "Von … (KNA)" under the title,
  a letterhead of the sender's name over its press office, a document kind with its
  date, and a press release's undated "Bamberg – " where the lines on top name the place.
What the fourth set's tuning half adds (newstext/tests/data/formats/text_blind4/):
- AFP's transmission codes in capitals on top and its version note under the title
  ("(Neu: …)"), its "kep/pe" and "AFP 081352 DEZ 26" after the text; dpa's regional codes
  ("lrs0147 4 vm 301  dpa/lrs 0874", "dpa-lrs ck yyzz n1 mt"), the " =" closing its
  headline, and its links after the text ("Internet:" over "Name: https://…");
- news aktuell's press portal: the sender's name and "09.12.2026 – 07:48" over the title,
  the dateline "Essen (ots)" alone on its line, the writer's initials ("(SBi)") after it;
- a broadcast transcript's kind and fields on top ("TRANSKRIPT", "Sendung: …",
  "Sendedatum: …", "Moderation: …") and the broadcaster's disclaimer closing it;
- an e-mail newsletter's rule lines ("-----"), its masthead framed by them, its table of
  contents ("IN DIESER AUSGABE"), and its footer (why the reader gets it, the
  unsubscribe line, the imprint "Verein e. V. · Kirchgasse 7 · 34466 Wolfhagen · …").
What its released held-out half adds, as structures rather than single lines:
- fields on top, "Key: value", of any CMS export or mail header, read by their keys in
  any order (`_FIELD_TAGS`, shared with tagged exports): "Überschrift: …" is the title,
  a mail's "Betreff: …" only where no headline follows, "Autor: …" the byline,
  "Veröffentlicht: …" or "Gesendet: …" the date, "Ort: …" the place, "Text:" opens the
  text, the rest ("Artikel-ID", "Status", "Unterzeile", "An", "Cc" …) is the newsroom's;
- a forwarded mail: the forwarder's note above "-----Ursprüngliche Nachricht-----", the
  sender's message to the newsroom from "Hallo Desk," to "Gruß" and the name, and the
  signature under "-- ";
- a wire's correction notice under its label ("BERICHTIGUNG") and its service and
  numbered date lines ("epd-West", "Nr. 0312 / 10.12.2026 / 14:27 Uhr");
- a press release's sender: a letterhead anywhere above the title (also with an
  imprint's line), the sender's name over the kind of document or with its legal form
  ("… Energie GmbH"), "Unternehmenskommunikation"; its subtitle under the title (and a
  kicker of a word or two over it); after the text its words about the sender ("Über
  die … GmbH") and "V.i.S.d.P.: …".
What the fifth set adds (newstext/tests/data/formats/text_blind5/), as kinds of lines:
- a head line packing fields with bars, tabs, "·" or wide spaces ("SID-Meldung 0412 |
  Sport | 17.12.2026 22:31"), read for its date and place, or naming a press office;
- a two-line block over the dateline: a kicker over the title, or the title over its
  subtitle; a press release's "Kassel, 16. Dezember 2026. Die …" dateline;
- system markers in square brackets ("[ARTIKEL-EXPORT]"), an author box after the text,
  a last block opened by a footer line (a copyright over who may use the item), a line
  saying where else the text stands, a wire's line to its client, a correction note
  ("(Korrigiert im dritten Absatz …)"), an interview's credit as its byline;
- a messenger's chat export: the reporter's copy without the chat around it;
- in a hard-wrapped text, a line ending in an article or a preposition goes on;
- from its released held-out half: sign-off initials ("/ab"), links to related articles
  under their label ("Mehr zum Thema" over "› …"), share buttons, a listed company's
  disclaimer, a packed kicker over the title ("LIVE | Sturmtief Zora").
What the sixth set adds (newstext/tests/data/formats/text_blind6/), for the head as a
whole: a title that looks like a line of the head (a name of a word or two, capitals
only, packed parts, a breadcrumb, a date in it) gives way to the first headline set apart
above the text's start, a dateline or a paragraph of prose (see `_reanchor_head`), the
lines around it read into the head; packed lines give a byline; paragraphs marked by an
indent; page numbers, sponsors, comment counters and a press office signing off.
What the seventh set adds (text_blind7): Markdown and XML exports read as the text they
mark (`newstext.markup`); an agency's credit in parentheses, a copyright naming its
holder, a date line after the text, "VORSCHAU:", "Termin:" and "Ansprechpartnerin:"
blocks, a closing block a rule line sets off, a short label over a list as its heading.
"""

import datetime
import email.utils
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import NamedTuple

from newstext.datelines import WIRE_AGENCIES, Dateline, read_dateline, read_sender_dateline
from newstext.dates import calendar_date, newsroom_day, parse_timestamp
from newstext.legal_forms import LEGAL_FORM
from newstext.markup import plain_text

BOILERPLATE_FILE = Path(__file__).parent / "data" / "boilerplate.txt"

TITLE_MAX_CHARS = 120
SUBTITLE_MIN_WORDS = 4
KICKER_MAX_WORDS = 2
HEADING_MAX_CHARS = 90
HEADING_MAX_WORDS = 12
COLON_HEADING_MAX_WORDS = 6

_DATE_PREFIX = re.compile(r"\A\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?(?=\s)\s*")
# A weekday, also as mail programs cut it ("Do., 10. Dez. 2026").
_WEEKDAYS = (
    r"Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|(?:Mo|Di|Mi|Do|Fr|Sa|So)\."
)
# A day, its month as a number or a name, and the year: "07.12.2026", "7. Dezember 2026".
_DAY_MONTH_YEAR = (
    r"(?P<day>\d{1,2})\.\s*(?:(?P<month>\d{1,2})\.\s*|(?P<month_name>[A-ZÄÖÜ][a-zä]+\.?)\s+)"
    r"(?P<year>\d{4})"
)
# A line that is only a date, with a weekday and a time or not: "07.12.2026, 14:03 Uhr",
# "Montag, 7. Dezember 2026", "07.12.2026 – 14:03" (as news aktuell's press portal
# prints it); a CMS may label it ("Stand: …", "Aktualisiert am …"), a transcript
# ("Sendedatum: …").
_DATE_LABEL = (
    r"(?:Stand|(?:Zuletzt\s+)?[Aa]ktualisiert|Veröffentlicht|Erstellt|Datum|Sendedatum)"
    r"(?:\s*:|\s+am)"
)
# A wire's transmission time, a date-time group: day, hour and minute, the month's short
# name, the year ("071514 DEZ 26", "071514Z DEC 2026"), perhaps after the agency's name
# ("AFP 081352 DEZ 26").
_TRANSMISSION_TIME = re.compile(
    r"\A(?:(?P<agency>[A-Za-z][\w-]{1,11})\s+)?(?P<day>\d{2})(?:[01]\d|2[0-3])[0-5]\d\s*Z?"
    r"\s+(?P<month_name>[A-Za-zÄÖÜäöü]{3,4})\.?\s+(?P<year>\d{2}|\d{4})\Z"
)
_DATE_LINE = re.compile(
    rf"\A(?:{_DATE_LABEL}\s*)?(?:(?:{_WEEKDAYS}),?\s+)?{_DAY_MONTH_YEAR}"
    r"(?:\s*[,|–—-]?\s*(?:um\s+)?\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?\Z"
)
# A line on top giving the item's number or code with its date, no words but short
# labels ("Nr. 0312 / 10.12.2026 / 14:27 Uhr", "ID 48213 | 10.12.2026"): a wire's or a
# CMS's line numbering the item, which it dates (see `_coded_date`).
_DATE_IN_LINE = re.compile(rf"(?<!\d){_DAY_MONTH_YEAR}(?!\d)")
CODE_LABEL_MAX_CHARS = 3
# A name in a byline: capitalised words, perhaps with a particle ("Anna von Beispiel").
_NAME = r"[A-ZÄÖÜ][\w'’.-]*(?:\s+(?:(?:von|van|de|der|zu)\s+)*[A-ZÄÖÜ][\w'’.-]*){1,3}"
_NAMES = rf"{_NAME}(?:(?:,\s*|\s+und\s+){_NAME})*"
# After the names an agency ("dpa", "AFP", "dpa-AFX") or the reporter's place ("Brüssel"),
# or, as church and other services credit their reporters, the agency in parentheses
# ("Von Anna Beispiel (KNA)").
_BYLINE_AGENCY = r"[a-z][\w/-]{1,11}|[A-Z][A-Z/-]{1,11}"
_BYLINE_END = (
    rf"(?:,\s*(?:(?P<agency>{_BYLINE_AGENCY})|[A-ZÄÖÜ][\w-]+)"
    rf"|\s*\((?P<credited>{_BYLINE_AGENCY})\))?\Z"
)
# "Von Anna Beispiel, dpa", "Von Anna Beispiel (KNA)", "Von Anna Beispiel und Tom Muster",
# "Interview: Lena Schubert".
_BYLINE = re.compile(
    rf"\A(?:Von\s+|(?:Geschrieben|Verfasst)\s+von\s+|(?P<label>Interview|Text|Autor|Autorin)\s*:\s*)"
    rf"(?P<names>{_NAMES}){_BYLINE_END}"
)
# Lines on top that speak about the item to the newsroom receiving it, not to readers:
# the kind of document ("PRESSEMITTEILUNG", "Presseinformation Nr. 12/2026", a broadcast's
# "TRANSKRIPT", a newsletter's issue "Ausgabe 34").
_DOCUMENT_KIND_WORDS = (
    r"(?:(?:Gemeinsame\s+)?(?:Presse|Medien)(?:mitteilung|information|meldung)"
    r"|Transkript|(?:Sende)?manuskript|Abschrift|Newsletter|Ausgabe)"
    r"(?:\s+(?:Nr\.\s*)?\d[\d/.-]*)?"
)
_DOCUMENT_KIND = re.compile(rf"\A{_DOCUMENT_KIND_WORDS}\s*:?\Z", re.IGNORECASE)
# The kind of document with the day it was issued, set to the right with tabs or after a
# dash, a dot or "vom" ("Pressemitteilung Nr. 418/2026\t\t07.12.2026", "Presseinformation
# vom 7. Dezember 2026", "Ausgabe 34 · 10. Dezember 2026"), as a letter template writes it.
_DATED_DOCUMENT_KIND = re.compile(
    rf"\A{_DOCUMENT_KIND_WORDS}(?:\s+vom|\s*[,:–—|·-])?\s+(?P<date>\S.*)\Z", re.IGNORECASE
)
# What a mail program or the sender puts before a mail's subject: the mark of a reply or
# a forward ("AW: ", "WG: ", "Fwd: "), the kind of document ("Pressemitteilung: ").
_SUBJECT_MARKS = re.compile(
    rf"\A(?:(?:AW|RE|WG|FWD?|WTR|Antw)\s*:\s*|{_DOCUMENT_KIND_WORDS}\s*[:–—-]\s+)+",
    re.IGNORECASE,
)
# A newsletter's table of contents on top, its label ("IN DIESER AUSGABE", "Inhalt:",
# "Die Themen:") over list items that name the articles below.
_CONTENTS_LABEL = re.compile(
    r"(?:In\s+dieser\s+Ausgabe|(?:Aus\s+dem\s+)?Inhalt|Inhaltsverzeichnis"
    r"|(?:Die\s+)?Themen(?:\s+dieser\s+Ausgabe|\s+im\s+Überblick)?|Themenübersicht)\s*:?",
    re.IGNORECASE,
)
# A field of a CMS export's or a mail's header on top, "Key: value", the key a word or
# up to three ("Artikel-ID: 2026-12-0048213", "Letzte Änderung: …", "Betreff: …"), the
# value perhaps empty ("Text:" over the text); what it is, its key says (see
# `_FIELD_TAGS`). Also a newsroom field after the text ("Schlagworte: …").
_FIELD_LINE = re.compile(
    r"\A(?P<key>[^\W\d_][\w.-]*(?: [^\W\d_][\w.-]*){0,2})\s*:(?:\s*(?P<value>\S.*))?\Z"
)
# The line a mail program puts over a forwarded or quoted message ("-----Ursprüngliche
# Nachricht-----", "---------- Forwarded message ---------", "Anfang der weitergeleiteten
# Nachricht:"): what stands above it on top is the forwarder's note to the newsroom.
_FORWARD_MARKER = re.compile(
    r"[-–—_=*\s]*(?:Ursprüngliche\s+Nachricht|Weitergeleitete\s+Nachricht|Original\s+Message"
    r"|Forwarded\s+message|(?:Anfang\s+der\s+weitergeleiteten|Begin\s+forwarded)"
    r"\s+(?:Nachricht|E-?Mail|message))[-–—_=*\s:]*",
    re.IGNORECASE,
)
FORWARD_NOTE_MAX_LINES = 8
# A message to the newsroom on top, as a correspondent or a press office writes it over
# the text it sends: a greeting ("Hallo Desk,", "Sehr geehrte Damen und Herren,", "Liebe
# Kolleginnen und Kollegen,"), then its lines to the sign-off ("Viele Grüße", "Gruß",
# "Mit freundlichen Grüßen") and the name in its block, or to a rule line. Readers are
# greeted otherwise ("Liebe Leserinnen und Leser,"): that is text.
_GREETING = re.compile(
    r"(?:Hallo|Hi|Moin|Servus|Guten\s+(?:Morgen|Tag|Abend)|Sehr\s+geehrte[rs]?"
    r"|Liebe[rs]?\s+(?:Kolleg|Redaktion|Desk|Team))[^.!?]{0,60}[,!]"
)
_SIGN_OFF = re.compile(
    r"(?:\w+\s+){0,3}Gr(?:u|ü)(?:ß|ss)(?:e|en)?(?:\s+aus\s+[\w-]+)?[,!.]?|(?:LG|VG|MfG)[,!.]?"
)
MESSAGE_MAX_LINES = 12
# A note to the newsroom signed with the initials of the editor writing it ("Bitte für
# Samstag einplanen. /mk").
_SIGNED_NOTE = re.compile(r"\A.*\s/[a-zäöü]{2,4}\Z")
# A transcript's fields name the broadcast, its host and guests, never in a sentence: the
# host's turn ("Moderation: Guten Morgen. Wie geht es Ihnen?") is text.
_BROADCAST_FIELD = re.compile(
    r"\A(?:Sendung|Sender|Sendezeit|Moderation|Moderator(?:in)?|Gast|Gäste"
    r"|Gesprächspartner(?:in)?)\s*:\s*\S.*(?<![.!?])\Z"
)
# A wire's subject slug on top, its words between slashes, perhaps with one closing it
# ("Deutschland/Parteien/Bundestag", "Fußball/3. Liga/"): what the item is filed under.
_SLUG_WORDS = r"[^\W\d_][\w.&+-]*(?: [\w.&+-]+){0,3}|\d+\.? [\w.&+-]+(?: [\w.&+-]+){0,2}"
_SLUG_LINE = re.compile(rf"\A(?:{_SLUG_WORDS})(?:/(?:{_SLUG_WORDS}))*(?:/(?:{_SLUG_WORDS})|/)\Z")
# A wire's service or desk on top: the agency, then the service's name ("epd
# Niedersachsen-Bremen", "dpa Nord", "KNA Inland"), also joined by a hyphen ("epd-West").
_SERVICE_LINE = re.compile(
    r"\A(?P<agency>[A-Za-z][\w-]{1,11})(?:\s+|-(?=[A-ZÄÖÜ]))[A-ZÄÖÜ][\w/-]*"
    r"(?:\s+[A-ZÄÖÜ][\w/-]*){0,2}\Z"
)
# A wire's transmission code line on top, lower-case codes and numbers like those closing
# its items ("bdt0123 4 pl 345 dpa 0456", "lrs0147 4 vm 301  dpa/lrs 0874"), with a
# number, so no lower-case words.
_TRANSMISSION_CODES = re.compile(
    r"\A(?=.*\d)[a-z0-9][a-z0-9/-]{0,9}(?:\s+[a-z0-9][a-z0-9/-]{0,9}){2,10}\Z"
)
# The same in capitals, as AFP heads its items ("AFP DEU 0512 4 POL 0287 AFP /AFP-RE94"):
# four codes at least, one of them the agency's name (see `_is_transmission_codes`), so
# that a title in capitals is none.
_UPPER_TRANSMISSION_CODES = re.compile(
    r"\A(?=.*\d)/?[A-Z0-9][A-Z0-9/-]{0,9}(?:\s+/?[A-Z0-9][A-Z0-9/-]{0,9}){3,10}\Z"
)
# A press office's name on top of its release ("Pressestelle", "Presse- und
# Öffentlichkeitsarbeit der Stadt Lindenau", a company's "Unternehmenskommunikation").
_PRESS_OFFICE = re.compile(
    r"\A(?:[-–—*•]\s*)?(?:Pressestelle|Pressedienst|Presseamt|Pressereferat|Pressebüro"
    r"|Presse-\s*und\s+Öffentlichkeitsarbeit|Öffentlichkeitsarbeit"
    r"|(?:Unternehmens|Konzern)?[Kk]ommunikation|Medienstelle"
    # a university's or an authority's office for it ("Stabsstelle Kommunikation und
    # Marketing", "Referat Presse")
    r"|(?:Stabsstelle|Abteilung|Referat|Bereich|Team)\s+(?:Presse|\w*[Kk]ommunikation"
    r"|Öffentlichkeitsarbeit)(?:\s+und\s+\w+)?)"
    r"(?:\s+(?:der|des|im|beim|am)\s+[^.!?:]{2,60})?(?:\s*[-–—*•])?\Z"
)
# A letterhead's lines of address and contact: "Hauptstraße 12", "12345 Lindenau",
# "Telefon: 01234 5678", "E-Mail: …", "www.lindenau.example".
_ADDRESS_LINE = re.compile(
    r"\A(?:(?:[A-ZÄÖÜ][\w.-]*\s+)*[\w-]*(?:straße|strasse|str\.|platz|weg|allee|gasse|ring"
    r"|damm|ufer|markt|hof)\s+\d+(?:\s*[-–]\s*\d+)?\s*[a-z]?(?:\s*[,|–-]\s*\d{5}\s+\S.*)?"
    r"|(?:D-)?\d{5}\s+[A-ZÄÖÜ]\S*(?:\s+\S+){0,3}"
    r"|(?:Telefon|Tel\.?|Fon|Fax|Telefax|Mobil|E-?Mail|Mail|Internet|Web)\s*:?\s*\S.*"
    r"|(?:https?://|www\.)\S+|\S+@\S+\.\w+)\Z",
    re.IGNORECASE,
)
LETTERHEAD_MAX_LINES = 8
# The label of a note to the editors of the newspapers a wire or press office sends to
# ("Redaktionshinweis:", "Hinweis an die Redaktion:", "Notes to editors:"), in plain
# text and in ninjs. A note to readers ("Anmerkung der Redaktion: …") is text.
EDITORS_NOTE_LABEL = (
    r"(?:Redaktionshinweise?|Redaktionelle[rn]?\s+Hinweise?"
    r"|(?:Hinweise?|Notiz|Anmerkung|Informationen?)\s+(?:an|für)\s+(?:die\s+)?Redaktion(?:en)?"
    r"|Achtung,?\s+Redaktion(?:en)?|Notes?\s+to\s+editors)"
)
# Such a note on top or after the text ("Redaktionshinweis: … dpa wird berichten.",
# "Sperrfrist: …"); a wire's correction notice to its clients stands above the item
# ("Korrektur: …").
_EDITORS_NOTE = re.compile(rf"\A(?:{EDITORS_NOTE_LABEL}|Sperrfrist)\s*:", re.IGNORECASE)
# Where a wire's or a press office's notes for the newsroom start after the text, all
# that follows being for editors only: dpa's "dpa-Notizblock" (links, places to film,
# contacts) and a line saying so ("Die folgenden Informationen sind nicht zur
# Veröffentlichung bestimmt", "Nicht zur Veröffentlichung"). A whole line of its own.
_NEWSROOM_BLOCK_START = re.compile(
    r"(?:#{1,6}\s*)?(?:[a-z]{2,5}-)?Notizblock"
    r"|(?:(?:Die\s+)?(?:folgenden?|nachfolgenden?|nachstehenden?)\s+(?:\w+\s+){1,2}"
    r"(?:sind|ist)\s+)?nicht\s+zur\s+Veröffentlichung(?:\s+bestimmt)?[.:!]?",
    re.IGNORECASE,
)
# A wire's correction notice to its clients above the item: a line of its own
# ("Korrektur: …"), or its label alone ("BERICHTIGUNG") over what was wrong, to the
# corrected item ("… Es folgt die berichtigte Fassung:", see `_correction_notice`).
_CORRECTION_WORDS = r"(?:Korrektur|Berichtigung|Korrekturhinweis|Richtigstellung)"
_CORRECTION_NOTE = re.compile(rf"\A{_CORRECTION_WORDS}\s*:\s")
_CORRECTION_LABEL = re.compile(rf"{_CORRECTION_WORDS}\s*:?", re.IGNORECASE)
# Labels a wire or a CMS puts on a title: its urgency ("EIL: ", "Eilmeldung - ",
# "+++ EIL +++ "), a CMS field's name ("Titel: "), and the version of the item, first
# or last ("(Zusammenfassung)", "(2. Zusammenfassung)", "(Korrektur)", "(neu: Details)").
# A press office's sender code, as distribution services print it before the title of
# police, fire brigade and customs releases ("POL-GI: ", "FW-M: ", "BPOL-KS: ", "HZA-F: ").
_SENDER_CODE = r"[A-ZÄÖÜ]{2,5}(?:-[A-ZÄÖÜ]{1,5}){1,2}"
# A wire's kind or version of the item in capitals, glued to the title by a hyphen, as
# Reuters writes them ("UPDATE 1-", "RPT-", "FOKUS 2-", "EXKLUSIV-").
_GLUED_TITLE_LABEL = (
    r"(?:UPDATE|RPT|REFILE|WRAPUP|FOKUS|ANALYSE|INTERVIEW|EXKLUSIV|KORREKTUR|KORR"
    r"|HINTERGRUND|KOLUMNE|PORTRÄT|FAKTENBOX|TABELLE)(?:\s+\d{1,2})?-(?=\S)"
)
_TITLE_PREFIX = re.compile(
    r"\A(?:(?:\+{3}\s*)?(?:EIL(?:MELDUNG)?|Eil(?:meldung)?|BLITZ|Blitz|VORAB|Vorab|VORSCHAU|Vorschau"
    rf"|ROUNDUP(?:\s+\d)?|Titel|Überschrift|Schlagzeile|{_SENDER_CODE})"
    rf"(?:\s*\+{{3}}|\s*:|\s+[–—-])\s+|{_GLUED_TITLE_LABEL})"
)
# What a wire's note says it did to the item, as a participle ("(Korrigiert im dritten
# Absatz den Vornamen …)").
_VERSION_DONE = r"(?:aktualisiert|korrigiert|berichtigt|ergänzt|präzisiert|erweitert)"
_VERSION_WORDS = (
    r"\((?:\d\.\s*)?(?:Zusammenfassung|Fassung|Korrektur|Berichtigung|Wiederholung"
    rf"|Update|Aktualisierung|{_VERSION_DONE}|Neufassung|neu)(?=[\s:)])"
)
_VERSION_LABEL = rf"{_VERSION_WORDS}[^()]{{0,40}}\)"
# On the title, the version first or last; and the " =" dpa's wire format closes a
# headline with ("Mosel steigt weiter =").
_TITLE_MARKS = re.compile(rf"\A{_VERSION_LABEL}\s*|\s*{_VERSION_LABEL}\Z|\s+=\Z", re.IGNORECASE)
# The version on a line of its own under the title, saying after a colon what is new, may
# be longer ("(Neu: Reaktion der Arbeitgeber, Absätze 4 und 5)", as AFP writes it): it is
# for the newsroom ("(Neu im Kino)" is no version), as is one saying what was changed
# ("(Korrigiert im dritten Absatz den Vornamen …)", as Reuters writes it), or one
# giving the version's time ("(Zusammenfassung 16:42 ersetzt Erstmeldung 11:05)").
_VERSION_NOTE = re.compile(
    rf"{_VERSION_WORDS}\s*(?::[^()]{{1,{TITLE_MAX_CHARS}}})?\)"
    rf"|\((?:{_VERSION_DONE}\s|(?:Zusammenfassung|Korrektur|Berichtigung|Neufassung)\s+"
    rf"\d{{1,2}}[:.]\d{{2}})[^()]{{0,{TITLE_MAX_CHARS}}}\)",
    re.IGNORECASE,
)
# A press release's contact block for journalists after its text: the label, then
# short lines of names, numbers and addresses, none a sentence ("Pressekontakt:",
# "Für Rückfragen:", "Rückfragen bitte an:", "Pressesprecherin:"); and a wire's links
# for the newsroom, under a label alone on its line ("Internet:", "Links:").
_CONTACT_LABEL = re.compile(
    r"\A(?:(?:Presse|Medien)kontakte?(?=\s*:|\Z)|Pressesprecher(?:in)?|Pressereferent(?:in)?|Pressestelle"
    r"|Ansprechpartner(?:in)?(?=\s*:)"
    r"|(?:Kontakt|Ansprechpartner(?:in)?)\s+für\s+"
    r"(?:die\s+)?(?:Presse|Medien|Journalist\w*|Redaktionen)"
    r"|(?:Für\s+|Bei\s+)?Rückfragen(?:\s+[^\s.!?:]+){0,6}"
    r"|(?:(?:Mehr\s+)?im\s+)?Internet(?=\s*:\Z)|(?:Web)?links?(?=\s*:\Z)"
    # who is responsible for the release under press law ("V.i.S.d.P.: Anna Muster")
    r"|V\.?\s?i\.?\s?S\.?\s?d\.?\s?P\.?)\s*(?::|\Z)",
    re.IGNORECASE,
)
# Links to related articles, anywhere in the text, under their label on a line of its own
# ("Mehr zum Thema", "Lesen Sie auch:"), each link a line of the label's block or after
# it, opened by an arrow ("› Warum Orkane häufiger werden").
_LINK_ITEM = re.compile(r"[›»→▸►>]\s*\S")
_RELATED_LABEL = re.compile(
    r"(?:Mehr\s+zum\s+Thema|Lesen\s+Sie\s+(?:auch|mehr)|Auch\s+interessant|Mehr\s+dazu"
    r"|Das\s+könnte\s+Sie\s+auch\s+interessieren|Zum\s+Weiterlesen|Verwandte\s+Artikel"
    r"|Weitere\s+(?:Artikel|Meldungen|Nachrichten|Beiträge)(?:\s+zum\s+Thema)?)\s*:?\Z",
    re.IGNORECASE,
)
CONTACT_LINE_MAX_CHARS = 100
CONTACT_MAX_LINES = 12
# A press release's words about its sender after the text, under their heading: "Über
# die Stadtwerke Lindenau", the text under it opening with the name again ("Die
# Stadtwerke Lindenau GmbH versorgt …"), or "Über uns"; a subheading "Über die Alpen"
# over the text's own paragraph is none (see `is_about_heading`, which web pages' boxes
# use too). The name's words are matched lazily, so that a colon closing the heading
# ("Über Voltaro:") is not taken for part of the name.
_ABOUT_HEADING = re.compile(
    r"Über\s+(?:uns|(?:(?:die|den|das)\s+)?(?P<name>[A-ZÄÖÜ]\S*?(?:\s+[A-ZÄÖÜ]\S*?){0,4}))\s*:?"
)
_ARTICLE = re.compile(r"\A(?:Die|Der|Das)\s+")
ABOUT_MAX_LINES = 4
# The line e-mail programs set over the sender's signature ("-- "), stripped.
_SIGNATURE_DELIMITER = "--"
# The line a wire or a CMS ends an item with, set off by brackets or marks ("(Ende)",
# "- Ende -", "+++ Diese Meldung wird aktualisiert +++", "(mehr)"); a CMS's notice that
# the text is being updated also bare ("Dieser Artikel wird laufend aktualisiert.").
_UPDATE_NOTICE = (
    r"(?:Diese[rs]?\s+(?:Meldung|Artikel|Beitrag|Text)\s+wird\s+(?:laufend\s+|fortlaufend\s+)?"
    r"aktualisiert)"
)
_END_WORDS = (
    rf"(?:Ende(?:\s+der\s+Meldung)?|Schluss|mehr|Fortsetzung\s+folgt|{_UPDATE_NOTICE}"
    r"|Weitere\s+(?:Informationen|Einzelheiten)\s+folgen)[.!…]*"
)
_END_MARKER = re.compile(
    rf"\(\s*{_END_WORDS}\s*\)|\[\s*{_END_WORDS}\s*\]"
    rf"|(?P<mark>[-–—+*#]{{1,3}})\s*{_END_WORDS}\s*(?P=mark)|{_UPDATE_NOTICE}[.!]?",
    re.IGNORECASE,
)
# A wire item's code line in parentheses after the text: "(KNA – lmk-85-00412)".
_AGENCY_CODE = re.compile(r"\(\s*(?P<agency>[A-Za-z][\w-]{1,11})\s*[–—/-]?\s*[\w/.-]*\d[\w/. -]*\)")
# A distribution service's line closing a press release it sent: "Original-Content von:
# …, übermittelt durch news aktuell", "OTS: Stadtwerke Lindenau", "… verbreitet über
# pressetext"; the first two name the sender. Web pages close with it too
# (`formats.page_cleaning.notes_drop`).
DISTRIBUTION_FOOTER = re.compile(
    r"\A(?:(?i:Original-?Content\s+von)|OTS)\s*:\s*(?P<sender>[^,]*)"
    r"|\b(?:übermittelt|verbreitet|versandt)\s+(?:durch|über|von)\s+[\w-]+(?:\s+[\w-]+)?\Z"
)
# A broadcaster's disclaimer closing an interview's transcript, as Deutschlandfunk writes
# it: "Äußerungen unserer Gesprächspartner geben deren eigene Auffassungen wieder. Der
# Sender macht sich Äußerungen seiner Gesprächspartner in Interviews nicht zu eigen."
_BROADCAST_DISCLAIMER = re.compile(
    r"\bÄußerungen\s+(?:unserer|seiner|ihrer)\s+(?:Gesprächspartner|Gäste|Interviewpartner)"
    r"\w*\b.{0,80}\bnicht\s+zu\s+eigen\W*\Z"
)
# A message of a messenger's chat export, the day (its year maybe in two digits), the
# time and the sender before the text: "[19.12.26, 21:31:47] Tobias Kranich: Text", or
# without brackets and with a dash, "19.12.26, 21:31 - Tobias Kranich: Text".
_CHAT_MESSAGE = re.compile(
    r"\A\[?(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{2}|\d{4}),?\s+"
    r"\d{1,2}:\d{2}(?::\d{2})?\]?(?:\s+-)?\s+(?P<sender>[^:]{1,40}):\s*(?P<text>.*)\Z"
)
# A writer's initials after a slash, alone on the line closing an item ("/ab"), as press
# offices sign each item of a round-up.
_SIGN_OFF_INITIALS = re.compile(r"/[a-zäöüß]{2,4}(?:/[a-zäöüß]{2,4})*")
# A page's number, as a PDF's or a word processor's text keeps it between the pages
# ("Seite 1 von 2", "- 2 -", "Seite 3/4").
_PAGE_MARKER = re.compile(
    r"(?:Seite|Page|S\.)\s*\d{1,3}\s*(?:von|/|of)\s*\d{1,3}|[-–]\s*\d{1,3}\s*[-–]"
)
# A system's marker alone on its line, in square brackets ("[ARTIKEL-EXPORT]", "[ENDE
# EXPORT]", "[Anzeige]"): never text.
_MARKER_LINE = re.compile(r"\[[^\[\]]{1,40}\]")
# A caption or photo credit as a line of its own ("Foto: Anna Muster", "Bildunterschrift:
# …", "(Foto: dpa)"): it belongs to a picture, not to the text.
_CAPTION_LINE = re.compile(
    r"\A\(?(?:Bildunterschrift|Bildtext|Bildzeile|BU|Fotos?|Fotografi?e?|Bildquellen?"
    r"|Bildnachweis|Bildrechte|Bildmaterial|Titelbild|Archivbild|Archivfoto)\s*:\s*\S"
)
# A fact box's line, a label and a figure (perhaps with its unit): "Zuschauer: 8412",
# "Preis: 15 Euro", "Ergebnis: 2:1". Short and unpunctuated like a subheading, it is text.
_FACT_LINE = re.compile(r"\A[^:]{1,30}:\s*[-+]?\d[\d.,:/%–-]*(?:\s*(?:[A-ZÄÖÜ][\w.]*|%|€|\$))?\Z")
# A newspaper CMS's or layout system's tagged export: each field on a line that opens with
# its tag ("@Titel:…", "@Text:…", "@Zwischentitel:…", "@Bildunterschrift:…"); a line
# without a tag continues the field above it.
_TAGGED_LINE = re.compile(r"\A@(?P<tag>[^\W\d_][\w-]{0,30})\s*:\s*(?P<text>.*)\Z")
# Footer lines after the text: agency codes ("pw/jes", "dpa abc xy n1"), the writer's
# initials ("(SBi)"), a copyright line, a line ending in the wire item's number
# ("dpa-infocom, dpa:261207-930-12345/2"), the sending company's name alone
# ("Beispiel-Agentur GmbH"); and a reporters' credit in parentheses ("(Bericht von Tom
# Muster; redigiert …)"), which may name the desk to write to in parentheses of its own
# ("… an die Redaktion (für Märkte).)").
# A word of a company's name: capitalised or a compound ("dpa-infocom"), so that a
# sentence ending in a legal form ("Der Konzern wird eine AG") is no company line.
_COMPANY_WORD = r"(?:[A-ZÄÖÜ0-9][\w.&-]*|\w+-[\w.&-]+)"
# A company's or an association's name with its legal form (`newstext.legal_forms`):
# "Stadtwerke Lindenau GmbH", "Bürgerverein Lindenau e. V.", "Lahn-Bote GmbH & Co. KG".
# A line of its own names the sender, on top or after the text.
_COMPANY_NAME = rf"{_COMPANY_WORD}(?: {_COMPANY_WORD}){{0,3}} {LEGAL_FORM}"
_COMPANY_LINE = re.compile(_COMPANY_NAME)
_CODE = r"[a-z0-9]{1,6}(?:-[a-z0-9]{1,6})?"  # "pw", "n1", dpa's regional "dpa-lrs"
# A line of the sender's imprint as e-mails and letters close with it, its parts set apart
# by dots or bars, one of them an address ("Verein e. V. · Kirchgasse 7 · 34466 Wolfhagen
# · Vereinsregister Kassel VR 0000"; see `_ADDRESS_LINE`).
_IMPRINT_SEPARATOR = re.compile(r"\s+[·|•]\s+")
IMPRINT_MIN_PARTS = 3
# The writer's initials in parentheses, as press offices sign a release ("(SBi)", "(jk)"):
# with a lower-case letter, so that a party ("(SPD)") is none.
_INITIALS = r"\((?=[^)]*[a-zäöüß])[A-Za-zÄÖÜäöüß]{2,4}(?:/[A-Za-zÄÖÜäöüß]{2,4})*\)"
# The writers' codes signing an item after its end marker ("(Schluss) vhs/kw"), on a line
# of at most this many characters.
END_MARK_MAX_CHARS = 120
_SIGNING_CODES = re.compile(rf"\s+{_CODE}(?:/{_CODE})*\Z")
_FOOTER = re.compile(
    rf"\A(?:{_CODE}(?:[ /]{_CODE}){{1,8}}\Z|{_INITIALS}\Z"
    r"|©|\([cC]\)\s|Copyright\s+(?:©|\([cC]\)|\d{4}|[A-ZÄÖÜ])"
    # an agency's name in parentheses closing its item ("(dts Nachrichtenagentur)")
    r"|\((?:[\w-]+\s+){0,2}(?:Nachrichtenagentur|Presseagentur|Pressedienst)\)\Z"
    # why a newsletter reached its reader ("Sie erhalten diesen Newsletter, weil …")
    # or a wire's item its client ("dpa-infocom gmbh, Hamburg: Sie erhalten diesen Beitrag
    # im Rahmen des Landesdienstes …")
    r"|(?:[^:]{1,60}:\s*)?Sie\s+erhalten\s+(?:diese[ns]?|unseren?)\s+"
    r"(?:Newsletter|Rundbrief|Infobrief|E-?Mail|Beitrag|Meldung|Dienst)\b"
    r"|.{0,60}\b[a-z]{2,8}:\d{6}-\d{2,3}-\d{3,8}(?:/\d{1,3})?\Z"
    # the buttons to share the article ("Artikel teilen: Facebook | WhatsApp | E-Mail")
    r"|(?:(?:Artikel|Beitrag|Seite|Text)\s+)?(?:[Tt]eilen|[Ee]mpfehlen|[Dd]rucken)\s*:[^.!?]{0,80}\Z"
    r"|(?:Artikel|Beitrag|Seite|Text)\s+(?:teilen|empfehlen|drucken)\b[^.!?]{0,80}\Z"
    # a wire's item code with its transmission time ("APA0287    2026-12-09/11:47")
    r"|[A-Z]{2,5}\d{3,5}\s+\d{4}-\d{2}-\d{2}(?:[/ T]\d{2}:\d{2}(?::\d{2})?)?\Z"
    # a counter of readers' comments, a sponsor's line ("Unser Premium-Partner: …")
    r"|Kommentare?\s*\(\d+\)\Z|(?:Unser(?:e)?\s+)?(?:Premium-|Haupt-)?(?:Partner|Sponsor)(?:in)?\s*:"
    # a listed company's legal disclaimer under its label
    r"|(?:Zukunftsgerichtete\s+Aussagen|Haftungsausschluss|Disclaimer|Rechtlicher\s+Hinweis"
    r"|Forward-looking\s+statements)\s*:?\Z"
    rf"|{_COMPANY_NAME}\Z)"
    # where else the sender publishes the text ("Diese Pressemitteilung ist unter
    # www.lg.example abrufbar.", "Den Bericht finden Sie auch auf …")
    r"|(?:(?:Hinweis|Anmerkung)\s*:\s*)?(?:Diese[rs]?|Den|Die|Das)\s+"
    r"(?:\w*(?:mitteilung|information|meldung|bericht)|Text|Beitrag|Artikel)\b"
    r"(?=.{0,200}(?:https?://|www\.|\w@\w)).{0,200}\Z"
)
_CREDITS = re.compile(
    rf"\A\((?:Bericht|Berichterstattung|Reporter|Reporterin|Text)\s*:?\s+(?:von\s+)?"
    rf"(?P<names>{_NAME}(?:\s+und\s+{_NAME})*)(?:[^()]|\([^()]*\))*\)\Z"
    # an interview's credit closing it: "Die Fragen stellte Anna Muster.", "Das Gespräch
    # führten A und B."
    r"|\A(?:Die\s+Fragen\s+stellten?|Das\s+(?:Gespräch|Interview)\s+führten?)\s+"
    rf"(?P<interviewers>{_NAME}(?:\s+und\s+{_NAME})*)\.?\Z"
)
# A hard-wrapped text: its longest line is at most this long, and lines near it are many.
WRAP_MAX_CHARS = 100
WRAP_MIN_CHARS = 40
WRAP_MIN_FULL_LINES = 3
WRAP_SLACK = 15
INDENTED_MIN_PARAGRAPHS = 3
# Articles, prepositions and conjunctions that no sentence or heading ends in (not those
# that end one as a verb's particle, "… kauft ein", "… hört auf"), so a hard-wrapped
# line ending in one goes on in the next.
_NEVER_LAST_WORDS = frozenset(
    {
        *("der", "die", "das", "den", "dem", "des", "eine", "einen", "einem", "einer", "eines"),
        *("und", "oder", "sowie", "dass", "ob", "weil"),
        *("für", "von", "vom", "zum", "zur", "beim", "im", "am", "wegen", "seit", "zwischen"),
        *("gegen", "ohne"),
    }
)
# A line on top packing several of the head's fields, set apart by bars, tabs or wide
# spaces, as a wire's or an office's system writes it ("SID-Meldung 0412 | Sport |
# 17.12.2026 22:31", "Pressemitteilung Nr. 41/2026<tabs>Lüneburg, den 21.12.2026").
PACKED_PART_MAX_WORDS = 4
PACKED_LINE_MAX_CHARS = 200
# A breadcrumb's arrows between a site's sections ("Startseite › Ratgeber › Wohnen"),
# and a date or a time of day in a line.
_BREADCRUMB = re.compile(r"\s[›»>/]\s")
_DATE_OR_TIME = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})\b|\b\d{1,2}:\d{2}\b")
# Where the head reads a doubtful title, the text starts within this many lines, with a
# dateline or a paragraph of at least this many words; its headline stands at most this
# many lines above (a byline, a date line, a subtitle between).
HEAD_MAX_LINES = 15
PROSE_MIN_WORDS = 12
HEADLINE_MAX_GAP = 4
_PACKED_SEPARATOR = re.compile(r"\s*[|\t]\s*|\s+·\s+|\s{3,}")
# A rule line, one mark repeated ("-----", "*****", "* * * *", "====="): it sets off
# parts of a text (a masthead, sections, what follows the text) and is never text itself.
_RULE_LINE = re.compile(r"([-–—=_*#~+•·])(?:\s*\1){2,}")
_LIST_ITEM = re.compile(r"\A(?:[-–•*·▪]|\d{1,2}[.)])\s")
_TRAILER = re.compile(r"\A\s*Quellen?\s*:\s*(?P<names>.+?)\s*\Z", re.IGNORECASE)
_LINE_ENDS_SENTENCE = tuple('.!?…"“”»«')
_FINAL_PUNCTUATION = tuple(".!?:;,…\"'«»“”„‘’)–-")
# A quoted name closing a line, its words in German quotation marks with no sentence end
# inside: „Landarztpraxen sichern – Nachwuchs gewinnen“.
_QUOTED_NAME_END = re.compile(r"\s„[^„“.!?]+“\Z")
# A word: word characters, joined by single hyphens and apostrophes ("CDU-Chef", "geht's").
_JOINERS = "-'’"
_WORD = re.compile(rf"\w+(?:[{_JOINERS}]\w+)*")
# A sentence ends at . ! ? (optionally followed by a closing quote) before an upper-case
# start; not after a number ("Am 20. September") or a one-letter abbreviation.
_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?])(?<!\d[.])(?<!\b\w[.])|(?<=[.!?][«»“”\"]))\s+(?=[„«»\"A-ZÄÖÜ])"
)
# A subheading that lost its line break: after a sentence end, "Name: words …" ending
# in a lower-case word, followed by a capitalised article that can only open a sentence.
_GLUED_HEADING = re.compile(
    r"(?<=[.!?«»“\"])\s+"
    r"(?P<heading>[A-ZÄÖÜ][\w-]*(?: [A-ZÄÖÜ][\w-]*)?: [^.!?:;«»„“\"\n]{3,80}?[a-zäöüß])"
    r"\s+(?=(?:Die|Der|Das|Den|Dem|Des|Ein|Eine|Einen|Einem|Einer|Es|Er|Sie|Im|Am|Nach)\s)"
)


class _Field(StrEnum):
    """What a field is, by its tag in a tagged export (see `_TAGGED_LINE`) or by its key
    on top of a CMS export or in a mail's header (see `_FIELD_LINE`)."""

    TITLE = "title"
    SUBJECT = "subject"  # a mail's: the title when no headline follows
    BYLINE = "byline"
    DATE = "date"
    CHANGED = "changed"  # when the item was written or last changed: a date after DATE's
    PLACE = "place"
    HEADING = "heading"
    TEXT = "text"
    NEWSROOM = "newsroom"  # section, kicker, caption, credit, codes: not the article's text


# Tags and keys as German editorial systems and mail programs name their fields; a tag
# not named here is text, so that nothing is lost. Newsroom fields, by row: the section
# and filing, the kicker above the title and the deck under it, captions, photo credits,
# the item's ids and its keywords, its state in the editorial system, a mail's sender
# and recipients.
_FIELD_TAGS = {
    _Field.TITLE: ("titel", "überschrift", "headline", "schlagzeile", "hauptzeile", "title"),
    _Field.SUBJECT: ("betreff", "subject"),
    _Field.BYLINE: ("autor", "autorin", "autoren", "verfasser", "byline", "author"),
    _Field.DATE: (
        *("datum", "erscheinungsdatum", "veröffentlicht", "veröffentlichungsdatum", "stand"),
        *("publiziert", "gesendet", "date", "sent", "published"),
    ),
    _Field.CHANGED: ("erstellt", "geändert", "aktualisiert", "letzte änderung"),
    _Field.PLACE: ("ort", "ortsmarke", "dateline"),
    _Field.HEADING: ("zwischentitel", "zwischenzeile", "zwischenüberschrift", "zwischenhead"),
    _Field.TEXT: ("text", "fließtext", "haupttext", "artikeltext", "body"),
    _Field.NEWSROOM: (
        *("ressort", "rubrik", "kategorie", "seite", "ausgabe", "quelle", "priorität", "prio"),
        *("dachzeile", "spitzmarke", "kicker", "oberzeile", "topline"),
        *("unterzeile", "untertitel", "unterüberschrift", "subline", "teaser", "anreißer"),
        *("utl.", "utl"),  # APA's "Untertitel"
        *("bildunterschrift", "bildtext", "bildzeile", "bu", "bild", "grafik"),
        *("foto", "fotos", "fotograf", "bildquelle", "bildnachweis"),
        *("id", "kennung", "kürzel", "tags", "keywords", "verwandte artikel", "termin", "termine"),
        *("autorenbox", "autoreninfo", "autorenzeile", "über den autor", "über die autorin"),
        *("schlagworte", "schlagwörter", "schlagwoerter", "stichworte", "stichwörter"),
        *("stichwoerter", "status", "dringlichkeit", "version", "zeichen", "länge", "paywall"),
        *("von", "from", "an", "to", "cc", "bcc", "antwort an", "kopie", "anhang", "attachments"),
    ),
}
_TAG_FIELDS = {tag: kind for kind, tags in _FIELD_TAGS.items() for tag in tags}
# Head fields first, where the head is read; the rest in the order written.
_HEAD_FIELDS = (
    *(_Field.TITLE, _Field.SUBJECT, _Field.BYLINE),
    *(_Field.DATE, _Field.CHANGED, _Field.PLACE),
)


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    UNKNOWN = "unknown"


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"


class Block(NamedTuple):
    """A paragraph or subheading: a range of the body. A tuple: every article has a
    dozen, made in the parse workers and sent to the writer (a dataclass is several
    times slower to build and to unpickle)."""

    kind: BlockKind
    start: int
    end: int


@dataclass
class ParsedArticle:
    title: str
    title_derived: bool
    body: str
    blocks: list[Block]
    published_on: datetime.date | None = None
    date_precision: DatePrecision = DatePrecision.UNKNOWN
    dateline_place: str = ""
    publisher_name: str = ""
    cited_source_names: list[str] = field(default_factory=list)
    dropped_lines: list[str] = field(default_factory=list)
    byline: str = ""

    @property
    def word_count(self) -> int:
        return count_words(self.body)


def count_words(text: str) -> int:
    """How many words `_WORD` finds in `text` (letters and digits, joined by - ' ’).

    The same count as `len(_WORD.findall(text))`, without the regex engine's work per
    character (a large part of an import's parsing, docs/benchmarks.md): the text's
    UTF-8 bytes are mapped to three letters, "a" for a word character, "j" for a joiner,
    " " for anything else, so that counting the words is counting byte pairs in C.
    """
    data = text.encode("utf-8", "surrogatepass")
    if not data.isascii():
        # Each distinct non-ASCII character (a handful per text) in the class its
        # bytes must count in; a word character's bytes are all "a" already.
        for char in set(data.translate(None, _ASCII).decode("utf-8", "surrogatepass")):
            if (replacement := _non_ascii_replacement(char)) is not None:
                data = data.replace(char.encode("utf-8", "surrogatepass"), replacement)
    # A joiner followed by a word character is part of that word: once it is an "a",
    # every word is one run of "a"s, starting at the text's start, after " " or after
    # a joiner that was not followed by a word character ("jja": the second one was).
    shape = data.translate(_WORD_SHAPE).replace(b"ja", b"aa")
    return shape.count(b" a") + shape.count(b"ja") + shape.startswith(b"a")


_ASCII = bytes(range(128))


def _byte_shape(byte: int) -> bytes:
    """The letter of one byte: "a" for an ASCII word character or any byte of a
    non-ASCII character left in the text, "j" for an ASCII joiner, else " "."""
    if byte >= 128 or re.match(r"\w", chr(byte)):
        return b"a"
    return b"j" if chr(byte) in _JOINERS else b" "


_WORD_SHAPE = b"".join(_byte_shape(byte) for byte in range(256))


@cache
def _non_ascii_replacement(char: str) -> bytes | None:
    """What a non-ASCII character's bytes become for `count_words`: nothing for a word
    character, an ASCII joiner for a joiner, else a space."""
    if _WORD.fullmatch(char):
        return None
    return b"'" if char in _JOINERS else b" "


@cache
def boilerplate_lines() -> frozenset[str]:
    """The boilerplate list from data/boilerplate.txt, in comparable form."""
    lines = BOILERPLATE_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(
        _comparable(line) for line in lines if line.strip() and not line.startswith("#")
    )


def _comparable(line: str) -> str:
    return _core(line).casefold()


def _core(line: str) -> str:
    """The line without the blanks around it and its closing ":", "." or "…"."""
    return line.strip().rstrip(":.…").strip()


@cache
def _boilerplate_longest() -> int:
    """The length of the longest boilerplate line. Case folding never shortens a text:
    a line longer than every boilerplate line is none of them, and most lines are
    paragraphs, far longer (folding them is costly)."""
    return max(map(len, boilerplate_lines()), default=0)


def parse_article(text: str) -> ParsedArticle:
    """Split normalised text into metadata and a body of paragraph and heading blocks;
    a Markdown or XML export is read as the text it marks up (see `newstext.markup`)."""
    published_on, precision, text = _take_date_prefix(plain_text(text))
    boilerplate = boilerplate_lines()
    longest = _boilerplate_longest()
    lines: list[_Line] = []
    chat, dropped, sent_on = _read_chat_export(_unwrapped_lines(text))
    if sent_on and not published_on:
        published_on, precision = sent_on, DatePrecision.DAY
    untagged, untagged_dropped = _read_field_tags(chat)
    dropped += untagged_dropped
    related = _related_links(untagged)
    for index, line in enumerate(untagged):
        core = _core(line.text)
        if (
            index in related
            or (len(core) <= longest and core.casefold() in boilerplate)
            or _is_teaser(line.text)
            or _CAPTION_LINE.match(line.text)
            or _MARKER_LINE.fullmatch(line.text)
            or _SIGN_OFF_INITIALS.fullmatch(line.text)
            or _PAGE_MARKER.fullmatch(line.text)
        ):
            dropped.append(line.text)
        else:
            lines.append(line)

    byline = ""
    cited: list[str] = []
    footers: list[str] = []
    if (block := _newsroom_block_start(lines)) is not None:
        footers.extend(line.text for line in lines[block:])
        del lines[block:]
    while lines:
        last = lines[-1].text
        if trailer := _TRAILER.match(last):
            cited = _split_names(trailer["names"]) + cited
            lines.pop()
            continue
        if len(lines) == 1:  # a footer's shape, but the whole text
            break
        if credits := _CREDITS.match(last):
            byline = credits["names"] or credits["interviewers"].removesuffix(".")
        elif (closing := _closing_block_start(lines)) is not None:
            closing = _signature_start(lines, closing)
            footers.extend(line.text for line in lines[closing:])
            del lines[closing:]
            continue
        elif footer_block := _footer_block(lines):
            footers.extend(line.text for line in reversed(footer_block))  # as popped
            del lines[-len(footer_block) :]
            continue
        elif not _is_footer(last):
            break
        footers.append(lines.pop().text)

    senders = _distribution_senders(footers)
    head = _read_head(lines, senders)
    if _is_doubtful_title(head.title):
        _reanchor_head(head, lines, senders)
    sent_on = head.published_on or _transmission_date(footers)
    if sent_on and not published_on:
        published_on, precision = sent_on, DatePrecision.DAY
    dropped.extend(footers + head.lines)
    byline = head.byline or byline

    place, agencies = head.place, head.agencies
    if lines and (
        dateline := read_dateline(lines[0].text)
        or read_sender_dateline(lines[0].text, "\n".join([*head.lines, head.title]))
    ):
        place, agencies = dateline.place or place, dateline.agencies or head.agencies
        if dateline.published_on and not published_on:
            published_on, precision = dateline.published_on, DatePrecision.DAY
        if dateline.rest:
            lines[0] = lines[0]._replace(text=dateline.rest)
        else:  # the dateline stood alone on its line
            del lines[0]

    texts: list[tuple[BlockKind, str]] = []
    for line, following in itertools.zip_longest(lines, lines[1:]):
        if _RULE_LINE.fullmatch(line.text):
            dropped.append(line.text)
        elif _is_heading_line(line) or _is_list_heading(line, following):
            texts.append((BlockKind.HEADING, line.text))
        else:
            texts.extend(split_glued_headings(line.text))

    body, blocks = _join_blocks(texts)
    return ParsedArticle(
        title=head.title or derive_title(texts),
        title_derived=not head.title,
        body=body,
        blocks=blocks,
        published_on=published_on,
        date_precision=precision,
        dateline_place=place,
        publisher_name=agencies[0] if agencies else "",
        cited_source_names=_unique(agencies[1:] + cited),
        dropped_lines=dropped,
        byline=byline,
    )


def _related_links(lines: list["_Line"]) -> set[int]:
    """The indexes of the lines linking to related articles (see `_RELATED_LABEL`): the
    label and the links right under it, each opened by an arrow ("› Titel") or, in a
    text of blocks, a short line of the label's block that ends no sentence."""
    related: set[int] = set()
    label: _Line | None = None
    blocky = any(line.alone for line in lines)
    for index, line in enumerate(lines):
        if _RELATED_LABEL.match(line.text):
            label = line
        elif label is None or not (
            _LINK_ITEM.match(line.text)
            or (blocky and line.block == label.block and _is_link_title(line.text))
        ):
            label = None
            continue
        related.add(index)
    return related


def _is_link_title(line: str) -> bool:
    """A line short enough for a link's title that ends no statement (a question may
    be one: "Glatteis auf dem Parkplatz: Wer zahlt bei einem Sturz?")."""
    return len(line) <= HEADING_MAX_CHARS and (
        line.endswith("?") or not line.endswith(_LINE_ENDS_SENTENCE)
    )


def _is_teaser(line: str) -> bool:
    """A web page's link to another article: a boilerplate label, a colon and a
    headline ("Lesen Sie auch: Stadtrat streitet über Parkgebühren")."""
    label, colon, headline = line.partition(":")
    headline = headline.strip()
    return (
        bool(colon and headline)
        and len(label) <= _boilerplate_longest()
        and _comparable(label) in boilerplate_lines()
        and len(headline) <= TITLE_MAX_CHARS
        and not headline.endswith(tuple(".:;,"))
        and first_sentence(headline) == headline
    )


def _is_heading_line(line: "_Line") -> bool:
    """A subheading: tagged as one, or, untagged, shaped like one (see `is_heading`,
    `_is_standalone_heading`)."""
    if line.field:
        return line.field is _Field.HEADING
    return is_heading(line.text) or (line.alone and _is_standalone_heading(line.text))


def _is_footer(line: str) -> bool:
    """A line after the text that is not part of it: see `_FOOTER`, a wire's
    transmission time, a note to editors, an end marker, a distribution service's line,
    a broadcaster's disclaimer, a rule line, an imprint's line, a field for the
    newsroom ("Schlagworte: …", see `_FIELD_TAGS`) and an agency's code line."""
    if (
        _is_imprint(line)
        or _line_field(line) is _Field.NEWSROOM
        or _FOOTER.match(line)
        or _transmission_time(line)
        or _EDITORS_NOTE.match(line)
        or _is_end_mark(line)
        or _VERSION_NOTE.fullmatch(line)
        or _PRESS_OFFICE.match(line)
        or _date_line(line)
        or DISTRIBUTION_FOOTER.search(line)
        or _BROADCAST_DISCLAIMER.search(line)
        or _RULE_LINE.fullmatch(line)
    ):
        return True
    code = _AGENCY_CODE.fullmatch(line)
    return code is not None and code["agency"].casefold() in WIRE_AGENCIES


def _signature_start(lines: list["_Line"], start: int) -> int:
    """Where the sender's lines start above a closing block at `start` in the same block
    of lines, short and none a sentence ("Stadt Lindenau" over "Pressestelle" over its
    telephone); never on the first line."""
    while (
        start > 1
        and lines[start - 1].block == lines[start].block
        and _is_short_line(lines[start - 1].text)
    ):
        start -= 1
    return start


def _is_short_line(line: str) -> bool:
    """A line of a contact or an address: short, not ending a sentence."""
    return len(line) <= CONTACT_LINE_MAX_CHARS and not line.endswith((".", "!", "?"))


def _is_end_mark(line: str) -> bool:
    """An end marker (see `_END_MARKER`), maybe signed with the writers' codes ("(Schluss)
    vhs/kw"): a short line."""
    return len(line) <= END_MARK_MAX_CHARS and bool(
        _END_MARKER.fullmatch(_SIGNING_CODES.sub("", line))
    )


def _footer_block(lines: list["_Line"]) -> list["_Line"]:
    """The last block of `lines`, more text standing above it, if a footer line opens it
    (the lines under a copyright or a code line are its: "Copyright 2026 KNA …" over "Nur
    für den internen Gebrauch der Bezieher bestimmt."), or if a footer line is in it and
    a rule line sets it off (a hotline and a disclaimer over "© 2026 …") or none of its
    lines is a sentence (a sender's name, address and telephone over its e-mail)."""
    block = [line for line in lines if line.block == lines[-1].block]
    if len(block) < 2 or len(block) == len(lines) or not lines[-1].block:
        return []
    if _is_footer(block[0].text):
        return block
    if not any(_is_footer(line.text) for line in block):
        return []
    ruled = _RULE_LINE.fullmatch(lines[-len(block) - 1].text) is not None
    # a block of short lines, none a sentence: an address, a contact, an imprint
    listing = all(_is_short_line(line.text) for line in block)
    return block if ruled or listing else []


def _is_list_heading(line: "_Line", following: "_Line | None") -> bool:
    """A short line ending in ":" over the list items of its block ("Das Wichtigste in
    Kürze:" over "• …", `following`), see `_is_standalone_heading`."""
    return (
        following is not None
        and following.block == line.block
        and line.text.endswith(":")
        and _LIST_ITEM.match(following.text) is not None
        and _is_standalone_heading(line.text)
    )


def _is_imprint(line: str) -> bool:
    """A line of the sender's imprint (see `_IMPRINT_SEPARATOR`)."""
    parts = _IMPRINT_SEPARATOR.split(line)
    return len(parts) >= IMPRINT_MIN_PARTS and any(map(_ADDRESS_LINE.match, parts))


def _newsroom_block_start(lines: list["_Line"]) -> int | None:
    """Where the notes for the newsroom start after the text (see
    `_NEWSROOM_BLOCK_START`), or a mail's signature (see `_SIGNATURE_DELIMITER`); never
    on the first line."""
    return next(
        (
            index
            for index, line in enumerate(lines[1:], start=1)
            if line.text == _SIGNATURE_DELIMITER or _NEWSROOM_BLOCK_START.fullmatch(line.text)
        ),
        None,
    )


def _distribution_senders(footers: list[str]) -> frozenset[str]:
    """The senders, case-folded, that a distribution service's footer names ("Original-
    Content von: Feuerwehr Essen, übermittelt durch news aktuell"): news aktuell's press
    portal prints the sender's name on top too, where it is no title."""
    found = (DISTRIBUTION_FOOTER.search(line) for line in footers)
    return frozenset(
        match["sender"].strip().casefold() for match in found if match and match["sender"]
    )


def _transmission_date(footers: list[str]) -> datetime.date | None:
    """The date of a wire's transmission time among the lines after the text, where dpa
    puts it ("071644 Dez 26")."""
    return next(filter(None, map(_transmission_time, footers)), None)


def _closing_block_start(lines: list["_Line"]) -> int | None:
    """Where a press release's closing block starts that runs to the end of `lines`: its
    contact block (or a wire's links, see `_contact_block_start`) or its words about the
    sender (see `_about_block_start`)."""
    contact = _contact_block_start(lines)
    return contact if contact is not None else _about_block_start(lines)


def _about_block_start(lines: list["_Line"]) -> int | None:
    """Where a press release's words about its sender start under their heading (see
    `_ABOUT_HEADING`), at most ABOUT_MAX_LINES lines running to the end of `lines`;
    never on the first line."""
    for index in range(max(1, len(lines) - ABOUT_MAX_LINES - 1), len(lines) - 1):
        if is_about_heading(lines[index].text, lines[index + 1].text):
            return index
    return None


def is_about_heading(heading: str, following: str) -> bool:
    """Whether `heading` heads a press release's words about its sender, `following`
    being the text under it (see `_ABOUT_HEADING`), which opens with the sender's name
    again or its initials ("Über die Technische Hochschule Werraland" over "Die THW
    ist …")."""
    about = _ABOUT_HEADING.fullmatch(heading)
    if about is None or not about["name"]:
        return about is not None
    following = _ARTICLE.sub("", following)
    initials = "".join(word[0] for word in about["name"].split() if word[0].isupper())
    return following.startswith(about["name"]) or (
        len(initials) >= 2 and re.match(rf"{initials}\b", following) is not None
    )


def _contact_block_start(lines: list["_Line"]) -> int | None:
    """Where a contact block for journalists (or a wire's links) starts that runs to the
    end of `lines`; never on the first line (a whole text is no contact block)."""
    for index in range(len(lines) - 1, max(0, len(lines) - CONTACT_MAX_LINES - 1), -1):
        line = lines[index].text
        if _CONTACT_LABEL.match(line):
            return index
        if not _is_short_line(line):
            return None  # a sentence: text, not a name, a number or an address
    return None


class _Line(NamedTuple):
    """A non-empty line of the text; `alone` when blank lines set it apart as a block;
    `block` the number of its block of lines; `field` what its tag says it is, in a
    tagged export."""

    text: str
    alone: bool
    block: int = 0
    field: _Field | None = None


def _unwrapped_lines(text: str) -> list[_Line]:
    """The text's lines, stripped, without empty ones; hard-wrapped lines joined.

    A line opening with the text's paragraph indent (see `_paragraph_indent`) opens a
    block as a blank line before it would.

    A text is hard-wrapped when its paragraphs are separated by blank lines and its lines
    are cut at a width: none longer than WRAP_MAX_CHARS and several close to the longest.
    There a line break inside a paragraph is soft when the next line's first word would
    not have fitted on the line, or when a line near the width stops mid-sentence; a
    short line (a paragraph's end, a heading) stays, and a list item, a tagged line or a
    field ("Betreff: …", see `_line_field`) starts a line of its own. A rule line is a
    block of its own.
    """
    groups: list[list[str]] = [[]]
    raw_lines = text.split("\n")
    indent = _paragraph_indent(raw_lines)
    for raw in raw_lines:
        line = raw.strip()
        rule = _RULE_LINE.fullmatch(line) is not None
        starts_paragraph = indent is not None and line and _indent(raw) == indent
        if groups[-1] and (rule or not line or starts_paragraph):
            groups.append([])
        if line:
            groups[-1].append(line)
        if rule:
            groups.append([])
    if not groups[-1]:
        groups.pop()
    if len(groups) > 1 and (width := _wrap_width(groups)):
        # where an indent opens each paragraph, every other break in one is soft
        groups = [_join_soft_breaks(group, None if indent else width) for group in groups]
    blocky = len(groups) > 1
    return [
        _Line(line, blocky and len(group) == 1, number)
        for number, group in enumerate(groups)
        for line in group
    ]


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _paragraph_indent(lines: list[str]) -> str | None:
    """The indent that opens a paragraph, where a text marks its paragraphs so rather
    than with blank lines (a wire's "   Wien (APA) - …" over lines that are not): the
    commonest indent of at least two spaces or a tab, opening INDENTED_MIN_PARAGRAPHS
    lines at least but less than half of them."""
    if not any(line.startswith((" ", "\t")) for line in lines):
        return None
    indents = [_indent(line) for line in lines if line.strip()]
    opening = Counter(indent for indent in indents if indent.startswith(("  ", "\t")))
    if not opening:
        return None
    indent, count = opening.most_common(1)[0]
    return indent if INDENTED_MIN_PARAGRAPHS <= count < len(indents) / 2 else None


def _read_chat_export(lines: list[_Line]) -> tuple[list[_Line], list[str], datetime.date | None]:
    """A messenger's chat export (see `_CHAT_MESSAGE`): the messages that go on over
    lines of their own (the copy a reporter sent) without their prefix, the day the
    first of them was sent, and the other messages (the chat around it) as lines to
    drop. Other texts as they are.

    A text is a chat export when it opens with a message and has another.
    """
    messages = [_CHAT_MESSAGE.match(line.text) for line in lines]
    if not messages or not messages[0] or sum(map(bool, messages)) < 2:
        return lines, [], None
    kept: list[_Line] = []
    dropped: list[str] = []
    sent_on = None
    for index, (line, message) in enumerate(zip(lines, messages, strict=True)):
        if not message:
            kept.append(line)
        elif index + 1 < len(messages) and not messages[index + 1] and message["text"]:
            kept.append(line._replace(text=message["text"]))
            year = _full_year(message["year"])
            sent_on = sent_on or calendar_date(year, message["month"], None, message["day"])
        else:
            dropped.append(line.text)
    return (kept, dropped, sent_on) if kept else (lines, [], None)


def _read_field_tags(lines: list[_Line]) -> tuple[list[_Line], list[str]]:
    """A tagged export's lines without their tags, each marked with its field and set
    apart as a block of its own, the head's fields first; and the lines of fields that
    are no part of the article (see `_FIELD_TAGS`). Other texts as they are.

    A text is a tagged export when it opens with a tagged line and has another.
    """
    tagged = [_TAGGED_LINE.match(line.text) for line in lines]
    if not tagged or not tagged[0] or sum(map(bool, tagged)) < 2:
        return lines, []
    head: list[_Line] = []
    body: list[_Line] = []
    dropped: list[str] = []
    field = _Field.TEXT
    for line, match in zip(lines, tagged, strict=True):
        text = line.text
        if match:
            field = _field_kind(match["tag"]) or _Field.TEXT
            text = match["text"].strip()
        if field is _Field.NEWSROOM:
            dropped.append(line.text)
        elif text:
            (head if field in _HEAD_FIELDS else body).append(_field_line(field, text))
    return head + body, dropped


def _field_kind(key: str) -> _Field | None:
    """What a field is by its tag or key (see `_FIELD_TAGS`), or by the key's last part
    ("Artikel-ID": an id); None if neither is named there."""
    folded = key.casefold()
    return _TAG_FIELDS.get(folded) or _TAG_FIELDS.get(folded.rsplit("-", 1)[-1])


def _line_field(line: str) -> _Field | None:
    """What field a line is, "Key: value" with the key capitalised and named in
    `_FIELD_TAGS` (see `_FIELD_LINE`), or None."""
    match = _FIELD_LINE.match(line)
    return _field_kind(match["key"]) if match and match["key"][0].isupper() else None


def _field_line(field: _Field, text: str) -> "_Line":
    """A field's text as a line of its own, marked with its field; a byline's as "Von …",
    the label its tag or key stands for."""
    if field is _Field.BYLINE and not _BYLINE.match(text):
        text = f"Von {text}"
    return _Line(text, True, field=field)


def _wrap_width(groups: list[list[str]]) -> int | None:
    """The width the lines are hard-wrapped at, if they are."""
    lengths = [len(line) for group in groups for line in group]
    width = max(lengths)
    if not WRAP_MIN_CHARS <= width <= WRAP_MAX_CHARS:
        return None
    full = sum(length >= width - WRAP_SLACK for length in lengths)
    if full < WRAP_MIN_FULL_LINES:
        return None
    # A width cuts sentences: most breaks fall inside one. Lines that each end a sentence
    # are paragraphs of their own, however alike their lengths.
    breaks = [
        line
        for group in groups
        for line, following in itertools.pairwise(group)
        if not _LIST_ITEM.match(line) and not _LIST_ITEM.match(following)
    ]
    inside = sum(not line.endswith(_LINE_ENDS_SENTENCE) for line in breaks)
    return width if 2 * inside > len(breaks) else None


def _join_soft_breaks(group: list[str], width: int | None) -> list[str]:
    """The lines of `group` with its soft breaks joined (see `_is_soft_break`; every
    break is soft without a `width`), a list item, a tagged line, a chat's message, a
    field and an end mark ("(Schluss) vhs/kw") each on a line of its own."""
    joined = group[:1]
    for previous, line in itertools.pairwise(group):
        starts_anew = (
            _LIST_ITEM.match(line)
            or _TAGGED_LINE.match(line)
            or _CHAT_MESSAGE.match(line)
            or _line_field(line)
            or _is_end_mark(line)
        )
        if starts_anew or (width and not _is_soft_break(previous, line, width)):
            joined.append(line)
        else:
            joined[-1] += " " + line
    return joined


def _is_soft_break(previous: str, line: str, width: int) -> bool:
    """A break the wrapping made: the next word would not have fitted on the line, the
    line runs close to the width and stops inside a sentence (wrapped by hand, or by a
    tool that keeps a margin, where a short next word could still have fitted), or it
    ends in a word no sentence or heading ends in ("für einen", "und")."""
    first_word = line.split(maxsplit=1)[0]
    if len(previous) + 1 + len(first_word) > width:
        return True
    if previous.rsplit(maxsplit=1)[-1] in _NEVER_LAST_WORDS:
        return True
    return len(previous) >= width - WRAP_SLACK and not previous.endswith(_LINE_ENDS_SENTENCE)


@dataclass
class _Head:
    """What the lines on top give (see `_read_head`)."""

    title: str = ""
    byline: str = ""
    published_on: datetime.date | None = None
    agencies: list[str] = field(default_factory=list)  # a byline's or a service line's
    lines: list[str] = field(default_factory=list)  # the lines taken out of the text
    place: str = ""  # a press release's place and date line, a CMS export's place field
    subject: str = ""  # a mail's subject: the title if no headline follows
    subtitle_block: int | None = None  # the block right under the title's line
    title_block: int | None = None  # the title's, where a two-line block holds its subtitle

    def read_title(self, title: str, block: int) -> None:
        """The title, read from a line in `block`: its subtitle may stand in the next."""
        self.title, self.subtitle_block, self.title_block = title, block + 1, block

    def read_byline(self, byline: re.Match[str]) -> None:
        """The names of a byline (see `_BYLINE`) and the agency it names, if any."""
        self.byline = byline["names"]
        self.agencies = [agency] if (agency := _byline_agency(byline)) else self.agencies


def _read_head(lines: list[_Line], senders: frozenset[str]) -> _Head:
    """Take the title, a date line and a byline from the top of `lines` (in any order),
    the fields of a tagged export, a CMS export or a mail's header that give them (see
    `_take_fields`), the lines there that speak to the newsroom (see
    `_is_newsroom_line`), name the sender as the footers do (`senders`, case-folded: see
    `_distribution_senders`) or set off the text: rule lines, a forwarder's note (see
    `_take_forwarded_note`), and what `_front_matter` finds; and a subtitle under the
    title."""
    head = _Head(lines=_take_forwarded_note(lines))
    while len(lines) > 1:
        if lines[0].field:
            if not _read_field(head, lines[0]):
                break
        elif front := _front_matter(lines, head):
            issued_on = next(filter(None, map(_issue_date, front)), None)
            head.published_on = head.published_on or issued_on
            head.lines.extend(front)
            del lines[: len(front)]
            continue
        elif (fields := _take_fields(lines)) is not None:
            head.lines.extend(fields)
            continue
        elif not _read_head_line(head, lines, senders):
            break
        lines.pop(0)
    head.title = head.title or head.subject
    return head


def _read_head_line(head: _Head, lines: list[_Line], senders: frozenset[str]) -> bool:
    """Read the first of `lines` into `head` if it belongs there (see `_read_head`)."""
    line = lines[0].text
    if service := _service_agency(line):  # before the slugs: "dpa Nord/Hamburg"
        head.agencies = head.agencies or [service]
    elif issued_on := _document_date(line):
        head.published_on = head.published_on or issued_on
    elif _is_newsroom_line(line) or _RULE_LINE.fullmatch(line) or line.casefold() in senders:
        pass
    elif not head.published_on and (published_on := _date_line(line)):
        head.published_on = published_on
    elif not head.place and (dated := _place_and_date_line(line)):
        head.place, head.published_on = dated.place, head.published_on or dated.published_on
    elif numbered_on := _coded_date(line):
        head.published_on = head.published_on or numbered_on
    elif _read_packed_line(head, lines) or (not head.title and _over_document_kind(lines)):
        pass
    elif not head.byline and (byline := _byline_match(line, after_title=bool(head.title))):
        head.read_byline(byline)
    elif not head.title and _is_title(
        candidate := lines[0]._replace(
            text=_title_text(line), alone=lines[0].alone or _over_its_byline(lines)
        )
    ):
        if _is_doubtful_title(candidate.text) and _headline_before_text(lines):
            return False  # see `_reanchor_head`
        head.read_title(candidate.text, lines[0].block)
        return True
    elif _is_subtitle_of(head, lines):
        if len(head.title.split()) > KICKER_MAX_WORDS:
            head.subtitle_block = head.title_block = None
        else:  # the line read as the title was the kicker above it ("Stadtrat")
            head.lines.append(head.title)
            head.read_title(_title_text(line), lines[0].block)
            return True
    else:
        return False
    head.lines.append(line)
    return True


def _is_subtitle_of(head: _Head, lines: list[_Line]) -> bool:
    """The first of `lines` is the subtitle under the head's title (see `_is_subtitle`):
    alone in the block right under it, or the second line of a two-line block with it
    over the dateline, where the text starts ("Eishockey" over "Falcons beenden
    Negativserie", a title over its subtitle)."""
    line = lines[0]
    if line.block == head.subtitle_block:
        return _is_subtitle(line)
    if line.block != head.title_block or len(lines) < 2 or lines[1].block == line.block:
        return False
    return read_dateline(lines[1].text) is not None and _is_subtitle(line._replace(alone=True))


def _is_doubtful_title(title: str) -> bool:
    """A title read off the top that looks more like a line of the head than a headline:
    none, a name of a word or two ("Stadt Lörrach"), words in capitals only ("WETTERBÜRO
    HARZ & HEIDE"), parts packed with bars or a breadcrumb's arrows ("Startseite ›
    Ratgeber"), or a date or time in it."""
    return (
        len(title.split()) <= KICKER_MAX_WORDS
        or not any(char.islower() for char in title)
        or len([part for part in _PACKED_SEPARATOR.split(title) if part]) > 1
        or _BREADCRUMB.search(title) is not None
        or _DATE_OR_TIME.search(title) is not None
    )


def _reanchor_head(head: _Head, lines: list[_Line], senders: frozenset[str]) -> None:
    """Where the head read a doubtful title (see `_is_doubtful_title`) and stopped above
    the text's start (a dateline or a paragraph of prose, see `_text_start`), take as the
    title the first headline of the HEADLINE_MAX_GAP lines above that start, one set
    apart as a block of its own first (a kicker above it shares its block with other
    lines of the head, a subtitle follows it), and read the lines around it into the
    head (dates, a byline, a subtitle; the rest, the doubtful title with it, as the
    head's lines)."""
    start = _text_start(lines)
    if not start:
        return
    window = range(max(0, start - HEADLINE_MAX_GAP), start)
    headlines = [index for index in window if _is_headline(lines[index])]
    if not headlines:
        return
    at = next((index for index in headlines if lines[index].alone), headlines[0])
    # a list and its label under the headline are text ("Das Wichtigste in Kürze:")
    start = next(
        (
            index
            for index in range(at + 1, start)
            if _LIST_ITEM.match(lines[index].text)
            or _is_list_heading(lines[index], lines[index + 1])
        ),
        start,
    )
    if head.title:
        head.lines.append(head.title)
    head.read_title(_title_text(lines[at].text), lines[at].block)
    for index in [*range(at), *range(at + 1, start)]:
        if not _read_head_line(head, lines[index:start], senders):
            head.published_on = head.published_on or _date_in(lines[index].text)
            head.lines.append(lines[index].text)
    del lines[:start]


def _full_year(year: str) -> str:
    """A year of two digits in this century, as a wire's or a chat's time gives it."""
    return year if len(year) == 4 else f"20{year}"


def _match_date(match: re.Match[str]) -> datetime.date | None:
    """The date a match of `_DAY_MONTH_YEAR` gives."""
    return calendar_date(match["year"], match["month"], match["month_name"], match["day"])


def _date_in(line: str) -> datetime.date | None:
    """The first full date in a line of the head ("Ausgegeben: Samstag, 19.12.2026, 05:30
    Uhr", "15.12.2026, 06:00 Uhr · Lesezeit: 4 Min.")."""
    match = _DATE_IN_LINE.search(line)
    return _match_date(match) if match else None


def _headline_before_text(lines: list[_Line]) -> bool:
    """A headline (see `_is_headline`) stands under the first of `lines`, above the
    text's start (see `_text_start`)."""
    start = _text_start(lines)
    return bool(start) and any(map(_is_headline, lines[1:start]))


def _text_start(lines: list[_Line]) -> int | None:
    """The first of the first HEAD_MAX_LINES lines that opens the text: a dateline (not a
    place and date alone, "Potsdam, 16. Dezember 2026"), or a paragraph of prose
    (PROSE_MIN_WORDS words at least, ending a sentence)."""
    for index, line in enumerate(lines[:HEAD_MAX_LINES]):
        dateline = read_dateline(line.text)
        if (dateline and (dateline.rest or dateline.agencies)) or (
            len(line.text.split()) >= PROSE_MIN_WORDS and line.text.endswith(_LINE_ENDS_SENTENCE)
        ):
            return index
    return None


def _is_headline(line: _Line) -> bool:
    """A line that reads as a headline (see `_is_title`), a few words with lower-case
    ones, neither a byline, a date nor a field, and not itself doubtful."""
    text = _title_text(line.text)
    return (
        not _is_doubtful_title(text)
        and _is_title(line._replace(text=text, alone=True))
        and not _byline_match(text, after_title=True)
        and not _line_field(text)
    )


def _read_packed_line(head: _Head, lines: list[_Line]) -> bool:
    """Read the first of `lines`, packing the head's fields (see `_PACKED_SEPARATOR`),
    into `head`: True if it has several parts of a few words each, and one gives the
    date (with the place) or the byline ("Geschrieben von Tobias Renner | 12.12.2026,
    22:14 Uhr | Kategorie: 1. Herren"), or names a press office (the sender's
    letterhead), or, its parts shorter still, it stands over a title alone ("LIVE |
    Sturmtief Zora", a section's path "Sport | Fußball")."""
    if len(lines[0].text) > PACKED_LINE_MAX_CHARS:
        return False
    parts = [part for part in _PACKED_SEPARATOR.split(lines[0].text) if part]
    if len(parts) < 2 or any(len(part.split()) > 2 * PACKED_PART_MAX_WORDS for part in parts):
        return False
    dated = next(filter(None, map(_place_and_date_line, parts)), None)
    published_on = dated.published_on if dated else next(filter(None, map(_date_line, parts)), None)
    byline = next(filter(None, (_byline_match(part, after_title=True) for part in parts)), None)
    if published_on is None and byline is None:
        return any(_PRESS_OFFICE.match(part) for part in parts) or (
            not head.title
            and all(len(part.split()) <= PACKED_PART_MAX_WORDS for part in parts)
            and len(lines) > 1
            and lines[1].alone
            and _is_title(lines[1])
        )
    head.place = head.place or (dated.place if dated else "")
    head.published_on = head.published_on or published_on
    if byline and not head.byline:
        head.read_byline(byline)
    return True


def _read_field(head: _Head, line: _Line) -> bool:
    """Read a field of the head (see `_HEAD_FIELDS`) into `head`, the first of each
    kind; False for the text's fields."""
    if line.field is _Field.TITLE and not head.title:
        head.title = _title_text(line.text)
        return True
    if line.field not in _HEAD_FIELDS:
        return False
    if line.field is _Field.SUBJECT:
        head.subject = head.subject or _SUBJECT_MARKS.sub("", line.text)
    elif line.field is _Field.BYLINE and not head.byline and (byline := _BYLINE.match(line.text)):
        head.read_byline(byline)
    elif line.field in (_Field.DATE, _Field.CHANGED):
        head.published_on = head.published_on or _field_date(line.text)
    elif line.field is _Field.PLACE:
        head.place = head.place or line.text
    head.lines.append(line.text)
    return True


def _field_date(value: str) -> datetime.date | None:
    """The day a date field gives, as German editorial systems ("10.12.2026 05:30"),
    mail programs ("Donnerstag, 10. Dezember 2026 16:58", "Thu, 10 Dec 2026 16:58:00
    +0100") or ISO 8601 ("2026-12-10T05:30:00+01:00") write it."""
    if day := _date_line(value):
        return day
    moment = parse_timestamp(value)
    if moment is None:
        try:
            moment = email.utils.parsedate_to_datetime(value)
        except ValueError:
            return None
    return newsroom_day(moment)


def _take_fields(lines: list[_Line]) -> list[str] | None:
    """Take the fields of a CMS export or a mail's header off the top of `lines` (see
    `_field_run`): the head's go back on top, each a line marked with its field as a
    tagged export's are, in the order of `_HEAD_FIELDS`, and the text's field without
    its key ("Text: Der Rat …"); return the lines of the others (the newsroom's, the
    label "Text:" over the text), or None if `lines` open with no fields."""
    run = _field_run(lines)
    if not run:
        return None
    head: list[_Line] = []
    text: list[_Line] = []
    taken: list[str] = []
    for line, kind, value in run:
        if kind in _HEAD_FIELDS and value:
            head.append(_field_line(kind, value))
        elif kind is _Field.TEXT and value:
            text.append(line._replace(text=value))
        else:
            taken.append(line.text)
    head.sort(key=lambda line: _HEAD_FIELDS.index(line.field))
    lines[: len(run)] = head + text
    return taken


def _field_run(lines: list[_Line]) -> list[tuple[_Line, _Field | None, str]]:
    """The fields opening `lines`, each line with its kind and value (see `_FIELD_LINE`):
    several in one block, up to a subheading's or through the text's, the first and most
    of them named in `_FIELD_TAGS`; or one that can only be a field, the newsroom's, a
    mail's subject or the text's ("Text:" over the text, "Text: Der Rat …"; not a byline,
    "Text: Anna Muster"). None else."""
    run: list[tuple[_Line, _Field | None, str]] = []
    for line in lines:
        if line.block != lines[0].block or line.field:
            break
        if not (match := _FIELD_LINE.match(line.text)):
            break
        kind = _field_kind(match["key"])
        if kind is _Field.HEADING:
            break
        run.append((line, kind, match["value"] or ""))
        if kind is _Field.TEXT:
            break
    known = sum(kind is not None for _, kind, _ in run)
    if not run or run[0][1] is None or 2 * known <= len(run):
        return []
    if len(run) == 1:
        kind = run[0][1]
        text = kind is _Field.TEXT and not _BYLINE.match(run[0][0].text)
        return run if text or kind in (_Field.NEWSROOM, _Field.SUBJECT) else []
    return run


def _take_forwarded_note(lines: list[_Line]) -> list[str]:
    """Take a forwarded message's marker off the top of `lines` (see `_FORWARD_MARKER`),
    with the forwarder's note above it, at most FORWARD_NOTE_MAX_LINES lines, and return
    their lines, or none."""
    marker = next(
        (
            index
            for index, line in enumerate(lines[: FORWARD_NOTE_MAX_LINES + 1])
            if _FORWARD_MARKER.fullmatch(line.text)
        ),
        None,
    )
    if marker is None or marker + 1 >= len(lines):
        return []
    taken = [line.text for line in lines[: marker + 1]]
    del lines[: marker + 1]
    return taken


def _front_matter(lines: list[_Line], head: _Head) -> list[str]:
    """The lines opening `lines` that as a whole are no part of the article, or none: a
    newsletter's masthead or table of contents, a correction notice, a message to the
    newsroom and, above the title, a letterhead."""
    return (
        _masthead(lines)
        or _contents(lines)
        or _correction_notice(lines)
        or _newsroom_message(lines)
        or ([] if head.title else _letterhead(lines))
    )


def _place_and_date_line(line: str) -> "Dateline | None":
    """A press release's place and date with its year, alone on a line ("Bamberg,
    07.12.2026")."""
    dateline = read_dateline(line)
    return dateline if dateline and not dateline.rest and not dateline.agencies else None


def _letterhead(lines: list[_Line]) -> list[str]:
    """A press office's letterhead opening `lines`, its lines, or none: a block of a few
    short lines, none a sentence, one of them an address, a telephone number, an e-mail
    or a web address (see `_ADDRESS_LINE`) or an imprint's line of such parts (see
    `_is_imprint`), or, without an address, the sender's name over its press office's
    ("Stadt Lindenau" over "Pressestelle")."""
    block = [line.text for line in lines if line.block == lines[0].block]
    if not (
        2 <= len(block) <= LETTERHEAD_MAX_LINES
        and len(block) < len(lines)  # more than a letterhead: a whole text is none
        and not any(line.endswith(_LINE_ENDS_SENTENCE) for line in block)
        and (
            any(_ADDRESS_LINE.match(line) or _is_imprint(line) for line in block)
            or all(_PRESS_OFFICE.match(line) for line in block[1:])
        )
    ):
        return []
    return block


def _correction_notice(lines: list[_Line]) -> list[str]:
    """A correction notice opening `lines` under its label (see `_CORRECTION_LABEL`), its
    lines, or none: the rest of the label's block, or, the label standing alone, the
    next block if it ends a sentence."""
    if not _CORRECTION_LABEL.fullmatch(lines[0].text):
        return []
    notice = [line for line in lines if line.block == lines[0].block]
    following = [line for line in lines[1:] if line.block == lines[1].block]
    if len(notice) == 1 and following[-1].text.endswith((".", ":")):
        notice += following
    return [line.text for line in notice] if len(notice) < len(lines) else []


def _newsroom_message(lines: list[_Line]) -> list[str]:
    """A message to the newsroom opening `lines` (see `_GREETING`), its lines, or none:
    to its sign-off and the rest of the sign-off's block, or to a rule line, within
    MESSAGE_MAX_LINES lines, and more text after it."""
    if not _GREETING.fullmatch(lines[0].text):
        return []
    for index, line in enumerate(lines[1:MESSAGE_MAX_LINES], start=1):
        if _RULE_LINE.fullmatch(line.text):
            end = index
        elif _SIGN_OFF.fullmatch(line.text):
            end = index + sum(following.block == line.block for following in lines[index:])
        else:
            continue
        return [line.text for line in lines[:end]] if end < len(lines) else []
    return []


def _masthead(lines: list[_Line]) -> list[str]:
    """A newsletter's masthead opening `lines`, a block of a few short lines (its name,
    sender, issue and date), each one sentence at most, framed by rule lines ("*****"
    above and below): its lines with the rules, or none."""
    if len(lines) < 4 or not _RULE_LINE.fullmatch(lines[0].text):
        return []
    block = [line.text for line in lines[1:] if line.block == lines[1].block]
    closing = len(block) + 1
    if not (
        2 <= len(block) <= LETTERHEAD_MAX_LINES
        and closing + 1 < len(lines)  # text follows
        and _RULE_LINE.fullmatch(lines[closing].text)
        and all(len(line) <= HEADING_MAX_CHARS and first_sentence(line) == line for line in block)
    ):
        return []
    return [line.text for line in lines[: closing + 1]]


def _contents(lines: list[_Line]) -> list[str]:
    """A table of contents opening `lines`, its label and list items (see
    `_CONTENTS_LABEL`), or none."""
    if not _CONTENTS_LABEL.fullmatch(lines[0].text):
        return []
    items = list(itertools.takewhile(lambda line: _LIST_ITEM.match(line.text), lines[1:]))
    return [line.text for line in lines[: len(items) + 1]] if items else []


def _issue_date(line: str) -> datetime.date | None:
    """The date on a masthead's line, alone or with the issue (see `_document_date`)."""
    return _document_date(line) or _date_line(line)


def _document_date(line: str) -> datetime.date | None:
    """The day on a line naming the kind of document (see `_DATED_DOCUMENT_KIND`)."""
    match = _DATED_DOCUMENT_KIND.match(line)
    return _date_line(match["date"]) if match else None


def _service_agency(line: str) -> str:
    """The agency a line on top names as the wire service sending the item ("epd
    Niedersachsen-Bremen"), or ""."""
    match = _SERVICE_LINE.match(line)
    return match["agency"] if match and match["agency"].casefold() in WIRE_AGENCIES else ""


def _is_newsroom_line(line: str) -> bool:
    """A line on top for the newsroom, not for readers: the kind of document, a
    transcript's field, a note to editors, one signed with an editor's initials, a
    correction notice, the version's note, a wire's subject slug or transmission codes,
    or the name of the press office or of the company sending the item. (A CMS export's
    fields: see `_take_fields`.)"""
    return (
        _is_transmission_codes(line)
        or _VERSION_NOTE.fullmatch(line) is not None
        or _COMPANY_LINE.fullmatch(line) is not None
        or any(
            pattern.match(line)
            for pattern in (
                _DOCUMENT_KIND,
                _BROADCAST_FIELD,
                _EDITORS_NOTE,
                _SIGNED_NOTE,
                _CORRECTION_NOTE,
                _SLUG_LINE,
                _PRESS_OFFICE,
            )
        )
    )


def _over_document_kind(lines: list[_Line]) -> bool:
    """The first of `lines` is a short line naming the sender right above the kind of
    document ("Landkreis Lindenau" over "PRESSEMITTEILUNG")."""
    kind = lines[1].text
    return is_heading(lines[0].text) and bool(_DOCUMENT_KIND.match(kind) or _document_date(kind))


def _coded_date(line: str) -> datetime.date | None:
    """The date on a line numbering the item (see `_DATE_IN_LINE`): its other words are
    labels of at most CODE_LABEL_MAX_CHARS letters ("Nr.", "ID", "Uhr")."""
    if not (match := _DATE_IN_LINE.search(line)):
        return None
    rest = f"{line[: match.start()]} {line[match.end() :]}"
    if any(len(word) > CODE_LABEL_MAX_CHARS for word in re.findall(r"[^\W\d_]+", rest)):
        return None
    return _match_date(match)


def _is_transmission_codes(line: str) -> bool:
    """A wire's transmission codes (see `_TRANSMISSION_CODES`); in capitals only with a
    wire agency among them (see `_UPPER_TRANSMISSION_CODES`)."""
    if _TRANSMISSION_CODES.match(line):
        return True
    return bool(_UPPER_TRANSMISSION_CODES.match(line)) and any(
        word.casefold() in WIRE_AGENCIES for word in re.findall(r"[A-Z]+", line)
    )


def _title_text(line: str) -> str:
    """A title line without the labels a wire or CMS puts on it ("EIL: ", "Titel: ",
    "(Zusammenfassung)"); the line itself if it is nothing but a label."""
    text = _TITLE_MARKS.sub("", _TITLE_PREFIX.sub("", line, count=1)).strip()
    return text or line


def _byline_match(line: str, *, after_title: bool) -> re.Match[str] | None:
    """A byline; one with a label ("Interview: …") only after the title, which may
    itself be "Interview: Name"."""
    match = _BYLINE.match(line)
    return match if match and (after_title or not match["label"]) else None


def _byline_agency(byline: re.Match[str]) -> str:
    """The agency a byline names after a comma, or in parentheses if it is a wire
    agency ("Von Anna Beispiel (KNA)", not a party: "Von Olaf Muster (SPD)")."""
    if byline["agency"]:
        return byline["agency"]
    credited = byline["credited"] or ""
    return credited if credited.casefold() in WIRE_AGENCIES else ""


def _over_its_byline(lines: list[_Line]) -> bool:
    """The first line and a byline under it make a block of their own ("Kirche im
    Wandel" over "Von Anna Beispiel (KNA)"): the title is set apart as if alone."""
    block = [line for line in lines if line.block == lines[0].block]
    return len(block) == 2 and _byline_match(block[1].text, after_title=True) is not None


def _is_title(line: _Line) -> bool:
    """A heading-shaped first line, or one set apart by a blank line that reads like a
    headline: short, one sentence, not ending like running text (quotes and ? ! may)."""
    if read_dateline(line.text) or line.field:
        return line.field is _Field.TITLE
    if is_heading(line.text):
        return True
    return (
        line.alone
        and len(line.text) <= TITLE_MAX_CHARS
        and not line.text.endswith(tuple(".:;,–-"))
        and first_sentence(line.text) == line.text
    )


def _is_subtitle(line: _Line) -> bool:
    """A second headline set apart, starting like one (see `_is_title`, `is_heading`) and
    telling something, SUBTITLE_MIN_WORDS words at least (a name under the title, "Olaf
    Muster (SPD)", is none): right under the title, its subtitle."""
    return (
        line.alone
        and line.text[0].isupper()
        and len(line.text.split()) >= SUBTITLE_MIN_WORDS
        and _is_title(line)
    )


def _is_standalone_heading(text: str) -> bool:
    """A short line that blank lines set apart, ending in "?" or ":" ("Wie geht es
    weiter?", "Was die Anleger beunruhigt:"), also one over a list ("Neu sind:"); a
    longer one ending in ":" is a sentence leading into what follows.

    Not an interview turn ("Frage: …?").
    """
    if not text.endswith(("?", ":")) or not is_heading(text[:-1]) or ":" in text[:-1]:
        return False
    if text.endswith(":") and len(text.split()) > COLON_HEADING_MAX_WORDS:
        return False
    return first_sentence(text) == text


def _date_line(line: str) -> datetime.date | None:
    """The date of a line that is only a date (see `_DATE_LINE`) or a wire's
    transmission time (`_TRANSMISSION_TIME`)."""
    if match := _DATE_LINE.match(line):
        return _match_date(match)
    return _transmission_time(line)


def _transmission_time(line: str) -> datetime.date | None:
    """The date of a wire's transmission time (see `_TRANSMISSION_TIME`)."""
    match = _TRANSMISSION_TIME.match(line)
    if not match or (match["agency"] and match["agency"].casefold() not in WIRE_AGENCIES):
        return None
    return calendar_date(_full_year(match["year"]), None, match["month_name"], match["day"])


def _take_date_prefix(text: str) -> tuple[datetime.date | None, DatePrecision, str]:
    match = _DATE_PREFIX.match(text)
    if not match:
        return None, DatePrecision.UNKNOWN, text
    year, month, day = int(match[1]), int(match[2]), match[3]
    try:
        published_on = datetime.date(year, month, int(day) if day else 1)
    except ValueError:
        # Not a real date: leave the text as it is rather than guess.
        return None, DatePrecision.UNKNOWN, text
    precision = DatePrecision.DAY if day else DatePrecision.MONTH
    return published_on, precision, text[match.end() :]


def is_heading(line: str) -> bool:
    """A subheading: a short line without final punctuation that starts like a title
    (a quoted name may close it: "TOP 3: Antrag „Landarztpraxen sichern“"), not a fact
    box's line (see `_FACT_LINE`)."""
    line = line.strip()
    return (
        0 < len(line) <= HEADING_MAX_CHARS
        and (line[0].isupper() or line[0].isdigit())
        and not _QUOTED_NAME_END.sub("", line).endswith(_FINAL_PUNCTUATION)
        and len(line.split()) <= HEADING_MAX_WORDS
        and not _FACT_LINE.match(line)
    )


def split_glued_headings(paragraph: str) -> list[tuple[BlockKind, str]]:
    """Split "… würden. Putin: Flugzeug getroffen Die …" into paragraph, heading, paragraph.

    Only the shape "Name: words" ending in a lower-case word and followed by a
    sentence-opening article is split: that is rare inside running text, so the split
    is reliable; other lost line breaks are left alone.
    """
    if ": " not in paragraph:  # the heading's shape needs one; most paragraphs have none
        return [(BlockKind.PARAGRAPH, text)] if (text := paragraph.strip()) else []
    parts: list[tuple[BlockKind, str]] = []
    rest = paragraph
    while match := _GLUED_HEADING.search(rest):
        parts.append((BlockKind.PARAGRAPH, rest[: match.start()].strip()))
        parts.append((BlockKind.HEADING, match["heading"]))
        rest = rest[match.end() :]
    parts.append((BlockKind.PARAGRAPH, rest.strip()))
    return [(kind, text) for kind, text in parts if text]


def _join_blocks(texts: list[tuple[BlockKind, str]]) -> tuple[str, list[Block]]:
    blocks: list[Block] = []
    position = 0
    for kind, text in texts:
        blocks.append(Block(kind, position, position + len(text)))
        position += len(text) + 2
    return "\n\n".join(text for _, text in texts), blocks


def derive_title(texts: list[tuple[BlockKind, str]]) -> str:
    """First sentence of the first paragraph, shortened at a word boundary."""
    paragraph = next((text for kind, text in texts if kind is BlockKind.PARAGRAPH), "")
    if not paragraph:
        paragraph = texts[0][1] if texts else ""
    sentence = first_sentence(paragraph).rstrip(".")
    return shorten(sentence, TITLE_MAX_CHARS)


def first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text, maxsplit=1)[0].strip()


def shorten(text: str, limit: int) -> str:
    """`text` cut at the last word boundary before `limit`, marked with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(",;:–- ") + "…"


def _split_names(names: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|\bund\b|&)\s*", names)
    return _unique(part.strip().rstrip(".") for part in parts if part.strip())


def _unique(names: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return list(seen.values())
