"""Legal forms of companies and associations, German and foreign (no Django imports).

A legal form closes a company's or an association's name: "Stadtwerke Lindenau GmbH",
"Bürgerverein Lindenau e. V.", "Lahn-Bote GmbH & Co. KG", "Novák Strojírny s.r.o.".
`LEGAL_FORM` is a regex fragment for the form alone, each form written once with its
spellings; each use sets it in its own context: the text import's line naming the
sending company (`newstext.parsing`), a site's name without its owner's legal form
(`newstext.formats.html`), the entity finder's company names (`newstext.entities.patterns`).
"""

# German forms: a partnership whose partner is a company ("GmbH & Co. KG", "AG & Co.
# KGaA"), a non-profit's "g" ("gGmbH"), the mini-GmbH with its required addition ("UG
# (haftungsbeschränkt)"), "Gesellschaft mbH", a registered association ("e. V.", "e.V.";
# "e V" as trafilatura leaves it in an author; not "eV", the electron volt), a registered
# merchant ("e. K."), a public body's "AöR".
_GERMAN = (
    r"(?:GmbH|AG|SE|UG|Ltd\.?)\s*&\s*Co\.?\s*(?:KGaA|KG|OHG)"
    r"|g?GmbH|mbH|g?UG(?:\s*\(haftungsbeschränkt\))?|g?AG|KGaA|KG|OHG|GbR|PartG(?:\s?mbB)?"
    r"|SE|eG|e(?:\.\s?|\s)V\.?|e\.\s?K\.|VVaG|AöR"
)
# Foreign forms, as German news write them: "Apple Inc.", "Shell plc", "Nestlé S.A.",
# "Škoda Auto a.s.", "Maersk A/S".
_FOREIGN = (
    r"Ltd\.?|Inc\.?|LLC|LLP|Corp\.?|plc|PLC|S\.A\.|N\.V\.|B\.V\.|S\.p\.A\.|S\.r\.l\.|S\.L\."
    r"|s\.r\.o\.|a\.\s?s\.|Sp\.\s?z\s?o\.\s?o\.|A/S|Oyj?"
)
# The longer of two forms that open alike comes first ("GmbH & Co. KG" before "GmbH"), so
# that a use without an anchor after the form takes it whole.
LEGAL_FORM = rf"(?:{_GERMAN}|{_FOREIGN})"
