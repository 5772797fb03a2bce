"""Every fixed word slt_docs writes, by the key templates use (``label.innhold``).

The English text is the gettext msgid; the bokmål and nynorsk words live in
``templates/lang/nb.po`` and ``nn.po``. ``pybabel extract`` finds the
``N_()`` marks here to make ``templates/lang/slt_docs.pot`` (see
CONTRIBUTING.md), so a translator for a new language copies that file.
"""

from __future__ import annotations


def N_(msgid: str) -> str:
    """Mark ``msgid`` for extraction without translating it here."""
    return msgid


LABELS: dict[str, str] = {
    # cover and front matter
    "slt_navn": N_("SLT – Coordination of local drug and crime prevention measures"),
    "innhold": N_("Contents"),
    "side": N_("Page"),
    "toc_oppdater": N_("The table of contents is filled in when the document is opened in Word "
                       "(or press F9)."),
    # handlingsplan sections
    "handlingsplan": N_("Action plan"),
    "bakgrunn": N_("Background"),
    "visjon": N_("Vision"),
    "maal": N_("Goals"),
    "maal_for_perioden": N_("Goals for the period"),
    "maalgruppe": N_("Target group"),
    "hovedmaal": N_("Main goal"),
    "organisering": N_("Organisation"),
    "koordinator": N_("The SLT coordinator"),
    "oppgaver": N_("Tasks"),
    "moetefrekvens": N_("Meeting frequency"),
    "informasjonsutveksling": N_("Exchange of information"),
    "oppfolging": N_("Follow-up and evaluation"),
    "arbeidsgrupper": N_("Working groups"),
    "fokusgrupper": N_("Focus groups"),
    "tilbakeblikk_arbeidsgrupper": N_("Working groups"),
    # levels
    "styrende": N_("Steering level"),
    "koordinerende": N_("Coordinating level"),
    "utforende": N_("Executive level"),
    "nivaa": N_("Level"),
    "forutsetning": N_("Prerequisite"),
    "moteverksemd": N_("Meetings held"),
    "deltakere": N_("Participants"),
    "medlemmer": N_("Members"),
    "mandat": N_("Mandate"),
    "beslutningsmyndighet": N_("Decision authority"),
    "budsjett": N_("Budget"),
    "strategimaal": N_("Strategy goals"),
    "grupper": N_("Groups"),
    "leder": N_("Chair"),
    "opploses": N_("Dissolved"),
    # tiltak table
    "delmaal": N_("Sub-goal"),
    "tiltak": N_("Measure"),
    "ansvar": N_("Responsible"),
    "tidspunkt": N_("When"),
    "status": N_("Status"),
    "hele_aaret": N_("All year"),
    "tiltak_status_ikke_startet": N_("Not started"),
    "tiltak_status_i_gang": N_("Under way"),
    "tiltak_status_gjennomfort": N_("Completed"),
    "tiltak_status_utsatt": N_("Postponed"),
    "tiltak_status_avsluttet": N_("Ended"),
    # tilbakeblikk
    "tilbakeblikk": N_("Looking back"),
    "seminar": N_("Seminar"),
    "kostnader": N_("Costs"),
    "finansiering": N_("Funding"),
    "soknader": N_("Grant applications"),
    "soker": N_("Applicant"),
    "giver": N_("Grant giver"),
    "formaal": N_("Purpose"),
    "belop_sokt": N_("Applied for"),
    "belop_innvilget": N_("Granted"),
    "utfall": N_("Outcome"),
    "utfall_innvilget": N_("Granted"),
    "utfall_delvis": N_("Partly granted"),
    "utfall_avslag": N_("Refused"),
    "utfall_venter": N_("Awaiting answer"),
    # møteplan
    "moteplan": N_("Meeting plan"),
    "aarshjul": N_("Year wheel"),
    "vaar": N_("Spring"),
    "haust": N_("Autumn"),
    "dato": N_("Date"),
    "tid": N_("Time"),
    "sted": N_("Place"),
    "tema": N_("Theme"),
    "organ": N_("Group"),
    "merknad": N_("Note"),
    "alle_moter": N_("All meetings by date"),
    "status_flyttet": N_("moved"),
    "status_utsatt": N_("postponed"),
    "status_avlyst": N_("cancelled"),
    "gruppe_foreslaatt": N_("(proposed)"),
    "forslag": N_("(proposed date)"),
    # the web page
    "hopp_til_innhold": N_("Skip to the content"),
    "paa_siden": N_("On this page"),
    "moteforum": N_("Meeting forums"),
    "fast_tid": N_("Regular time"),
    "storrelse": N_("Size"),
    "neste_moter": N_("Next meetings"),
    "dokumenter": N_("Documents"),
    "nedlasting": N_("Documents and calendar to download"),
    "kontakt": N_("Contact"),
    "epost": N_("E-mail"),
    "telefon": N_("Phone"),
    "rolle_koordinator": N_("SLT coordinator"),
    "rolle_politikontakt": N_("Police contact"),
    "kl": N_("at (time)"),
    "kr": N_("NOK (before an amount)"),
}
"""Label key → English msgid. Every key is also a key a kommune may use in
its ``etiketter`` to print its own words instead."""

