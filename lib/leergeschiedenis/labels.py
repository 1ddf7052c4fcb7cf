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
