"""Bad input: every file a programme team could hand in by mistake gets a defined outcome.

Either the data is read (rows read = accepted + refused, refused rows with a Dutch
message naming the cell) or ``leergeschiedenis check`` stops with exit 2 and one
Dutch line naming the file. Never a traceback, a hang or unbounded memory, and
the input files are never modified: every test goes through ``checked``, which
compares the sha256 of every input file before and after ``load()`` and
``main(["check", ...])``.

All fixtures are generated here, in tmp_path.
"""

from __future__ import annotations

import builtins
import datetime as dt
import hashlib
import io
import re
import struct
import time
import tracemalloc
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import leergeschiedenis as lg
from leergeschiedenis.cli import main

DATA = Path(__file__).parent / "data"
CONFIG = (DATA / "cp1252_puntkomma" / "proeftuin.yml").read_text()
HEADER = ["Casus ID", "Soort", "Organisatie", "Aanmelddatum", "MDO-datum", "Status"]
T = pd.Timestamp


# --- running a folder through the library and the command line --------------------------


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    dataset: lg.Dataset | None
    error: lg.OnleesbareData | None
    seconds: float


def _hashes(folder: Path) -> dict[str, str]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest = hashlib.sha256()
            with path.open("rb") as f:
                while chunk := f.read(1 << 20):
                    digest.update(chunk)
            found[str(path.relative_to(folder))] = digest.hexdigest()
    return found


def checked(folder: Path, capsys, *args: str) -> Outcome:
    """``load(folder)`` and ``leergeschiedenis check folder``: the input files are unchanged after
    both, nothing reaches stderr but a one-line Dutch error, and never a traceback."""
    before = _hashes(folder)
    dataset = error = None
    try:
        dataset = lg.load(folder)
    except lg.OnleesbareData as e:
        error = e
    assert _hashes(folder) == before
    capsys.readouterr()
    start = time.perf_counter()
    code = main(["check", str(folder), *args])
    seconds = time.perf_counter() - start
    out, err = capsys.readouterr()
    assert _hashes(folder) == before
    assert "Traceback" not in out + err
    if code == 2:
        assert error is not None and err == f"Fout: {error}\n" and "\n" not in str(error)
        assert out == ""
    else:
        assert dataset is not None and err == ""
        for table, a in dataset.accounting.items():
            assert a.gelezen == a.geaccepteerd + a.geweigerd
            assert len(dataset.tables[table]) == a.geaccepteerd and len(dataset.refused[table]) == a.geweigerd
        assert code == (1 if dataset.n_refused else 0)
    return Outcome(code, out, err, dataset, error, seconds)


def proeftuin(tmp_path: Path) -> Path:
    folder = tmp_path / "proeftuin"
    folder.mkdir()
    (folder / "proeftuin.yml").write_text(CONFIG, encoding="utf-8")
    return folder


def write_xlsx(path: Path, rows: list[list], sheet: str = "casussen") -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    wb.save(path)
    return wb


def accounting(outcome: Outcome, table: str = "casussen") -> tuple[int, int, int]:
    a = outcome.dataset.accounting[table]
    return a.gelezen, a.geaccepteerd, a.geweigerd


def errors(outcome: Outcome) -> dict[tuple, str]:
    return {(p.bestand, p.blad, p.rij, p.kolom, p.waarde): p.melding for p in outcome.dataset.errors}


def notices(outcome: Outcome) -> list[str]:
    return [p.melding for p in outcome.dataset.problems if p.ernst == "melding"]


# --- 1. Excel error values in typed columns ----------------------------------------------

ERROR_CODES = ["#N/A", "#DEEL/0!", "#DIV/0!", "#WAARDE!", "#VALUE!", "#REF!", "#NAAM?"]
# what openpyxl stores as a real error cell (t="e"), as Excel does; Excel stores the
# English codes in a workbook whatever its language, Dutch Excel writes #DEEL/0! in a CSV
ENGLISH = {"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?"}


def _excel_error_message(code: str) -> str:
    return (
        f"de cel bevat de Excel-foutwaarde {code}: een formule kon niet worden uitgerekend; "
        "herstel de formule of vul de waarde zelf in"
    )


