"""Lessen per principle (lessons.py) on small hand-made cards, and the sample's Ruwaard 2017 report
as a whole: no narrative sentence twice, no quote twice."""

import html
import json
import re
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from leergeschiedenis import lessons, reflections, verslag
from leergeschiedenis.config import Config
from leergeschiedenis.dataset import load
from leergeschiedenis.publish import YearView

SAMPLE = Path(__file__).parent.parent / "data" / "sample"


def _config() -> Config:
    return Config(
        naam="Proeftuin Test",
        ontwerpprincipes=[
            {"nr": 1, "groep": "willen", "naam": "Leefwereld", "trefwoorden": ["keukentafel"], "bewijs": ["welbevinden"]},
            {"nr": 2, "groep": "kunnen", "naam": "Leren", "trefwoorden": ["leersessie"], "bewijs": ["welbevinden", "casussen"]},
            {"nr": 3, "groep": "nodig", "naam": "Budget", "trefwoorden": ["budget"]},
            {"nr": 4, "groep": "nodig", "naam": "Leeg", "trefwoorden": ["nooitgebruikt"]},
        ],
    )


def _cards() -> pd.DataFrame:
    rows = [
        # (datum, rol, geleerd, vervolg, delen, themas, toestemming)
        ("2017-01-10", "wijkbewoner", "Zzgeheim keukentafel tekst.", "Eerste gesprek aan de keukentafel", None, [], False),
        (
            "2017-01-11",
            "professional",
            "aan de keukentafel hoor je meer",
            "vaker aan de keukentafel een gesprek voeren",
            None,
            [],
            True,
        ),
        ("2017-01-12", "manager", "Keukentafel gesprekken zijn goud.", "Keukentafel elke week", None, [], True),
        ("2017-01-13", "professional", "In de leersessie leerde ik veel.", "Budget voor de leersessie regelen", None, [], True),
        ("2017-01-14", "professional", None, None, "De keukentafel werkt.", [], True),
        ("2017-01-15", "bestuurder", "Dit ging over iets anders.", None, None, ["3"], True),
        ("2017-01-16", "professional", None, None, "de keukentafel werkt", [], True),  # the same quote, typed quickly
        ("2017-01-17", "student", None, "Keukentafel!", "Keukentafel.", [], True),  # too short to quote or to be an example
    ]
    frame = pd.DataFrame(
        [
            {
                "datum": pd.Timestamp(d),
                "bijeenkomst": "Leersessie 1",
                "rol": r,
                "geleerd": g,
                "opgevallen": None,
                "vervolg": v,
                "delen": dl,
                "themas": t,
                "toestemming_citaat": c,
            }
            for d, r, g, v, dl, t, c in rows
        ]
    )
    frame.index = [f"c{i}" for i in range(len(frame))]
    return frame


@pytest.fixture
def planned():
    cards, config = _cards(), _config()
    coded = reflections.code_cards(cards, config)
    return lessons.plan(
        cards, coded, config, min_cards=2, case_quotes=["De keukentafel werkt.", "ik slaap weer", "Ik slaap weer."]
    )


def test_sentence_case_makes_whole_sentences():
    assert lessons.sentence_case("  luisteren   werkt ") == "Luisteren werkt."
    assert lessons.sentence_case("Wat nu?") == "Wat nu?"
    assert lessons.sentence_case("“Goed zo”") == "Goed zo."
    assert lessons.sentence_case("'t kan, ") == "'t kan."
    assert lessons.sentence_case("1 Gezin 1 Plan") == "1 Gezin 1 Plan."
    # the same quote whatever its case and punctuation, and with a remark added after it
    assert lessons.text_keys("De keukentafel werkt.") & lessons.text_keys("de keukentafel werkt")
    assert lessons.text_keys("Het werkt. Mooi om te zien.") & lessons.text_keys("Het werkt!")


def test_terms_of_a_principle_count_cards_and_skip_rare_and_common_words(planned):
    # principle 1: c0, c1, c2, c4, c6, c7; 'keukentafel' on all six, 'gesprek(ken)' on c0, c1, c2;
    # 'zzgeheim' is on one card only (fewer than min_cards), 'werkt', 'aan', 'de' are generic or stop words
    assert planned.lessen["1"].termen == [("keukentafel", 6), ("gesprek", 3)]
    assert planned.lessen["1"].n_kaarten == 6
    assert planned.lessen["2"].samen_met == [("3", 1)]


