"""The data contract as a Frictionless Data Package descriptor (Table Schema per table).

``package(folder=None)``: without a folder, the contract itself: one resource per table
(``<table>.csv``), fields named as the contract names them, in its order. With a proeftuin
folder: that proeftuin's CSV files as they are, each field named by its header as the team
wrote it and in the file's order, with the separator and encoding the file has and the
proeftuin.yml lists (levensdomeinen, wijken, ontwerpprincipes) as constraints; validate it with
``frictionless validate DESCRIPTOR --basepath FOLDER``.

What Table Schema can say: types, required, unique, minimum/maximum, a pattern, primary and
foreign keys, the decimal comma and thousands point. What it cannot, and ``leergeschiedenis
check`` does (see ``NOT_EXPRESSED``): one date format only (dd-mm-jjjj here; we also read
dd/mm/jjjj, jjjj-mm-dd and a time after the date), one decimal separator (the comma; we also
read 7.5 and refuse 1.040 as ambiguous), identifiers that ignore case and invisible spaces,
rules across columns, references to and uniqueness among accepted rows only, and defaults
filled in.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .cells import MAX_JAAR, MIN_JAAR
from .config import Config
from .contract import JA, NEE, ORDER, TABLES, Column, Table
from .names import fold_name

PROFILE = "tabular-data-package"

NOT_EXPRESSED = (
    "Datums: één notatie per kolom (dd-mm-jjjj, of die van het bestand); leergeschiedenis check leest dd-mm-jjjj, "
    "dd/mm/jjjj en jjjj-mm-dd door elkaar, met een tijd erna.",
    "Getallen: één decimaalteken per kolom (de komma, of de punt van het bestand); check leest beide en weigert 1.040 als dubbelzinnig.",
    "Identificaties: check negeert hoofdletters en (onzichtbare) spaties bij uniek en verwijzingen; Table Schema vergelijkt exact.",
    "Keuzes en lijsten: check vergelijkt zonder accenten, hoofdletters en leestekens; het patroon hier kent alleen de gewone accenten (é, ë, ï, ...).",
    "Regels over kolommen (datumvolgorde, delen niet meer dan het totaal, minstens één tekst), "
    "spinnenweb-items en hun gemiddelde, en een standaardwaarde voor lege cellen staan niet in Table Schema.",
    "Een verwijzing moet bij check naar een geaccepteerde rij wijzen, en uniek telt bij check alleen de geaccepteerde "
    "rijen (na een geweigerde rij telt de volgende met dezelfde sleutel); Table Schema kijkt naar alle rijen.",
    "Uniek over een kolom die leeg mag zijn (zoals wijk) kan Table Schema v1 niet als sleutel zeggen.",
    "Excel-foutwaarden (#N/B, #DEEL/0!) in een tekstkolom weigert check; Table Schema niet.",
)

_ACCENTS = {"a": "áàäâ", "e": "éèëê", "i": "íìïî", "o": "óòöô", "u": "úùüû", "c": "ç", "n": "ñ"}
_GAP = "[^A-Za-z0-9]*"


def _letter(ch: str) -> str:
    if ch.isdigit():
        return ch
    return f"[{ch}{ch.upper()}{_ACCENTS.get(ch, '')}{_ACCENTS.get(ch, '').upper()}]"


def _folded_pattern(value: str) -> str:
    """A regular expression for a value as ``fold_name`` compares it: case and punctuation free."""
    return _GAP + _GAP.join(_letter(ch) for ch in fold_name(value)) + _GAP


def _choice_pattern(allowed: tuple[str, ...], as_list: bool) -> str:
    one = "(?:" + "|".join(_folded_pattern(a) for a in allowed) + ")"
    if not as_list:
        return one
    return rf"\s*{one}?(?:\s*,\s*{one}?)*\s*"


def _bool_values(words: tuple[str, ...]) -> list[str]:
    return sorted({v for w in words for v in (w, w.capitalize(), w.upper())})


# the date formats Table Schema can be given, one per field: the one a file's column uses
DATE_FORMATS = {
    "%d-%m-%Y": re.compile(r"^\d{1,2}-\d{1,2}-\d{4}$"),
    "%Y-%m-%d": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "%d/%m/%Y": re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$"),
}
_POINT_DECIMAL = re.compile(r"^[+-]?\d*\.\d+$")


def file_formats(table: Table, cells_read) -> dict[str, dict]:
    """Per date or number column of a file, the format its filled cells use: the date format most
    of them have, or the decimal point when no cell has a comma."""
    out: dict[str, dict] = {}
    for column in table.columns:
        if column.name not in cells_read.columns or column.kind not in ("date", "number"):
            continue
        values = [str(v).strip() for v in cells_read[column.name].dropna().unique().tolist() if str(v).strip()]
        if column.kind == "date":
            counts = {f: sum(bool(pattern.match(v)) for v in values) for f, pattern in DATE_FORMATS.items()}
            best = max(counts, key=counts.get)  # the format most cells use: a cell in another is an error there
            if counts[best]:
                out[column.name] = {"format": best}
        elif any(_POINT_DECIMAL.match(v) for v in values) and not any("," in v for v in values):
            out[column.name] = {"decimalChar": ".", "groupChar": ""}
    return out


def field(column: Column, config: Config | None = None, name: str | None = None, fmt: dict | None = None) -> dict:
    """The Table Schema field of a contract column (named ``name``, the file's header, when given;
    ``fmt`` a date format or decimal point the file uses, see ``file_formats``)."""
    out: dict = {"name": name or column.name, "title": column.name}
    if column.description:
        out["description"] = column.description
    constraints: dict = {}
    allowed = column.allowed or (config.allowed_values(column.allowed_from) if config and column.allowed_from else ())
    match column.kind:
        case "date":
            out.update(type="date", format=(fmt or {}).get("format", "%d-%m-%Y"))
            lowest, highest = dt.date(MIN_JAAR, 1, 1), dt.date(MAX_JAAR, 12, 31)
            constraints.update(minimum=lowest.strftime(out["format"]), maximum=highest.strftime(out["format"]))
        case "number" | "money":
            out.update(type="number", decimalChar=",", groupChar=".")
            if fmt and column.kind == "number":
                out.update(fmt)
                if not out["groupChar"]:
                    del out["groupChar"]
            if column.kind == "money":
                out["bareNumber"] = False  # € 1.234,56
        case "integer":
            out.update(type="integer")
        case "bool":
            out.update(type="boolean", trueValues=_bool_values(JA), falseValues=_bool_values(NEE))
        case "enum" | "list":
            out["type"] = "string"
            if allowed:
                constraints["pattern"] = _choice_pattern(tuple(allowed), column.kind == "list")
        case _:
            out["type"] = "string"
    if column.required:
        constraints["required"] = True
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if column.maximum is not None:
        constraints["maximum"] = column.maximum
    if constraints:
        out["constraints"] = constraints
    return out


def _item_field(name: str) -> dict:
    return {
        "name": name,
        "type": "number",
        "decimalChar": ",",
        "groupChar": ".",
        "constraints": {"minimum": 0, "maximum": 10},
    }


def schema(
    table: Table,
    config: Config | None = None,
    headers: dict[str, str] | None = None,
    others: dict[str, dict[str, str]] | None = None,
    formats: dict[str, dict] | None = None,
) -> dict:
    """Table Schema of ``table``; with ``headers`` (contract column or item -> the file's header,
    in the file's order) the fields of that file, and foreign keys only to the tables in
    ``others`` (table -> its headers)."""
    if headers is None:
        fields = [field(c, config) for c in table.columns]
        named = {c.name: c.name for c in table.columns}
    else:
        known = set(table.column_names)
        fields = []
        for name, shown in headers.items():
            if name in known:
                fields.append(field(table.column(name), config, shown, (formats or {}).get(name)))
            elif table.items_of and re.fullmatch(r"[a-z_]+_\d+", name):
                fields.append(_item_field(shown))
            else:
                fields.append({"name": shown, "type": "any"})  # kept, not checked
        named = dict(headers)
    out: dict = {"fields": fields, "missingValues": [""]}
    keys = list(table.unique)
    if keys and all(k in named for k in keys):
        if len(keys) == 1:
            for f in fields:
                if f["name"] == named[keys[0]]:
                    f.setdefault("constraints", {})["unique"] = True
        if all(table.column(k).required for k in keys):
            out["primaryKey"] = [named[k] for k in keys]
    foreign = []
    for ref in table.references:
        if others is None:
            target = ref.target
        elif ref.table in others and ref.target in others[ref.table]:
            target = others[ref.table][ref.target]
        else:
            continue
        if ref.column in named:
            foreign.append({"fields": named[ref.column], "reference": {"resource": ref.table, "fields": target}})
    if foreign:
        out["foreignKeys"] = foreign
    return out


def package(folder: str | Path | None = None) -> dict:
    """The Data Package descriptor: of the contract, or of one proeftuin folder's CSV files."""
    resources = []
    if folder is None:
        for name in ORDER:
            table = TABLES[name]
            resources.append(_resource(name, f"{name}.csv", schema(table), ";", "utf-8-sig"))  # with or without BOM
        title = "Datacontract leergeschiedenis"
    else:
        resources, title = _folder_resources(Path(folder))
    return {
        "profile": PROFILE,
        "name": "leergeschiedenis",
        "title": title,
        "description": "Gemaakt door `leergeschiedenis contract --frictionless` uit het datacontract (contract.py). "
        "Wat Table Schema niet kan zeggen en `leergeschiedenis check` wel controleert: " + " ".join(NOT_EXPRESSED),
        "resources": resources,
    }


def _resource(name: str, path: str, table_schema: dict, delimiter: str, encoding: str) -> dict:
    return {
        "name": name,
        "path": path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "encoding": encoding,
        "dialect": {"delimiter": delimiter},
        "schema": table_schema,
    }


def _folder_resources(folder: Path) -> tuple[list[dict], str]:
    """One resource per CSV table of the folder, fields as its header row has them."""
    from .config import load_config
    from .dataset import config_path
    from .read import _csv_encoding, detect_separator, find_sources, read_table

    config, _ = load_config(config_path(folder))
    sources, _ = find_sources(folder)
    names = [n for n in ORDER if n in sources and sources[n].sheet is None and sources[n].path.suffix.lower() == ".csv"]
    headers, formats = {}, {}
    for name in names:
        raw = read_table(name, sources[name])
        headers[name] = {c: raw.headers.get(c, c) for c in raw.cells.columns}
        formats[name] = file_formats(TABLES[name], raw.cells)
    resources = []
    for name in names:
        path = sources[name].path
        encoding, _ = _csv_encoding(path)
        with path.open("rb") as f:
            head = f.read(64 * 1024).decode(encoding, errors="replace")
        delimiter = detect_separator(head, [c.name for c in TABLES[name].columns if c.required])
        table_schema = schema(TABLES[name], config, headers[name], headers, formats[name])
        resources.append(_resource(name, path.name, table_schema, delimiter, encoding))
    return resources, f"{config.naam}: de bestanden getoetst aan het datacontract leergeschiedenis"