@pytest.mark.parametrize("code", ERROR_CODES)
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_excel_error_values_refuse_their_row_with_an_excel_message(tmp_path, capsys, code, suffix):
    folder = proeftuin(tmp_path)
    rows = [
        HEADER,
        ["C1", "individueel", "GGZ", "05-09-2016", None, "aangemeld"],
        ["C2", "individueel", "GGZ", code, None, "aangemeld"],  # a date column
        ["C3", code, "GGZ", "05-09-2016", None, "aangemeld"],  # an enum column
        ["C4", "individueel", code, "05-09-2016", None, "aangemeld"],  # a text column
    ]
    if suffix == ".xlsx":
        write_xlsx(folder / "casussen.xlsx", rows)
        with zipfile.ZipFile(folder / "casussen.xlsx") as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode()
        stored_as_error = re.search(r'<c r="D3" t="e"><v>([^<]*)</v>', sheet)
        assert (stored_as_error is not None) == (code in ENGLISH)
        blad = "casussen"
    else:
        text = "\n".join(";".join("" if v is None else v for v in row) for row in rows)
        (folder / "casussen.csv").write_text(text + "\n", encoding="utf-8")
        blad = None
    outcome = checked(folder, capsys)
    assert outcome.code == 1
    assert accounting(outcome) == (4, 1, 3)
    bestand = f"casussen{suffix}"
    assert errors(outcome) == {
        (bestand, blad, 3, "aanmelddatum", code): _excel_error_message(code),
        (bestand, blad, 4, "soort", code): _excel_error_message(code),
        (bestand, blad, 5, "organisatie", code): _excel_error_message(code),
    }
    assert outcome.dataset.casussen["casus_id"].tolist() == ["C1"]
    assert "Excel-foutwaarde" in outcome.out and "geen datum" not in outcome.out


def test_excel_error_values_in_number_columns(tmp_path, capsys):
    folder = proeftuin(tmp_path)
    wb = write_xlsx(folder / "gegevens.xlsx", [HEADER, ["C1", "individueel", "GGZ", "05-09-2016", None, "aangemeld"]])
    ws = wb.create_sheet("metingen")
    for row in [
        ["casus_id", "meetmoment", "welbevinden"],
        ["C1", "voor", 6],
        ["C1", "na_6_weken", "#DIV/0!"],
        ["C1", "herhaling", "#VALUE!"],
    ]:
        ws.append(row)
    wb.save(folder / "gegevens.xlsx")
    outcome = checked(folder, capsys)
    assert outcome.code == 1
    assert accounting(outcome, "metingen") == (3, 1, 2)
    assert errors(outcome) == {
        ("gegevens.xlsx", "metingen", 3, "welbevinden", "#DIV/0!"): _excel_error_message("#DIV/0!"),
        ("gegevens.xlsx", "metingen", 4, "welbevinden", "#VALUE!"): _excel_error_message("#VALUE!"),
    }
    assert outcome.dataset.metingen["welbevinden"].tolist() == [6.0]


# --- 2. formulas ------------------------------------------------------------------------