def test_suggestions_are_grouped_by_shared_words_with_counts(planned):
    lesson = planned.lessen["1"]
    # c0, c1, c2 and c7 share 'keukentafel'; two of the four also share 'gesprek' (half: enough to name it)
    assert [(g.termen, g.n_kaarten) for g in lesson.groepen] == [(("keukentafel", "gesprek"), 4)]
    assert lesson.n_vervolg == 4 and lesson.n_overig == 0
    # the group stands for a suggestion of its own: the consented card sharing most of its words
    # (c0 has no consent; c1 has 'keukentafel' and 'gesprek', c2 only 'keukentafel'), as a whole sentence
    (group,) = lesson.groepen
    assert group.voorbeeld.tekst == "Vaker aan de keukentafel een gesprek voeren."
    assert group.voorbeeld.rol == "professional" and group.met_toestemming
    assert lesson.voorbeeld is None  # no example from outside the group when the group has its own
    assert lesson.n_vervolg_toestemming == 3  # c1, c2, c7
    # one suggestion is not a group
    groups, rest = lessons.group_suggestions(pd.Series(["Budget regelen"]), min_cards=2)
    assert groups == [] and rest == 1


def test_grouping_is_deterministic_and_needs_min_cards():
    texts = pd.Series(["Meer budget voor de wijk", "Budget per wijk", "Een wijk budget", "Regels bespreken", "Regels schrappen"])
    groups, rest = lessons.group_suggestions(texts, min_cards=3)
    # 'budget' and 'wijk' are both on three suggestions: the alphabetically first defines the group
    assert [(g.termen, g.n_kaarten) for g in groups] == [(("budget", "wijk"), 3)]
    assert rest == 2  # 'regels' is on two only
    assert lessons.group_suggestions(texts.iloc[::-1], min_cards=3)[0][0].termen == ("budget", "wijk")


def test_a_principle_without_cards(planned):
    lesson = planned.lessen["4"]
    assert (lesson.n_kaarten, lesson.termen, lesson.groepen, lesson.voorbeeld, lesson.citaten) == (0, [], [], None, [])
    assert planned.transitiemodel["4"] is None


def test_bewijs_is_shown_once_later_principles_refer_back():
    assert lessons.evidence(_config()) == {
        "1": (["welbevinden"], {}),
        "2": (["casussen"], {"welbevinden": "1"}),
        "3": ([], {}),
        "4": ([], {}),
    }


def test_quotes_once_each_under_their_own_principle_with_consent(planned):
    quotes = [q for q in planned.transitiemodel.values() if q] + [q for lesson in planned.lessen.values() for q in lesson.citaten]
    quotes += [lesson.voorbeeld for lesson in planned.lessen.values() if lesson.voorbeeld]
    quotes += [g.voorbeeld for lesson in planned.lessen.values() for g in lesson.groepen if g.voorbeeld]
    texts = [q.tekst for q in quotes] + planned.stemmen
    assert sorted(texts) == sorted(
        [
            "De keukentafel werkt.",  # c4 (delen) for principle 1; c6 says the same and is left out
            "Dit ging over iets anders.",  # c5, coded 3 by hand
            "Keukentafel gesprekken zijn goud.",  # c2, a manager: a second role for principle 1
            "Vaker aan de keukentafel een gesprek voeren.",  # c1's suggestion, standing for principle 1's group
            "Budget voor de leersessie regelen.",  # c3's suggestion, principle 2's example (no group: any consented one);
            # c3 is then not quoted a second time ("In de leersessie leerde ik veel."): one text per card
            "Ik slaap weer.",  # a case quote, once; 'De keukentafel werkt.' was already quoted
        ]
    )
    assert planned.transitiemodel["1"].tekst == "De keukentafel werkt." and planned.transitiemodel["1"].principe == "1"
    assert [q.tekst for q in planned.lessen["1"].citaten] == ["Keukentafel gesprekken zijn goud."]
    assert planned.transitiemodel["3"].tekst == "Dit ging over iets anders."
    assert planned.transitiemodel["2"] is None and planned.lessen["2"].voorbeeld.principe == "2"
    # nothing from the card without consent, not even a word of it
    assert "zzgeheim" not in repr(planned).lower()


