"""What each part and field of the data means, in Norwegian, for the people
who write the data: the JSON Schema's descriptions (shown by the editor) and
the field reference ``docs/data.md`` come from here.

The model classes keep their English docstrings for programmers; this is the
coordinator's text. ``CLASS_DOCS`` is keyed by class name, ``FIELD_DOCS`` by
``Class.field`` (a field inherited from ``Organ`` is described once, on
``Organ``). A test checks that every class and field of the model has its
text here, so a new field cannot be left undocumented.
"""

from __future__ import annotations

CLASS_DOCS: dict[str, str] = {
    "SltData": "Alle dataene til én kommune. Toppnøklene kan stå i én fil eller fordelt på "
    "flere filer i kommunemappa (én del per fil; «status» kan stå i flere filer, ett år i "
    "hver).",
    "Statusrapport": "Status for tiltakene i handlingsplanen ett år, i en egen fil (f.eks. "
    "status-2022.yaml) så den vedtatte planen står urørt.",
    "Statuspunkt": "Status for ett tiltak i året, med kommentar, dato og hva som ble oppnådd.",
    "TilbakeblikkStatus": "Hvordan det gikk med tiltakene i året det ses tilbake på: én "
    "status og tiltakene som endte der.",
    "Kommune": "Kommunen: navn, skriftspråk, logo, kontakter og profildokument.",
    "Kontakt": "En kontakt, oppgitt med rolle. Skriv aldri en privatperson sitt telefonnummer "
    "eller e-post i eksempler; bruk rolleadresser.",
    "Organisasjon": "Hele SLT-organiseringen: de tre nivåene, arbeidsgrupper, møteforum og "
    "koordinatoren. Skrives én gang og brukes av alle dokumentene.",
    "Blokk": "Én bit av kommunens egen tekst. Som ren tekst er den et avsnitt; ellers nøyaktig "
    "én av «punkter», «kilde» eller «lenke».",
    "Punkt": "Ett kulepunkt: tekst, eventuelt med uthevet tittel først. Kan skrives som ren "
    "tekst.",
    "Lenke": "En lenke med synlig tekst.",
    "Organ": "Noe som holder møter: et nivå, en gruppe, en arbeidsgruppe eller et møteforum.",
    "Nivaa": "Ett av de tre SLT-nivåene (styrende, koordinerende, utførende) med organet som "
    "hører til.",
    "Medlem": "En deltaker, oppgitt med rolle (og eventuelt enhet). Kan skrives som ren tekst: "
    "rollen.",
    "Mandat": "Et mandat: avsnitt og mandatpunkter. En liste blir punktene, en tekst blir ett "
    "avsnitt.",
    "Moteverksemd": "Hvor ofte et organ møtes og hvor lenge, som data, så setningen kan skrives "
    "på bokmål eller nynorsk: «fire møter i året à to timer» er {antall: 4, per: år, timer: 2}.",
    "Strategimaal": "Strategimålene til et organ.",
    "Strategipunkt": "Ett strategimål: kort tittel og tekst.",
    "Gruppe": "En fast gruppe under et nivå (f.eks. et innsatsteam).",
    "Moteplass": "En møteplass på et nivå: en egen gruppe («organ») eller en beskrevet arena "
    "(«tekst»). Kan skrives som ren tekst.",
    "Arbeidsgruppe": "En arbeidsgruppe, fokusgruppe eller ansvarsgruppe satt ned for en oppgave.",
    "Moteforum": "Et fast forum som ikke er et nivå, f.eks. SLT-frokostmøter.",
    "Moteregel": "En gjentakelsesregel: «første onsdag i måneden» er {frekvens: månedlig, "
    "ukedag: onsdag, nr: 1}; «siste fredag» har nr: -1; «annenhver tirsdag» er {frekvens: "
    "ukentlig, intervall: 2, ukedag: tirsdag}.",
    "Koordinator": "SLT-koordinatorens rolle: tittel, avsnitt om rollen og oppgavene.",
    "Handlingsplan": "Handlingsplanen for en periode på ett eller flere år.",
    "Vedtak": "Hvor og når noe ble vedtatt.",
    "Seksjon": "En seksjon med overskrift og kommunens egen tekst, eventuelt om en annen plan "
    "den bygger på.",
    "Planreferanse": "En henvisning til en annen plan eller strategi.",
    "Tilbakeblikk": "Tilbakeblikket på året før: møter, seminar, arbeidsgrupper og søknader.",
    "TilbakeblikkMoete": "Et møte i tilbakeblikket: hvilket organ, når og hvilke tema.",
    "Seminar": "Et seminar som ble holdt.",
    "Kostnad": "En kostnadslinje: hva, og beløpet i kroner.",
    "Soknad": "En søknad om tilskudd.",
    "Delmaal": "Et delmål med tiltakene sine.",
    "Tiltak": "Ett tiltak: tittel, punkter, hvem som har ansvaret og når. Nummeret (1.1, 1.2 "
    "…) følger av plassen.",
    "Tidspunkt": "En del av et tiltaks «når»: fri tekst, alle møtene til et organ, én dato, eller "
    "hele året. Kan skrives som ren tekst.",
    "Tiltakstabell": "Hvordan tiltakstabellen i planen ser ut: overskrift, kolonner og tekst "
    "etter tabellen.",
    "Moteplan": "Møteplanen for ett år: enkeltmøter og faste møteserier. Høsthalvåret går inn "
    "i januar året etter.",
    "Moete": "Ett møte (eller arrangement) for et organ på en dato.",
    "Moteserie": "En fast møteserie for ett organ, skrevet som en regel, med unntak.",
    "Flytting": "Ett møte i en serie flyttet til en annen dato.",
    "Ferie": "En skoleferie i kommunen (fra og med, til og med).",
    "Dokumenter": "Mandatdokumenter og egne tiltakstabeller kommunen lager i tillegg til planen "
    "og møteplanen.",
    "MandatDokument": "Et mandatdokument for ett nivå, én gruppe eller én arbeidsgruppe.",
    "TiltakDokument": "En tiltakstabell som eget dokument (f.eks. til en politisk sak).",
    "Nettside": "Det nettsiden har som dokumentene ikke har: tittel, innledning, egne "
    "seksjoner og overskrifter (etiketter), og lenker til kommunens egne dokumenter. Resten "
    "av siden lages fra organisasjonen, møteplanen og kontaktene.",
    "NettsideSeksjon": "En seksjon med kommunens egen tekst på nettsiden, og hvor den står.",
    "Dokumentgruppe": "En gruppe av kommunens egne dokumenter som nettsiden lenker til, under "
    "en overskrift.",
    "Halvaar": "Ett rutenett i møteplanen slik kommunen setter det opp.",
    "Maaned": "En måned i et rutenett: 8, august, eller med år: januar 2022, 2022-01.",
    "Moteplanrad": "Én rad (ett organ) i et rutenett. Kan skrives som ren tekst: organet.",
    "Periode": "En periode i hele år: 2022, 2022-2025 eller {fra: 2022, til: 2025}.",
    "Tidsrom": "Et tidsrom på én dag: \"08.30-09.30\" (også 08:30, 0830 og tankestrek), eller "
    "bare starttid \"18.00\".",
}
"""What each class of the model is, in Norwegian."""