def _with_cached_values(path: Path, values: dict[str, tuple[str | None, str]]) -> None:
    """What Excel does on saving: store each formula's computed value beside it (``<v>``), typed
    with ``t`` (``None`` for a number, ``str`` for text). openpyxl writes formulas without it."""
    with zipfile.ZipFile(path) as z:
        members = {i.filename: z.read(i.filename) for i in z.infolist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    for ref, (kind, value) in values.items():
        pattern = re.compile(rf'<c r="{ref}"(?P<style> s="\d+")?(?: t="\w+")?>(?P<f><f>[^<]*</f>)<v\s*/>(?:</v>)?</c>')
        assert pattern.search(sheet), ref
        t = f' t="{kind}"' if kind else ""
        sheet = pattern.sub(lambda m, r=ref, t=t, v=value: f'<c r="{r}"{m["style"] or ""}{t}>{m["f"]}<v>{v}</v></c>', sheet)
    members["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)


def _formula_workbook(path: Path) -> None:
    wb = write_xlsx(
        path,
        [
            HEADER,
            ["F1", "individueel", '="G"&"GZ"', "=DATE(2017,1,9)", '=IF(TRUE,"","x")', "mdo"],
            ["F2", "individueel", "GGZ", "=D2+7", None, "aangemeld"],
        ],
    )
    wb.active["D2"].number_format = "dd-mm-yyyy"
    wb.active["D3"].number_format = "dd-mm-yyyy"
    wb.save(path)


def test_formulas_with_cached_values_are_read_as_computed(tmp_path, capsys):
    folder = proeftuin(tmp_path)
    _formula_workbook(folder / "casussen.xlsx")
    # as Excel saves it: the text GGZ, the date serial of 09-01-2017, an empty text, 16-01-2017
    _with_cached_values(
        folder / "casussen.xlsx", {"C2": ("str", "GGZ"), "D2": (None, "42744"), "E2": ("str", ""), "D3": (None, "42751")}
    )
    outcome = checked(folder, capsys)
    assert outcome.code == 0
    assert accounting(outcome) == (2, 2, 0)
    c = outcome.dataset.casussen
    assert c["organisatie"].tolist() == ["GGZ", "GGZ"]
    assert c["aanmelddatum"].tolist() == [T("2017-01-09"), T("2017-01-16")]
    assert c["mdo_datum"].isna().all()  # a formula whose result is the empty text is an empty cell


def test_formula_without_cached_value_refuses_its_row(tmp_path, capsys):
    """openpyxl writes a formula without its value; a workbook never opened in Excel has none."""
    folder = proeftuin(tmp_path)
    _formula_workbook(folder / "casussen.xlsx")
    outcome = checked(folder, capsys)
    assert outcome.code == 1
    assert accounting(outcome) == (2, 0, 2)
    message = (
        "de formule {} heeft geen berekende waarde (het bestand is door een programma gemaakt en nooit "
        "in Excel geopend); open en sla op in Excel, dan rekent Excel de formule uit"
    )
    assert errors(outcome) == {
        ("casussen.xlsx", "casussen", 2, "organisatie", '="G"&"GZ"'): message.format('="G"&"GZ"'),
        ("casussen.xlsx", "casussen", 2, "aanmelddatum", "=DATE(2017,1,9)"): message.format("=DATE(2017,1,9)"),
        ("casussen.xlsx", "casussen", 2, "mdo_datum", '=IF(TRUE,"","x")'): message.format('=IF(TRUE,"","x")'),
        ("casussen.xlsx", "casussen", 3, "aanmelddatum", "=D2+7"): message.format("=D2+7"),
    }
    assert outcome.dataset.refused["casussen"].loc[3, "Aanmelddatum"] == "=D2+7"  # kept as it was
    assert "open en sla op in Excel" in outcome.out


# --- 3. merged cells --------------------------------------------------------------------


def test_a_value_merged_over_rows_counts_for_every_row(tmp_path, capsys):
    """An organisation merged over its cases (C3:C5) is that organisation for each of them; a
    merged range never makes an otherwise blank row (C7:C8, row 8 empty) a row; a title merged
    over the columns above the header is left alone; a merge over columns keeps its value in
    the first one."""
    folder = proeftuin(tmp_path)
    wb = write_xlsx(
        folder / "casussen.xlsx",
        [
            ["Registratie casussen"],
            HEADER,
            ["M1", "individueel", "Wijkteam", "05-09-2016", None, "aangemeld"],
            ["M2", "individueel", None, "06-09-2016", None, "aangemeld"],
            ["M3", "collectief", None, "07-09-2016", None, "aangemeld"],
            ["M4", "individueel", "GGZ", "08-09-2016", None, "aangemeld"],
            ["M5", "individueel", "Gemeente", "09-09-2016", None, "aangemeld"],
            [],
            ["M6", "individueel", "GGZ", "10-09-2016", "12-09-2016", "mdo"],
        ],
    )
    ws = wb.active
    for ref in ("A1:F1", "C3:C5", "C7:C8", "E9:F9"):
        ws.merge_cells(ref)
    wb.save(folder / "casussen.xlsx")
    outcome = checked(folder, capsys)
    assert outcome.code == 1  # M6 lost its status to the merge
    assert accounting(outcome) == (6, 5, 1)
    c = outcome.dataset.casussen
    assert c.index.tolist() == [3, 4, 5, 6, 7]
    assert c["organisatie"].tolist() == ["Wijkteam", "Wijkteam", "Wijkteam", "GGZ", "Gemeente"]
    assert errors(outcome) == {("casussen.xlsx", "casussen", 9, "status", None): "verplicht veld is leeg"}
    assert sorted(notices(outcome)) == [
        "de kopregel staat op rij 2; wat erboven staat is niet als gegevens gelezen: rij 1 ('Registratie casussen')",
        "samengevoegde cellen C3:C5, C7:C8: de waarde uit de bovenste cel geldt voor elke rij van het bereik",
        "samengevoegde cellen E9:F9 over meer kolommen: de waarde is gelezen in de eerste kolom",
    ]


# --- 4. hidden sheets -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "how"), [("hidden", "verborgen"), ("veryHidden", "zeer verborgen (alleen met een macro zichtbaar te maken)")]
)
def test_a_hidden_table_sheet_is_read_with_a_notice(tmp_path, capsys, state, how):
    folder = proeftuin(tmp_path)
    wb = write_xlsx(folder / "registratie.xlsx", [["Zie blad casussen"]], sheet="Uitleg")
    ws = wb.create_sheet("casussen")
    ws.append(HEADER)
    ws.append(["H1", "individueel", "GGZ", "05-09-2016", None, "aangemeld"])
    ws.sheet_state = state
    wb.save(folder / "registratie.xlsx")
    outcome = checked(folder, capsys)
    assert outcome.code == 0
    assert accounting(outcome) == (1, 1, 0)
    assert outcome.dataset.casussen["casus_id"].tolist() == ["H1"]
    assert notices(outcome) == [
        "blad 'Uitleg' wordt niet gelezen: de naam is geen tabelnaam en er staat geen kopregel van een tabel in",
        f"blad 'casussen' is {how} in Excel; het is toch gelezen",
    ]
    assert [p.blad for p in outcome.dataset.problems] == ["Uitleg", "casussen"]


# --- 5. a header below title rows -------------------------------------------------------

TITLED = [
    ["Registratie casussen 2017"],
    [],
    HEADER,
    ["T1", "individueel", "GGZ", "05-09-2016", None, "aangemeld"],
    ["T2", "individueel", "GGZ", "31-02-2017", None, "aangemeld"],
    ["T3", "collectief", "Gemeente", "06-09-2016", None, "aangemeld"],
]
TITLE_NOTICE = "de kopregel staat op rij 3; wat erboven staat is niet als gegevens gelezen: rij 1 ('Registratie casussen 2017')"


def _csv(rows: list[list], sep: str, pad: bool) -> str:
    width = max(len(r) for r in rows)
    lines = []
    for row in rows:
        cells = ["" if v is None else v for v in row]
        if pad:  # as Excel writes it: every row as wide as the widest
            cells += [""] * (width - len(cells))
        lines.append(sep.join(cells))
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize("form", ["xlsx", "csv-puntkomma", "csv-puntkomma-zoals-excel", "csv-komma", "csv-komma-zoals-excel"])
def test_header_below_title_rows_is_found_and_rows_keep_their_numbers(tmp_path, capsys, form):
    folder = proeftuin(tmp_path)
    if form == "xlsx":
        write_xlsx(folder / "casussen.xlsx", TITLED)
        bestand, blad = "casussen.xlsx", "casussen"
    else:
        sep = ";" if "puntkomma" in form else ","
        (folder / "casussen.csv").write_text(_csv(TITLED, sep, pad=form.endswith("excel")), encoding="cp1252")
        bestand, blad = "casussen.csv", None
    outcome = checked(folder, capsys)
    assert outcome.code == 1
    assert accounting(outcome) == (3, 2, 1)
    assert outcome.dataset.casussen.index.tolist() == [4, 6]
    assert outcome.dataset.casussen["casus_id"].tolist() == ["T1", "T3"]
    assert errors(outcome) == {
        (bestand, blad, 5, "aanmelddatum", "31-02-2017"): "'31-02-2017' bestaat niet als datum (dag eerst: dd-mm-jjjj)"
    }
    assert notices(outcome) == [TITLE_NOTICE]
    [notice] = [p for p in outcome.dataset.problems if p.ernst == "melding"]
    assert (notice.bestand, notice.blad, notice.rij) == (bestand, blad, 3)


def test_header_is_only_looked_for_in_the_first_ten_rows(tmp_path, capsys):
    """Eleven title rows: no header found, so row 1 is the header, as before, and every row is
    refused for the required columns it lacks; nothing is silently skipped."""
    folder = proeftuin(tmp_path)
    rows = [[f"toelichting {i}"] for i in range(1, 12)] + [HEADER, ["X1", "individueel", "GGZ", "05-09-2016", None, "aangemeld"]]
    write_xlsx(folder / "casussen.xlsx", rows)
    outcome = checked(folder, capsys)
    assert outcome.code == 1
    assert accounting(outcome) == (12, 0, 12)
    assert not any("kopregel" in n for n in notices(outcome))


def test_a_header_missing_a_required_column_is_still_found(tmp_path, capsys):
    """Below a title, a header without 'status': the row with most required columns is the header,
    and the missing column is reported per row."""
    folder = proeftuin(tmp_path)
    write_xlsx(folder / "casussen.xlsx", [["Casussen"], HEADER[:-1], ["S1", "individueel", "GGZ", "05-09-2016"]])
    outcome = checked(folder, capsys)
    assert outcome.code == 1
    assert accounting(outcome) == (1, 0, 1)
    assert errors(outcome) == {
        ("casussen.xlsx", "casussen", 3, "status", None): "verplichte kolom 'status' ontbreekt in het bestand"
    }


# --- 6. a 50 MB CSV ---------------------------------------------------------------------


@pytest.mark.slow
def test_a_50_mb_csv_is_read_in_bounded_memory_and_time(tmp_path, capsys):
    folder = proeftuin(tmp_path)
    organisaties = ["GGZ Oost Brabant", "Gemeente Oss", "Brabant Wonen", "Huisartsen Ruwaard", "Wijkteam Noord"]
    refused = 0
    with (folder / "casussen.csv").open("w", encoding="utf-8", newline="") as f:
        f.write("Casus ID;Soort;Organisatie;Aanmelddatum;MDO-datum;Status;Levensdomeinen;Binnen bestaand aanbod;Ik wil\r\n")
        i = 0
        while f.tell() < 50 * 2**20:
            i += 1
            day, month = 1 + i % 28, 1 + i % 12
            datum = f"{day:02d}-{month:02d}-2017" if i % 1000 else "31-02-2017"  # one in 1000 impossible
            refused += i % 1000 == 0
            f.write(
                f"C-{i:07d};individueel;{organisaties[i % 5]};{datum};{day:02d}-{month:02d}-2017;mdo;"
                f"wonen, financien;ja;Ik wil weer meedoen in de wijk, nummer {i}\r\n"
            )
    rows = i
    assert rows > 400_000 and (folder / "casussen.csv").stat().st_size >= 50 * 2**20
    tracemalloc.start()
    start = time.perf_counter()
    try:
        d = lg.load(folder)
        seconds = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert d.accounting["casussen"].as_dict() == {"gelezen": rows, "geaccepteerd": rows - refused, "geweigerd": refused}
    assert peak < 1.5 * 2**30, f"piekgeheugen {peak / 2**20:.0f} MB"
    assert seconds < 180
    outcome = checked(folder, capsys)
    assert outcome.code == 1
    assert outcome.seconds < 120
    assert f"{refused} {'rij' if refused == 1 else 'rijen'} geweigerd." in outcome.out


def test_a_csv_above_the_size_limit_is_refused_before_it_is_read(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(lg.read, "MAX_CSV_BYTES", 2**20)
    folder = proeftuin(tmp_path)
    (folder / "casussen.csv").write_text(";".join(HEADER) + "\n" + "C1;individueel;GGZ;05-09-2016;;mdo\n" * 60_000)
    outcome = checked(folder, capsys)
    assert outcome.code == 2
    assert str(outcome.error) == (
        "casussen.csv is 2 MB, groter dan de 1 MB die gelezen worden: controleer of dit het goede bestand is."
    )


# --- 7. files that are not what they say ------------------------------------------------


def _cfb(streams: dict[str, bytes]) -> bytes:
    """A minimal Compound File (OLE2/CFB version 3, as Excel writes encrypted workbooks and .xls):
    a root storage holding ``streams``, each at least 4096 bytes so it lives in regular sectors."""
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    sizes = [max(len(d), 4096) for d in streams.values()]
    datas = [d.ljust(-(-size // 512) * 512, b"\0") for d, size in zip(streams.values(), sizes, strict=True)]
    starts, sector = [], 2  # sector 0 holds the FAT, sector 1 the directory
    fat = [fat_sector, end]
    for d in datas:
        n = len(d) // 512
        starts.append(sector)
        fat += [sector + k + 1 for k in range(n - 1)] + [end]
        sector += n
    fat += [free] * (128 - len(fat))

    def entry(name: str, kind: int, right: int, child: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0" if name else b""
        return struct.pack(
            "<64sHBBIII16sIQQIQ", raw, len(raw), kind, 1 if name else 0, free, right, child, b"\0" * 16, 0, 0, 0, start, size
        )

    names = list(streams)
    entries = [entry("Root Entry", 5, free, 1, end, 0)]
    for k, name in enumerate(names):
        entries.append(entry(name, 2, k + 2 if k + 1 < len(names) else free, free, starts[k], sizes[k]))
    entries += [entry("", 0, free, free, 0, 0)] * (4 - len(entries))
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")  # the signature
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)  # version 3, little-endian, 512-byte sectors
        + bytes(6)
        + struct.pack("<9I", 0, 1, 1, 0, 4096, end, 0, end, 0)  # one FAT sector, the directory in sector 1
        + struct.pack("<109I", 0, *[free] * 108)  # the FAT is sector 0
    )
    return header + struct.pack("<128I", *fat) + b"".join(entries) + b"".join(datas)


def _valid_xlsx() -> bytes:
    buffer = io.BytesIO()
    wb = openpyxl.Workbook()
    wb.active.title = "casussen"
    for row in [HEADER, *([f"C{i}", "individueel", "GGZ", "05-09-2016", None, "aangemeld"] for i in range(1, 200))]:
        wb.active.append(row)
    wb.save(buffer)
    return buffer.getvalue()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


UNREADABLE = {
    "afgebroken-xlsx": (
        "casussen.xlsx",
        lambda: _valid_xlsx()[: len(_valid_xlsx()) // 2],
        "casussen.xlsx is beschadigd of onvolledig (bijvoorbeeld afgebroken bij het kopiëren of downloaden): "
        "sla de werkmap opnieuw op vanuit Excel of kopieer haar opnieuw.",
    ),
    "versleutelde-xlsx": (
        "casussen.xlsx",
        lambda: _cfb(
            {
                "EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00<encryption/>",
                "EncryptedPackage": struct.pack("<Q", 6162) + bytes(range(256)) * 25,
            }
        ),
        "casussen.xlsx is beveiligd met een wachtwoord (versleuteld) en kan niet gelezen worden: haal in Excel het "
        "wachtwoord weg (Bestand > Info > Werkmap beveiligen > Versleutelen met wachtwoord) en sla het opnieuw op.",
    ),
    "xls-als-xlsx": (
        "casussen.xlsx",
        lambda: _cfb({"Workbook": b"\x09\x08\x10\x00" + bytes(5000)}),
        "casussen.xlsx is een oud Excel-bestand (.xls, Excel 97-2003) en geen Excel-werkmap (.xlsx): "
        "open het in Excel en sla het op als Excel-werkmap (.xlsx).",
    ),
    "png-als-xlsx": (
        "casussen.xlsx",
        lambda: PNG,
        "casussen.xlsx is geen Excel-werkmap maar een afbeelding (PNG): sla de tabel in Excel op als .xlsx of CSV.",
    ),
    "pdf-als-xlsx": (
        "casussen.xlsx",
        lambda: PDF,
        "casussen.xlsx is geen Excel-werkmap maar een PDF-document: sla de tabel in Excel op als .xlsx of CSV.",
    ),
    "csv-als-xlsx": (
        "casussen.xlsx",
        lambda: b"casus_id;soort\nC1;individueel\n",
        "casussen.xlsx is geen Excel-werkmap maar een tekstbestand (misschien CSV): sla de tabel in Excel op als .xlsx of CSV.",
    ),
    "docx-als-xlsx": (
        "casussen.xlsx",
        _docx,
        "casussen.xlsx is geen Excel-werkmap maar een Word-document: sla de tabel in Excel op als .xlsx of CSV.",
    ),
    "lege-xlsx": (
        "casussen.xlsx",
        lambda: b"",
        "casussen.xlsx is leeg (0 bytes) en geen Excel-werkmap: sla de werkmap opnieuw op vanuit Excel.",
    ),
    "binair-als-csv": (
        "casussen.csv",
        lambda: bytes(range(256)) * 8,
        "casussen.csv bevat binaire gegevens en is geen CSV-bestand.",
    ),
    "png-als-csv": (
        "casussen.csv",
        lambda: PNG,
        "casussen.csv is geen CSV-bestand maar een afbeelding (PNG): sla de tabel in Excel op als CSV of .xlsx.",
    ),
    "pdf-als-csv": (
        "casussen.csv",
        lambda: PDF,
        "casussen.csv is geen CSV-bestand maar een PDF-document: sla de tabel in Excel op als CSV of .xlsx.",
    ),
    "xlsx-als-csv": (
        "casussen.csv",
        _valid_xlsx,
        "casussen.csv is geen CSV-bestand maar een Excel-werkmap of ander zip-bestand: "
        "geef het de extensie .xlsx (casussen.xlsx) of sla het in Excel op als CSV.",
    ),
    "versleutelde-als-csv": (
        "casussen.csv",
        lambda: _cfb({"EncryptionInfo": b"\x04\x00", "EncryptedPackage": bytes(5000)}),
        "casussen.csv is beveiligd met een wachtwoord (versleuteld) en kan niet gelezen worden: haal in Excel het "
        "wachtwoord weg (Bestand > Info > Werkmap beveiligen > Versleutelen met wachtwoord) en sla het opnieuw op.",
    ),
    "utf16-csv": (
        "casussen.csv",
        lambda: ("\t".join(HEADER) + "\r\nC1\tindividueel\tGGZ\t05-09-2016\t\tmdo\r\n").encode("utf-16"),
        "casussen.csv is opgeslagen als Unicode-tekst (UTF-16): sla het in Excel op als 'CSV UTF-8 (door komma's gescheiden)'.",
    ),
    "ongesloten-aanhalingsteken": (
        "casussen.csv",
        lambda: (
            ";".join(HEADER) + '\nC1;individueel;"GGZ;05-09-2016;;mdo\n' + "C2;individueel;GGZ;05-09-2016;;mdo\n" * 6000
        ).encode(),
        # issue 12: a quote that swallows whole rows names the line it opens on
        'casussen.csv is geen geldig CSV-bestand: het aanhalingsteken (") van een cel in regel 2 wordt pas later '
        "gesloten, zodat regel 3 en verder, die eruitzien als hele rijen, in die ene cel zouden verdwijnen; haal het "
        "aanhalingsteken aan het begin van die cel weg of sluit het in dezelfde cel.",
    ),
}


@pytest.mark.parametrize("case", UNREADABLE)
def test_a_file_that_cannot_be_read_stops_with_one_dutch_line(tmp_path, capsys, case):
    name, content, message = UNREADABLE[case]
    folder = proeftuin(tmp_path)
    (folder / name).write_bytes(content())
    outcome = checked(folder, capsys)
    assert outcome.code == 2
    assert outcome.err == f"Fout: {message}\n"
    assert outcome.seconds < 5


def test_the_encrypted_fixture_is_a_compound_file():
    data = UNREADABLE["versleutelde-xlsx"][1]()
    assert data[:8] == bytes.fromhex("D0CF11E0A1B11AE1")
    assert len(data) % 512 == 0
    assert "EncryptedPackage".encode("utf-16-le") in data[1024:1536]  # in the directory sector


def _zip_bomb(path: Path, size: int, level: int) -> None:
    """A zip named .xlsx with one member of ``size`` zero bytes, written in chunks."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = bytes(16 * 2**20)
            for _ in range(size // len(chunk)):
                member.write(chunk)


@pytest.mark.parametrize(
    ("size", "level", "message"),
    [
        (
            2 * 2**30,
            1,
            "casussen.xlsx wordt niet geopend: uitgepakt zou het 2.048 MB worden, "
            "meer dan de 500 MB van een gewone Excel-werkmap (mogelijk een zip-bom).",
        ),
        (
            64 * 2**20,
            9,
            "casussen.xlsx wordt niet geopend: een onderdeel zou uitgepakt 64 MB worden, meer dan 100 keer zo groot "
            "als ingepakt; een gewone Excel-werkmap doet dat niet (mogelijk een zip-bom).",
        ),
    ],
    ids=["2-GB", "64-MB-100-keer"],
)
def test_a_zip_bomb_is_refused_without_unpacking_it(tmp_path, capsys, size, level, message):
    folder = proeftuin(tmp_path)
    _zip_bomb(folder / "casussen.xlsx", size, level)
    assert (folder / "casussen.xlsx").stat().st_size < size / 100
    tracemalloc.start()
    try:
        with pytest.raises(lg.OnleesbareData):
            lg.load(folder)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 2**20
    outcome = checked(folder, capsys)
    assert outcome.code == 2
    assert outcome.err == f"Fout: {message}\n"
    assert outcome.seconds < 5


def test_an_unreadable_workbook_that_is_not_a_table_still_stops_the_check(tmp_path, capsys):
    """Every .xlsx in the folder is opened to find its sheets: a broken one is not skipped silently."""
    folder = proeftuin(tmp_path)
    (folder / "casussen.csv").write_text(";".join(HEADER) + "\nC1;individueel;GGZ;05-09-2016;;aangemeld\n")
    (folder / "oud overzicht.xlsx").write_bytes(PNG)
    outcome = checked(folder, capsys)
    assert outcome.code == 2
    assert str(outcome.error).startswith("oud overzicht.xlsx is geen Excel-werkmap maar een afbeelding (PNG)")


# --- 8. no data at all ------------------------------------------------------------------


def test_an_empty_folder_stops_the_check(tmp_path, capsys):
    folder = tmp_path / "leeg"
    folder.mkdir()
    outcome = checked(folder, capsys)
    assert outcome.code == 2
    # issue 12: the message points at what is in the project, not at DATA-CONTRACT.md
    assert outcome.err == (
        f"Fout: proeftuin.yml ontbreekt in {folder}: maak het aan; `leergeschiedenis contract` (docs/datacontract.md) "
        "zegt wat erin staat en `leergeschiedenis sample MAP` schrijft voorbeelden.\n"
    )


def test_a_folder_with_only_its_configuration_stops_the_check(tmp_path, capsys):
    folder = proeftuin(tmp_path)
    outcome = checked(folder, capsys)
    assert outcome.code == 2
    assert outcome.err == f"Fout: Het verplichte bestand 'casussen' (.csv of .xlsx) ontbreekt in {folder}.\n"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("casussen.csv", b"", "casussen.csv is leeg: de tabel 'casussen' heeft geen kopregel en geen rijen."),
        ("casussen.csv", b";;;\r\n  ;;\r\n\r\n", "casussen.csv is leeg: de tabel 'casussen' heeft geen kopregel en geen rijen."),
        ("casussen.xlsx", None, "casussen.xlsx (blad casussen) is leeg: de tabel 'casussen' heeft geen kopregel en geen rijen."),
    ],
    ids=["0-bytes", "alleen-scheidingstekens", "leeg-blad"],
)
def test_an_empty_required_table_stops_the_check(tmp_path, capsys, name, content, message):
    folder = proeftuin(tmp_path)
    if content is None:
        write_xlsx(folder / name, [])
    else:
        (folder / name).write_bytes(content)
    outcome = checked(folder, capsys)
    assert outcome.code == 2
    assert outcome.err == f"Fout: {message}\n"


def test_an_empty_optional_table_is_a_notice(tmp_path, capsys):
    folder = proeftuin(tmp_path)
    (folder / "casussen.csv").write_text(";".join(HEADER) + "\nC1;individueel;GGZ;05-09-2016;;aangemeld\n")
    (folder / "metingen.csv").write_bytes(b"")
    outcome = checked(folder, capsys)
    assert outcome.code == 0
    assert accounting(outcome, "metingen") == (0, 0, 0)
    assert notices(outcome) == ["het bestand is leeg: geen kopregel en geen rijen voor 'metingen'"]


# --- 9. inputs are never modified (also checked by ``checked`` in every test above) -----


def test_reading_opens_input_files_for_reading_only(tmp_path, capsys, monkeypatch):
    """Beyond equal hashes: no input file is ever opened for writing, and none is touched."""
    folder = proeftuin(tmp_path)
    write_xlsx(folder / "casussen.xlsx", TITLED)
    (folder / "metingen.csv").write_text("casus_id;meetmoment;welbevinden\nT1;voor;#N/B\n", encoding="utf-8")
    stamps = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    opened = []
    real_open = io.open

    def spy(file, mode="r", *args, **kwargs):
        if isinstance(file, (str, Path)) and Path(file).parent == folder:
            opened.append((Path(file).name, mode))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(io, "open", spy)  # Path.open, zipfile and openpyxl open files through io.open
    monkeypatch.setattr(builtins, "open", spy)
    outcome = checked(folder, capsys)
    monkeypatch.undo()
    assert outcome.code == 1
    assert errors(outcome)[("metingen.csv", None, 2, "welbevinden", "#N/B")] == _excel_error_message("#N/B")
    assert {name for name, _ in opened} == {"casussen.xlsx", "metingen.csv", "proeftuin.yml"}
    assert all(set(mode) <= {"r", "b", "t"} for _, mode in opened), opened
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == stamps
    assert sorted(p.name for p in folder.iterdir()) == ["casussen.xlsx", "metingen.csv", "proeftuin.yml"]


def test_dates_in_refused_rows_stay_as_written(tmp_path, capsys):
    """A refused row is kept as read, with real date cells as dates, so nothing is lost."""
    folder = proeftuin(tmp_path)
    write_xlsx(folder / "casussen.xlsx", [HEADER, ["D1", "individueel", "#N/A", dt.datetime(2017, 1, 9), None, "aangemeld"]])
    outcome = checked(folder, capsys)
    refused = outcome.dataset.refused["casussen"]
    assert refused.loc[2, "Aanmelddatum"] == dt.datetime(2017, 1, 9)
    assert refused.loc[2, "Organisatie"] == "#N/A"
    assert refused.loc[2, "redenen"] == "organisatie: " + _excel_error_message("#N/A")


def test_a_relative_folder_that_does_not_exist_says_where_it_was_looked_for(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(lg.OnleesbareData, match=f"De map geen_map bestaat niet \\(gezocht vanuit {tmp_path}\\)"):
        lg.load("geen_map")