def test_a_field_speaks_to_the_principle_of_its_keywords():
    cards, config = _cards(), _config()
    coded = reflections.code_cards(cards, config)
    assert lessons.field_principles(cards.loc["c3"], coded.loc["c3", "themas"], config) == {
        "geleerd": {"2"},
        "vervolg": {"2", "3"},
    }
    assert lessons.field_principles(cards.loc["c5"], ["3"], config) == {"geleerd": {"3"}}
    # issue 16 review: a card coded 1 by hand whose only field names principle 3's keyword 'budget' does
    # not speak for principle 1; only a field without any keyword speaks for all the card's principles
    card = pd.Series({"geleerd": "Het budget gaf meer energie dan een lijst met problemen.", "vervolg": "Samen verder."})
    assert lessons.field_principles(card, ["1"], config) == {"geleerd": set(), "vervolg": {"1"}}
    assert lessons.field_principles(card[["geleerd"]], ["1", "3"], config) == {"geleerd": {"3"}}


# -- the sample's report as a reader gets it ------------------------------------------------------


def _report_blocks(monkeypatch, name: str | Path, year: int) -> list[tuple[str, str]]:
    """(chapter, HTML or Markdown) of everything a sample proeftuin's report shows, in order."""
    shown: list[tuple[str, str]] = []
    chapter = ["titel"]

    def capture(obj, *args, **kwargs):
        data = getattr(obj, "data", None)
        if isinstance(data, str):
            shown.append((chapter[0], data))

    monkeypatch.setattr(verslag, "display", capture)
    report = verslag.Verslag(YearView(load(SAMPLE / name), year))
    notebook = json.loads((Path(verslag.__file__).parent / "notebooks" / "leergeschiedenis.ipynb").read_text())
    for cell in notebook["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            heading = re.search(r"^##\s+(.+)$", source, re.M)
            if heading:
                chapter[0] = heading.group(1).strip()
            shown.append((chapter[0], source))
        for call in re.findall(r"verslag\.([a-z_]+)\(\)", source if cell["cell_type"] == "code" else ""):
            getattr(report, call)()
    return shown


QUOTE = re.compile(r"<blockquote[^>]*>(.*?)</blockquote>", re.S)
NOT_PROSE = re.compile(r"<table.*?</table>|<li>.*?</li>|<h\d>.*?</h\d>|<script.*?</script>|<style.*?</style>", re.S)


def _sentences(block: str) -> list[str]:
    """The narrative sentences of a block: prose only (no quotes, tables, list items, headings, reading aids
    of charts, Markdown list lines or headings), split at sentence ends."""
    text = QUOTE.sub(" ", block)
    text = NOT_PROSE.sub(" ", text)
    text = re.sub(r'<p class="lg-leeshulp">.*?</p>', " ", text, flags=re.S)
    lines = [line for line in text.splitlines() if not re.match(r"\s*(#|- |\* |> |\*[^*])", line)]
    text = html.unescape(re.sub(r"<[^>]+>", " ", "\n".join(lines)))
    text = re.sub(r"\s+", " ", text.replace("**", "")).strip()
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9“(])", text) if len(s) > 20]


def test_the_sample_report_says_nothing_twice(monkeypatch):
    """Allowed: a sentence of the Samenvatting may appear once more in a later chapter (it restates the
    chapter's figure); every other narrative sentence, and every quote, appears exactly once. Not
    narrative: tables, list items, headings, and the reading aid under a chart (two charts of one kind,
    such as the spinnenweb change per moment, are read the same way)."""
    _says_nothing_twice(monkeypatch, "ruwaard", 2017)


@pytest.mark.slow
@pytest.mark.parametrize(
    "name, year",
    [("ruwaard", 2016), ("ruwaard", 2018), ("deurne", 2019), ("deurne", 2020), ("maastricht", 2014), ("maastricht", 2015)],
)
def test_every_sample_report_says_nothing_twice(monkeypatch, name, year):
    _says_nothing_twice(monkeypatch, name, year)


