"""The Dutch words a reader sees for the contract's codes: one dictionary per kind of code."""

# contract column rol (reflectiekaarten), singular and plural
ROL_LABELS = {
    "wijkbewoner": "Wijkbewoner",
    "professional": "Professional",
    "manager": "Manager",
    "bestuurder": "Bestuurder",
    "financier": "Financier",
    "student": "Student",
    "overig": "Overig",
}
ROL_MEERVOUD = {
    "wijkbewoner": "wijkbewoners",
    "professional": "professionals",
    "manager": "managers",
    "bestuurder": "bestuurders",
    "financier": "financiers",
    "student": "studenten",
    "overig": "anderen",
}
# prijslijst column financier
FINANCIER_LABELS = {
    "gemeente_wmo": "Gemeente (Wmo)",
    "gemeente_jeugd": "Gemeente (Jeugdwet)",
    "gemeente_participatie": "Gemeente (Participatiewet)",
    "gemeente_overig": "Gemeente (overig)",
    "zorgverzekeraar": "Zorgverzekeraar",
    "wlz": "Wet langdurige zorg",
    "woningcorporatie": "Woningcorporatie",
    "politie_justitie": "Politie en justitie",
    "uwv": "UWV",
    "werkgever": "Werkgever",
    "inwoner": "Inwoner",
    "overig": "Overig",
}
# kosten column scenario; metingen column meetmoment
SCENARIO_LABELS = {"huidig": "Huidige situatie", "niets_doen": "Niets doen", "proeftuinoplossing": "Proeftuinoplossing"}
MEETMOMENT_LABELS = {"voor": "Voor", "na_6_weken": "Na 6 weken", "herhaling": "Na 6-12 maanden"}
# the six domains of positieve gezondheid (spinnenweb), not the casussen's levensdomeinen
DOMEIN_LABELS = {
    "lichaamsfuncties": "Lichaamsfuncties",
    "mentaal_welbevinden": "Mentaal welbevinden",
    "zingeving": "Zingeving",
    "kwaliteit_van_leven": "Kwaliteit van leven",
    "meedoen": "Meedoen",
    "dagelijks_functioneren": "Dagelijks functioneren",
}
# cases.LEAD_TIMES: the steps a lead time measures
LEAD_TIME_LABELS = {
    "aanmelding_mdo": "aanmelding → MDO",
    "mdo_oplossing": "MDO → oplossing",
    "aanmelding_oplossing": "aanmelding → oplossing",
}
# config.INDICATOREN: the goals' indicators (spinnenweb_<domein> take DOMEIN_LABELS)
INDICATOR_LABELS = {
    "casussen_totaal": "Casussen aangemeld",
    "casussen_collectief": "Collectieve casussen",
    "doorlooptijd_aanmelding_oplossing": "Doorlooptijd aanmelding → oplossing (mediaan, dagen)",
    "binnen_termijn_aanmelding_mdo": "Binnen de afgesproken tijd: aanmelding → MDO",
    "binnen_termijn_mdo_oplossing": "Binnen de afgesproken tijd: MDO → oplossing",
    "binnen_termijn_aanmelding_oplossing": "Binnen de afgesproken tijd: aanmelding → oplossing",
    "afspraak_organisaties": "Organisaties die de afspraak haalden",
    "welbevinden_verandering": "Welbevinden: verandering (punten)",
    "welbevinden_na": "Welbevinden na 6 weken",
    "besparing_per_casus": "Besparing per casus (niets doen min oplossing)",
    "besparing_huidig_per_casus": "Besparing per casus (huidig min oplossing)",
    "kosten_per_casus": "Kosten van de oplossing per casus",
    "deelnemers_per_bijeenkomst": "Deelnemers per leersessie",
    "aandeel_wijkbewoners_bijeenkomsten": "Aandeel wijkbewoners bij bijeenkomsten",
    "reflectiekaarten_totaal": "Reflectiekaarten",
    "bezoekers_per_week": "Bezoekers per week (activiteiten)",
    "aandeel_door_bewoners": "Activiteiten door bewoners (of samen) georganiseerd",
    "wijkbudget_besteed_vs_vastgesteld": "Wijkbudget besteed van vastgesteld",
    "aandeel_collectief_preventief": "Aandeel collectief en preventief besteed",
}
# why a figure is missing (the contract's redenen), as the end of 'niet getoond: ...'
REDEN_LABELS = {
    "geen_gegevens": "geen gegevens",
    "nog_niet_gemeten": "nog niet gemeten",
    "versies_gemengd": "versies van de vragenlijst door elkaar",
}
# bijeenkomsten column soort: singular and plural, as a sentence reads them
SOORT_LABELS = {
    "tweewekelijkse_leersessie": ("tweewekelijkse leersessie", "tweewekelijkse leersessies"),
    "periodieke_leersessie": ("periodieke leersessie", "periodieke leersessies"),
    "werkconferentie": ("werkconferentie", "werkconferenties"),
    "snelkookpansessie": ("snelkookpansessie", "snelkookpansessies"),
    "effectenarena": ("effectenarena", "effectenarena's"),
    "dialoogsessie": ("bestuurlijke dialoogsessie", "bestuurlijke dialoogsessies"),
    "overig": ("andere bijeenkomst", "andere bijeenkomsten"),
}
# casussen column levensdomeinen: the codes of the contract's example list, with their diacritics
LEVENSDOMEIN_LABELS = {
    "financien": "Financiën",
    "werk_en_dagbesteding": "Werk en dagbesteding",
    "sociaal_netwerk": "Sociaal netwerk",
}

# How a Dutch programme team types a contract column's name, where replacing ``_`` by a space and a
# capital is not enough; every one folds back to its column (``read.column_name``). The sample
# generator and the registration workbook both write headers with ``kop``.
KOPPEN = {
    "casus_id": "Casus ID",
    "mdo_datum": "MDO-datum",
    "oplossing_datum": "Oplossing datum",
    "kaart_id": "Kaart ID",
    "deelnemer_id": "Deelnemer ID",
    "themas": "Thema's",
}


def kop(column: str) -> str:
    """The readable Dutch header of a contract column: ``casus_id`` -> ``Casus ID``."""
    text = KOPPEN.get(column) or column.replace("_", " ")
    return text[0].upper() + text[1:]