LABEL_KEYS: frozenset[str] = frozenset({*LABELS, "vedtatt"})
"""Every key a kommune's ``etiketter`` may hold: the labels, and ``vedtatt``
(«Vedtatt», «Vedteken»/«Vedteke» by the document, see ``DOCUMENT_NOUNS``)."""

BODY_LABELS: frozenset[str] = frozenset({
    "forutsetning", "moteverksemd", "deltakere", "mandat", "beslutningsmyndighet",
    "strategimaal", "opploses"})
"""The labels a body's block prints (level, group, working group): the keys a
body's own ``etiketter`` may hold."""


def NP_(context: str, msgid: str) -> str:
    """Mark ``msgid`` in ``context`` for extraction without translating it."""
    return msgid


CONTEXT_WORDS: tuple[str, ...] = (
    # Weekday and month names come from CLDR; a catalog overrides them here
    # when the language's usage differs (nynorsk «sundag», «tys.»).
    NP_("weekday", "monday"), NP_("weekday", "tuesday"), NP_("weekday", "wednesday"),
    NP_("weekday", "thursday"), NP_("weekday", "friday"), NP_("weekday", "saturday"),
    NP_("weekday", "sunday"),
    NP_("weekday-abbr", "monday"), NP_("weekday-abbr", "tuesday"),
    NP_("weekday-abbr", "wednesday"), NP_("weekday-abbr", "thursday"),
    NP_("weekday-abbr", "friday"), NP_("weekday-abbr", "saturday"),
    NP_("weekday-abbr", "sunday"),
    NP_("month", "january"), NP_("month", "february"), NP_("month", "march"),
    NP_("month", "april"), NP_("month", "may"), NP_("month", "june"), NP_("month", "july"),
    NP_("month", "august"), NP_("month", "september"), NP_("month", "october"),
    NP_("month", "november"), NP_("month", "december"),
    NP_("month-abbr", "january"), NP_("month-abbr", "february"), NP_("month-abbr", "march"),
    NP_("month-abbr", "april"), NP_("month-abbr", "may"), NP_("month-abbr", "june"),
    NP_("month-abbr", "july"), NP_("month-abbr", "august"), NP_("month-abbr", "september"),
    NP_("month-abbr", "october"), NP_("month-abbr", "november"),
    NP_("month-abbr", "december"),
    # Numbers written as words in running text (Språkrådet: up to twelve).
    NP_("number", "1"), NP_("number", "2"), NP_("number", "3"), NP_("number", "4"),
    NP_("number", "5"), NP_("number", "6"), NP_("number", "7"), NP_("number", "8"),
    NP_("number", "9"), NP_("number", "10"), NP_("number", "11"), NP_("number", "12"),
    NP_("number-neuter", "1"),
    NP_("ordinal", "1"), NP_("ordinal", "2"), NP_("ordinal", "3"), NP_("ordinal", "4"),
    NP_("ordinal", "5"), NP_("ordinal", "6"), NP_("ordinal", "7"), NP_("ordinal", "8"),
    NP_("ordinal", "9"), NP_("ordinal", "10"), NP_("ordinal", "-1"),
    # The kommune's name on covers and in headers: «Aukra kommune».
    N_("{name} municipality"),
    # "Adopted" agrees with the document it is said of (nynorsk: «Vedteken»
    # of a handlingsplan or møteplan, «Vedteke» of a mandat).
    NP_("adopted", "action plan"), NP_("adopted", "meeting plan"),
    NP_("adopted", "mandate"), NP_("adopted", "measures table"),
    # An unnamed level in running text: «Det utførande nivået har …».
    NP_("definite", "steering level"), NP_("definite", "coordinating level"),
    NP_("definite", "executive level"),
    # How a body's name takes the definite form in running text: the
    # translation is "indefinite ending=definite ending" for the first word
    # of the name («Koordineringsgruppe» → «Koordineringsgruppa»); empty when
    # the language has no such rule.
    NP_("definite-ending", "group"), NP_("definite-ending", "council"),
    NP_("definite-ending", "team"), NP_("definite-ending", "forum"),
    NP_("definite-ending", "level"), NP_("definite-ending", "committee"),
    NP_("definite-ending", "network"), NP_("definite-ending", "board"),
    NP_("definite-ending", "seminar"), NP_("definite-ending", "meeting"),
)
"""Words looked up by context; an empty translation falls back to CLDR."""

CLDR_FALLBACK_CONTEXTS = frozenset({"weekday", "weekday-abbr", "month", "month-abbr"})
"""Contexts a catalog may leave untranslated (Babel's CLDR data is used). The
shipped nb and nn catalogs translate them all: Språkrådet's abbreviations
(«ma.», «ty.», «sep.») differ from CLDR's («man.», «tys.», «sept.»)."""

DEFINITE_ENDINGS: tuple[str, ...] = (
    "group", "council", "team", "forum", "level", "committee", "network", "board",
    "seminar", "meeting")
"""The msgids of context ``definite-ending``, in the order they are tried."""

DOCUMENT_NOUNS: dict[str, str] = {
    "handlingsplan": "action plan", "moteplan": "meeting plan", "mandat": "mandate",
    "tiltak": "measures table"}
"""Document kind → the msgid of context ``adopted`` («Vedteken»/«Vedteke»)."""