FIELD_DOCS: dict[str, str] = {
    # SltData
    "SltData.kommune": "Kommunen (påkrevd).",
    "SltData.organisasjon": "SLT-organiseringen (påkrevd).",
    "SltData.handlingsplan": "Handlingsplanen, hvis kommunen lager en.",
    "SltData.moteplan": "Møteplanen for året, hvis kommunen lager en.",
    "SltData.dokumenter": "Mandatdokumenter og egne tiltakstabeller.",
    "SltData.nettside": "Det som bare står på kommunens SLT-nettside (valgfritt).",
    "SltData.kilde": "Mappa dataene ble lest fra (settes av programmet, skrives ikke i YAML).",
    "SltData.status": "Status for tiltakene, ett år per fil (status-2022.yaml, "
    "status-2023.yaml …).",
    # Statusrapport
    "Statusrapport.aar": "Året statusen gjelder (et år i planperioden).",
    "Statusrapport.tittel": "Egen tittel på statusrapporten (standard: «Statusrapport for "
    "SLT-handlingsplanen <år>»).",
    "Statusrapport.dato": "Datoen statusen ble tatt.",
    "Statusrapport.innledning": "Innledende tekst i statusrapporten.",
    "Statusrapport.tiltak": "Status for hvert tiltak.",
    "Statuspunkt.tiltak": "Tiltaket, med nummeret i planen («1.2») eller tiltakets id.",
    "Statuspunkt.status": "gjennomført, i gang, ikke startet / ikkje starta, utsatt / utsett "
    "eller avsluttet / avslutta.",
    "Statuspunkt.kommentar": "Kort kommentar.",
    "Statuspunkt.dato": "Når tiltaket ble gjennomført eller sist sett på.",
    "Statuspunkt.resultat": "Hva som ble oppnådd.",
    "TilbakeblikkStatus.status": "Statusen.",
    "TilbakeblikkStatus.tiltak": "Tiltakene med denne statusen («1.1 Ungdata 2021»).",
    # Kommune
    "Kommune.navn": "Kommunens navn, f.eks. «Aukra».",
    "Kommune.spraak": "Skriftspråket i dokumentene: nb (bokmål) eller nn (nynorsk).",
    "Kommune.fullt_navn": "Navnet slik det står på forsiden, når det ikke er «<navn> kommune».",
    "Kommune.logo": "Logofil (PNG/JPEG/SVG), relativt til kommunemappa.",
    "Kommune.logo_alt": "Alternativ tekst til logoen, for skjermlesere.",
    "Kommune.nettside": "Adressen til kommunens SLT-side på nettet.",
    "Kommune.kontakter": "Kontakter etter rolle (koordinator, politikontakt …).",
    "Kommune.profil": "Kommunens profildokument (.docx/.dotx), relativt til kommunemappa: "
    "stiler, skrift, farger, topp- og bunntekst.",
    # Kontakt
    "Kontakt.rolle": "Rollen: koordinator, politikontakt eller annen.",
    "Kontakt.tittel": "Tittelen som skrives, f.eks. «SLT-koordinator».",
    "Kontakt.navn": "Navn (valgfritt; roller varer lenger enn personer).",
    "Kontakt.telefon": "Telefonnummer til rollen (sentralbord eller tjenestetelefon).",
    "Kontakt.epost": "E-postadresse til rollen, f.eks. slt@kommune.no.",
    "Kontakt.merknad": "Kort merknad.",
    # Organisasjon
    "Organisasjon.innledning": "Innledende tekst om organiseringen.",
    "Organisasjon.nivaa": "De tre nivåene: styrende, koordinerende og utførende.",
    "Organisasjon.arbeidsgrupper": "Arbeidsgrupper, fokusgrupper og ansvarsgrupper.",
    "Organisasjon.om_arbeidsgrupper": "Tekst om arbeidsgruppene generelt.",
    "Organisasjon.moteforum": "Faste forum som ikke er et nivå (f.eks. frokostmøter).",
    "Organisasjon.koordinator": "SLT-koordinatorens rolle og oppgaver.",
    "Organisasjon.informasjonsutveksling": "Tekst om informasjonsutveksling og taushetsplikt.",
    # Blokk, Punkt, Lenke
    "Blokk.avsnitt": "Et avsnitt tekst.",
    "Blokk.punkter": "En punktliste.",
    "Blokk.kilde": "En kildehenvisning, f.eks. «(SLT-håndboka, 2011)».",
    "Blokk.lenke": "En lenke med tekst.",
    "Punkt.tekst": "Punktets tekst.",
    "Punkt.tittel": "Uthevet tittel foran teksten.",
    "Lenke.url": "Adressen (http, https eller mailto).",
    "Lenke.tekst": "Teksten som vises (standard: adressen).",
    # Organ (inherited by Nivaa, Gruppe, Arbeidsgruppe, Moteforum)
    "Organ.id": "Kort id andre data viser til (organ: koordineringsgruppa). Uten id lages den "
    "av navnet.",
    "Organ.navn": "Organets eget navn, f.eks. «Koordineringsgruppa».",
    "Organ.kortnavn": "Kort navn i tabeller, f.eks. «Koord.gr.».",
    "Organ.overskrift": "Egen overskrift over organet, skrevet ut nøyaktig slik (standard: "
    "nivået og navnet, f.eks. «Styrende nivå – Politirådet»).",
    "Organ.bestemt_form": "Navnet i bestemt form i setninger («Styringsgruppa»); standard: "
    "laget av navnet.",
    "Organ.etiketter": "Egne ord for ledetekstene i organets del, etter nøkkel "
    "(deltakere: Medlemmer, mandat: Mandat generelt …).",
    "Organ.deltakere": "Deltakere eller medlemmer, etter rolle.",
    "Organ.storrelse": "Vanlig antall deltakere, når det oppgis som et tall.",
    "Organ.mandat": "Mandatet.",
    "Organ.moteverksemd": "Hvor ofte organet møtes og hvor lenge.",
    "Organ.sted": "Vanlig møtested.",
    "Organ.leder": "Hvem som leder (rolle).",
    # Nivaa
    "Nivaa.type": "Hvilket nivå: styrende, koordinerende eller utførende.",
    "Nivaa.forutsetning": "Hva nivået forutsetter (forutsetning/føresetnad).",
    "Nivaa.beslutningsmyndighet": "Hva nivået kan bestemme.",
    "Nivaa.budsjettramme": "Beløpet i kroner nivået kan bestemme over i året, f.eks. 10 000.",
    "Nivaa.strategimaal": "Nivåets strategimål.",
    "Nivaa.grupper": "Faste grupper under nivået.",
    "Nivaa.moteplasser": "Møteplassene på nivået.",
    "Nivaa.beskrivelse": "Kommunens egen tekst om nivået, slik nettsiden viser den.",
    # Medlem
    "Medlem.rolle": "Rollen, f.eks. «Ordfører» eller «Rektor».",
    "Medlem.enhet": "Enheten rollen hører til, f.eks. «Politiet».",
    "Medlem.navn": "Navn (valgfritt, vanligvis utelatt).",
    "Medlem.merknad": "Kort merknad.",
    # Mandat
    "Mandat.tekst": "Avsnitt før mandatpunktene.",
    "Mandat.punkter": "Mandatpunktene.",
    "Mandat.etikett": "Egen overskrift i stedet for «Mandat», f.eks. «Mandat generelt».",
    # Moteverksemd
    "Moteverksemd.antall": "Antall møter per periode.",
    "Moteverksemd.per": "Perioden antallet gjelder: år, halvår, måned eller uke.",
    "Moteverksemd.minst": "«minst» så mange møter.",
    "Moteverksemd.omtrent": "«om lag» så mange møter.",
    "Moteverksemd.ved_behov": "Møtes også ved behov.",
    "Moteverksemd.timer": "Lengden på et møte i timer (1,5 går).",
    "Moteverksemd.siste_moete_timer": "Lengden på årets siste møte, når den er en annen.",
    "Moteverksemd.merknad": "Fri tekst som legges til på slutten.",
    "Moteverksemd.tekst": "Kommunens egen setning («Fire møter i året à to timer»), skrevet "
    "ut i stedet for setningen laget av tallene.",
    # Strategimaal, Strategipunkt
    "Strategimaal.tittel": "Overskrift over strategimålene.",
    "Strategimaal.utarbeidet": "Når eller av hvem de ble utarbeidet.",
    "Strategimaal.punkter": "Strategimålene.",
    "Strategipunkt.tittel": "Kort tittel.",
    "Strategipunkt.tekst": "Teksten.",
    # Gruppe, Moteplass
    "Gruppe.beskrivelse": "Tekst om gruppen.",
    "Moteplass.tekst": "Beskrivelse av møteplassen.",
    "Moteplass.organ": "Id-en til gruppen som er møteplassen.",
    "Moteplass.moteverksemd": "Hvor ofte møteplassen samles.",
    # Arbeidsgruppe
    "Arbeidsgruppe.type": "Hva slags gruppe: arbeidsgruppe, fokusgruppe, ansvarsgruppe, "
    "prosjektgruppe eller innsatsteam.",
    "Arbeidsgruppe.nivaa": "Nivået gruppen rapporterer til.",
    "Arbeidsgruppe.ansvar": "Hvem som eier oppgaven (tiltakseier).",
    "Arbeidsgruppe.aar": "Året gruppen er planlagt for.",
    "Arbeidsgruppe.status": "Foreslått, aktiv eller avsluttet.",
    "Arbeidsgruppe.merknad": "Kort merknad.",
    "Arbeidsgruppe.opploses": "Når gruppen oppløses, f.eks. «når oppgaven er gjennomført».",
    # Moteforum
    "Moteforum.beskrivelse": "Tekst om forumet.",
    "Moteforum.fast_tid": "Fast tid som regel, f.eks. siste fredag i måneden.",
    "Moteforum.tid": "Vanlig klokkeslett, f.eks. \"08.00-09.30\".",
    # Moteregel
    "Moteregel.frekvens": "Ukentlig eller månedlig.",
    "Moteregel.intervall": "Hver n-te uke eller måned (2 = annenhver).",
    "Moteregel.ukedag": "Ukedagen (bokmål eller nynorsk: tirsdag/tysdag …).",
    "Moteregel.nr": "Hvilken ukedag i måneden: 1 = første, 2 = andre, -1 = siste.",
    "Moteregel.dag": "Dag i måneden (1–31), i stedet for ukedag.",
    "Moteregel.maaneder": "Bare disse månedene (tall 1–12 eller navn: februar, mai …).",
    # Tidsrom, Periode
    "Tidsrom.start": "Starttid.",
    "Tidsrom.slutt": "Sluttid.",
    "Periode.fra": "Første år.",
    "Periode.til": "Siste år.",
    # Koordinator
    "Koordinator.tittel": "Tittelen, f.eks. «SLT-koordinator».",
    "Koordinator.rolle": "Avsnitt om koordinatorens rolle.",
    "Koordinator.oppgaver": "Koordinatorens oppgaver.",
    # Handlingsplan
    "Handlingsplan.tittel": "Planens tittel, f.eks. «Handlingsplan SLT».",
    "Handlingsplan.periode": "Perioden planen gjelder: 2022 eller 2022-2025.",
    "Handlingsplan.rullert": "For en plan over flere år: året denne rulleringen gjelder "
    "(slt-docs rull setter det).",
    "Handlingsplan.undertittel": "Undertittel på forsiden.",
    "Handlingsplan.vedtatt": "Når og hvor planen ble vedtatt.",
    "Handlingsplan.visjon": "Visjonen, i én setning.",
    "Handlingsplan.bakgrunn": "Bakgrunnen: seksjoner med overskrift og tekst.",
    "Handlingsplan.maal": "Det generelle målet for SLT-arbeidet.",
    "Handlingsplan.maal_for_perioden": "Målene for perioden.",
    "Handlingsplan.maalgruppe": "Målgruppen.",
    "Handlingsplan.tilbakeblikk": "Tilbakeblikk på året før.",
    "Handlingsplan.hovedmaal": "Hovedmålet i én linje, over tiltakstabellen.",
    "Handlingsplan.delmaal": "Delmålene med tiltakene sine.",
    "Handlingsplan.tiltak": "Tiltak direkte, for en plan uten delmål.",
    "Handlingsplan.tiltakstabell": "Hvordan tiltakstabellen ser ut.",
    "Handlingsplan.oppfolging": "Oppfølging og evaluering av planen.",
    "Handlingsplan.aarshjul": "Vis møteplanens årshjul i planen (true/false; standard true).",
    "Handlingsplan.etiketter": "Egne ord for planens faste overskrifter og ledetekster, etter "
    "nøkkel (maal, oppfolging, hovedmaal, kolonnene delmaal/tiltak/ansvar/tidspunkt …), "
    "skrevet ut nøyaktig slik.",
    "Handlingsplan.samlet_moetefrekvens": "true samler nivåenes møtefrekvens i én egen del "
    "i stedet for under hvert nivå.",
    # Vedtak, Seksjon, Planreferanse
    "Vedtak.dato": "Datoen for vedtaket.",
    "Vedtak.av": "Hvem som vedtok, f.eks. «Kommunestyret».",
    "Vedtak.sak": "Saksnummer, f.eks. «PS 12/22».",
    "Seksjon.tittel": "Overskriften.",
    "Seksjon.innhold": "Teksten: avsnitt, punktlister, kilder og lenker.",
    "Seksjon.plan": "Planen seksjonen handler om, hvis den handler om en annen plan.",
    "Planreferanse.eier": "Hvem som eier planen.",
    "Planreferanse.periode": "Planens periode.",
    "Planreferanse.lenke": "Adressen til planen.",
    # Tilbakeblikk
    "Tilbakeblikk.aar": "Året det ses tilbake på.",
    "Tilbakeblikk.overskrift": "Egen overskrift (standard: «Tilbakeblikk på <år>»).",
    "Tilbakeblikk.innledning": "Innledende tekst.",
    "Tilbakeblikk.moter": "Møtene som ble holdt, med tema.",
    "Tilbakeblikk.seminar": "Seminaret som ble holdt.",
    "Tilbakeblikk.seksjoner": "Andre seksjoner.",
    "Tilbakeblikk.arbeidsgrupper": "Arbeidsgruppene som var i gang.",
    "Tilbakeblikk.soknader": "Søknader om tilskudd.",
    "Tilbakeblikk.tiltaksstatus": "Hvordan det gikk med tiltakene i året (slt-docs rull "
    "henter det fra statusfila).",
    "TilbakeblikkMoete.organ": "Organet som møttes (id eller navn).",
    "TilbakeblikkMoete.tema": "Temaene på møtet.",
    "TilbakeblikkMoete.dato": "Datoen.",
    "TilbakeblikkMoete.merknad": "Kort merknad, f.eks. «arbeidsseminar».",
    "TilbakeblikkMoete.status": "planlagt (holdt), flyttet, utsatt eller avlyst.",
    "TilbakeblikkMoete.planlagt_dato": "Datoen et flyttet møte først var satt til.",
    "TilbakeblikkMoete.aarsak": "Hvorfor møtet ble flyttet, utsatt eller avlyst.",
    "TilbakeblikkMoete.tittel": "Egen tittel på møtet.",
    # Seminar, Kostnad, Soknad
    "Seminar.tittel": "Seminarets tittel.",
    "Seminar.dato": "Datoen.",
    "Seminar.deltakere": "Antall deltakere.",
    "Seminar.punkter": "Hva som skjedde.",
    "Seminar.kostnader": "Hva det kostet.",
    "Seminar.finansiering": "Hvem som betalte.",
    "Kostnad.tekst": "Hva kostnaden gjaldt.",
    "Kostnad.belop": "Beløpet i kroner.",
    "Soknad.soker": "Hvem som søkte.",
    "Soknad.giver": "Hvem det ble søkt hos.",
    "Soknad.formaal": "Hva det ble søkt om.",
    "Soknad.utfall": "Innvilget, delvis, avslag eller venter.",
    "Soknad.belop_sokt": "Beløpet det ble søkt om, i kroner.",
    "Soknad.belop_innvilget": "Beløpet som ble innvilget, i kroner.",
    "Soknad.svar": "Når svaret kom.",
    "Soknad.merknad": "Kort merknad.",
    # Delmaal, Tiltak, Tidspunkt, Tiltakstabell
    "Delmaal.tittel": "Delmålet.",
    "Delmaal.presisering": "Kort presisering, f.eks. «generelt» eller «forebyggende».",
    "Delmaal.nummer": "Vedtatt nummer («1», «A»), skrevet ut slik; standard: det neste etter "
    "delmålet før.",
    "Delmaal.tiltak": "Tiltakene under delmålet.",
    "Tiltak.tittel": "Tiltakets tittel.",
    "Tiltak.id": "Et fast navn på tiltaket som står selv om nummeret endrer seg (statusfila kan "
    "vise til det).",
    "Tiltak.punkter": "Punktene under tiltaket.",
    "Tiltak.ansvar": "Hvem som har ansvaret (minst én).",
    "Tiltak.tidspunkt": "Når: fri tekst, møtene til et organ, en dato eller hele året.",
    "Tiltak.status": "Status: planlagt, pågår, gjennomført, utsatt eller avsluttet.",
    "Tiltak.evaluering": "Evaluering av tiltaket.",
    "Tiltak.nummer": "Eget nummer i stedet for det utregnede (1.1, 1.2 …).",
    "Tidspunkt.etikett": "Ledetekst foran, f.eks. «Planlegging».",
    "Tidspunkt.tekst": "Fri tekst, f.eks. «Våren 2022».",
    "Tidspunkt.moter": "Id-en til et organ: datoene hentes fra møteplanen.",
    "Tidspunkt.dato": "Én dato.",
    "Tidspunkt.tid": "Klokkeslett på datoen.",
    "Tidspunkt.hele_aaret": "true gir «Hele året»/«Heile året».",
    "Tiltakstabell.tittel": "Overskriften (standard: «Mål og tiltak <periode>»).",
    "Tiltakstabell.kolonner": "Kolonnene: [tiltak, ansvar] eller [delmål, tiltak, ansvar, "
    "tidspunkt].",
    "Tiltakstabell.etterord": "Tekst etter tabellen.",
    # Moteplan
    "Moteplan.aar": "Året møteplanen gjelder.",
    "Moteplan.tittel": "Egen tittel (standard: «Møteplan <år>»).",
    "Moteplan.vedtatt": "Når og hvor møteplanen ble vedtatt.",
    "Moteplan.innledning": "Innledende tekst.",
    "Moteplan.organer": "Rekkefølgen på organene i rutenettet (id-er); standard: alle som har "
    "møter.",
    "Moteplan.etiketter": "Egne ord for møteplanens faste overskrifter og ledetekster, etter "
    "nøkkel (vaar, haust, tema, sted …).",
    "Moteplan.halvaar": "Rutenettene slik kommunen setter dem opp: måneder, rader og "
    "overskrifter (standard: januar–juni og juli–desember).",
    "Halvaar.overskrift": "Overskriften (standard: «Vår <år>»/«Høst <år>»).",
    "Halvaar.maaneder": "Månedskolonnene i rekkefølge, høyst seks (8, august, januar 2022 …).",
    "Halvaar.rader": "Radene (organer); standard: møteplanens organer.",
    "Maaned.maaned": "Måneden, 1–12.",
    "Maaned.aar": "Året, når det ikke er møteplanens (januar året etter).",
    "Moteplanrad.organ": "Organet raden gjelder (id eller navn).",
    "Moteplanrad.overskrift": "Radens overskrift (standard: organets kortnavn eller navn).",
    "Moteplanrad.tekst": "Kommunens egne linjer under overskriften, skrevet ut nøyaktig slik.",
    "Moteplanrad.med_beskrivelse": "true tar med den utregnede beskrivelsen av regel, tid og "
    "sted etter teksten.",
    "Moteplan.moter": "Enkeltmøter.",
    "Moteplan.serier": "Faste møteserier, skrevet som regler.",
    "Moteplan.skoleferier": "Skoleferiene (møter i en serie som faller i en ferie, flyttes "
    "eller droppes etter «ved_fridag»).",
    # Moete
    "Moete.organ": "Organet som møtes (id eller navn).",
    "Moete.dato": "Datoen: 2022-03-04, 4.3.2022 eller 4. mars 2022.",
    "Moete.tid": "Klokkeslett, f.eks. \"13.00-15.00\".",
    "Moete.sted": "Møtested.",
    "Moete.tema": "Tema for møtet.",
    "Moete.tittel": "Tittel på et arrangement som ikke er et vanlig møte.",
    "Moete.merknad": "Kort merknad, f.eks. «pga. høstferien».",
    "Moete.sammen_med": "Organer møtet holdes sammen med.",
    "Moete.status": "Planlagt, flyttet, utsatt eller avlyst.",
    "Moete.aarsak": "Hvorfor møtet er flyttet, utsatt eller avlyst.",
    "Moete.ny_dato": "Ny dato for et flyttet møte.",
    "Moete.ny_tid_tekst": "Ny tid som tekst når datoen ikke er kjent, f.eks. «til høsten».",
    "Moete.forslag": "true: en foreslått dato som ikke er bekreftet ennå (slt-docs rull "
    "foreslår neste års møter slik).",
    # Moteserie, Flytting, Ferie
    "Moteserie.organ": "Organet som møtes (id eller navn).",
    "Moteserie.regel": "Regelen møtene følger.",
    "Moteserie.fra": "Første dato serien gjelder (standard: 1. januar).",
    "Moteserie.til": "Siste dato serien gjelder (standard: årets slutt).",
    "Moteserie.tid": "Klokkeslett, f.eks. \"08.00-09.30\".",
    "Moteserie.sted": "Møtested.",
    "Moteserie.tema": "Tema.",
    "Moteserie.unntak": "Datoer som utelates.",
    "Moteserie.hopp_over_maaneder": "Måneder uten møte, f.eks. [juli].",
    "Moteserie.flyttinger": "Enkeltmøter i serien som flyttes.",
    "Moteserie.ved_fridag": "Når et møte faller på en fridag: behold, dropp eller flytt "
    "(til neste arbeidsdag; standard).",
    "Flytting.fra": "Datoen regelen ga.",
    "Flytting.til": "Den nye datoen.",
    "Flytting.tid": "Ny tid.",
    "Flytting.merknad": "Kort merknad.",
    "Ferie.navn": "Navnet, f.eks. «Høstferie».",
    "Ferie.fra": "Første feriedag.",
    "Ferie.til": "Siste feriedag.",
    "Ferie.forslag": "true: foreslåtte datoer som ikke er sjekket mot skoleruta ennå.",
    # Nettside
    "Nettside.tittel": "Sidens tittel (standard: «SLT i <kommune>»).",
    "Nettside.innledning": "Teksten under tittelen.",
    "Nettside.seksjoner": "Kommunens egne seksjoner («Kva er SLT?»).",
    "Nettside.dokumenter": "Grupper av lenker til kommunens egne dokumenter.",
    "Nettside.antall_moter": "Hvor mange av de neste møtene siden viser (standard 8).",
    "Nettside.etiketter": "Egne ord for sidens faste overskrifter, etter nøkkel.",
    "NettsideSeksjon.tittel": "Overskriften.",
    "NettsideSeksjon.innhold": "Teksten: avsnitt, punktlister, kilder og lenker.",
    "NettsideSeksjon.plass": "Hvilken del av siden seksjonen står i (standard: etter "
    "innledningen).",
    "Dokumentgruppe.tittel": "Gruppens overskrift, f.eks. «Skjema for samtykke».",
    "Dokumentgruppe.lenker": "Dokumentene, som lenker med dokumentets tittel som tekst.",
    # Dokumenter
    "Dokumenter.mandat": "Mandatdokumentene som skal lages.",
    "Dokumenter.tiltak": "Tiltakstabellene som skal lages som egne dokumenter.",
    "MandatDokument.organ": "Organet mandatet gjelder (id, navn eller nivå).",
    "MandatDokument.tittel": "Egen tittel.",
    "MandatDokument.vedtatt": "Når og hvor mandatet ble vedtatt.",
    "MandatDokument.innledning": "Innledende tekst.",
    "MandatDokument.etiketter": "Egne ord for dokumentets faste ledetekster, etter nøkkel.",
    "TiltakDokument.tittel": "Egen tittel.",
    "TiltakDokument.delmaal": "Delmålene tabellen viser, etter nummer (tom: alle).",
    "TiltakDokument.kolonner": "Kolonnene (tom: som i handlingsplanen).",
    "TiltakDokument.innledning": "Innledende tekst.",
    "TiltakDokument.etiketter": "Egne ord for tabellens overskrifter, etter nøkkel; går foran "
    "handlingsplanens.",
}
"""What each field means, in Norwegian, keyed by ``Class.field``."""


def field_doc(cls: type, name: str) -> str | None:
    """The text for field ``name`` of ``cls`` (or of the base class that
    declares it)."""
    for klass in cls.__mro__:
        text = FIELD_DOCS.get(f"{klass.__name__}.{name}")
        if text is not None:
            return text
    return None


def class_doc(cls: type) -> str | None:
    """The text for class ``cls``."""
    return CLASS_DOCS.get(cls.__name__)