def _says_nothing_twice(monkeypatch, name: str, year: int) -> None:
    blocks = _report_blocks(monkeypatch, name, year)
    assert any(ch == "Lessen" and "Wat we anders gaan doen" in b for ch, b in blocks)
    in_summary: Counter[str] = Counter()
    elsewhere: Counter[str] = Counter()
    for chapter, block in blocks:
        for s in _sentences(block):
            (in_summary if chapter == "Samenvatting" else elsewhere)[s] += 1
    repeated = {s: n for s, n in (in_summary + elsewhere).items() if elsewhere[s] > 1 or in_summary[s] > 1}
    assert not repeated
    quotes = [lessons.text_key(re.sub(r"<small>.*?</small>", "", q, flags=re.S)) for _, b in blocks for q in QUOTE.findall(b)]
    assert len(quotes) >= 10
    assert [q for q, n in Counter(quotes).items() if n > 1] == []


def test_without_cards_or_sessions_the_report_says_why_once(monkeypatch, tmp_path):
    """A proeftuin without the files of reflectiekaarten and bijeenkomsten: why there are no cards is
    said once per chapter (not once per principle), and the sessions sentence names the missing file."""
    import shutil

    shutil.copytree(SAMPLE / "ruwaard", tmp_path / "ruwaard")
    shutil.copytree(SAMPLE.parent / "prijslijst", tmp_path / "prijslijst")
    (tmp_path / "ruwaard" / "reflectiekaarten.csv").unlink()
    (tmp_path / "ruwaard" / "bijeenkomsten.csv").unlink()
    blocks = _report_blocks(monkeypatch, tmp_path / "ruwaard", 2017)
    text = "\n".join(b for _, b in blocks)
    assert text.count("Deze proeftuin heeft geen bestand met reflectiekaarten.") == 1  # the Transitiemodel
    assert "Bij geen enkel ontwerpprincipe is dit jaar iets uit de kaarten te leren (er is geen bestand" in text
    assert "op geen enkele reflectiekaart terug" not in text
    assert "Deze proeftuin heeft geen bestand met bijeenkomsten." in text
    assert "geen bijeenkomsten geregistreerd" not in text
    elsewhere = Counter(s for ch, b in blocks if ch != "Samenvatting" for s in _sentences(b))
    assert [s for s, n in elsewhere.items() if n > 1] == []


def test_whole_sentences_are_quoted_before_fragments():
    """Issue 16 review: 'Dat …' answers to 'wat viel op?' are no sentences of their own; a whole sentence
    goes first even from a role already quoted, a fragment only when nothing better is left, as written."""
    assert lessons.is_fragment("Dat de wijkagent ons nu bij de voornaam kent.")
    assert lessons.is_fragment("Hoe snel het ging toen iedereen aan tafel zat.")
    assert not lessons.is_fragment("Wat mij opviel is dat de keukentafel werkt.")
    assert not lessons.is_fragment("Wat wel kan, werkt.")
    assert not lessons.is_fragment("Datum en tijd staan vast.")
    rows = [
        # (datum, rol, delen, opgevallen): 'delen' is the field preferred otherwise
        ("2017-01-10", "professional", "Dat de keukentafel zo veel oplevert.", None),
        ("2017-01-11", "wijkbewoner", "dat de keukentafel er weer staat", None),
        ("2017-01-12", "professional", None, "Aan de keukentafel hoor je wat iemand wil."),
    ]
    cards = pd.DataFrame(
        [
            {"datum": pd.Timestamp(d), "bijeenkomst": "Leersessie 1", "rol": r, "geleerd": None, "opgevallen": o}
            | {"vervolg": None, "delen": dl, "themas": [], "toestemming_citaat": True}
            for d, r, dl, o in rows
        ],
        index=["f0", "f1", "f2"],
    )
    config = _config()
    planned = lessons.plan(cards, reflections.code_cards(cards, config), config, min_cards=2)
    # the whole sentence first (Transitiemodel), then the fragments, each as written (no words added)
    assert planned.transitiemodel["1"].tekst == "Aan de keukentafel hoor je wat iemand wil."
    assert [q.tekst for q in planned.lessen["1"].citaten] == [
        "Dat de keukentafel er weer staat.",
        "Dat de keukentafel zo veel oplevert.",
    ]
