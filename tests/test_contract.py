from pathlib import Path

from leergeschiedenis.contract import ORDER, TABLES, contract_markdown

ROOT = Path(__file__).parent.parent


def test_docs_are_generated_from_the_contract():
    assert (ROOT / "docs" / "datacontract.md").read_text(encoding="utf-8") == contract_markdown(), (
        "run: leergeschiedenis contract > docs/datacontract.md"
    )


def test_references_point_at_real_columns_validated_earlier():
    for table in TABLES.values():
        for ref in table.references:
            assert ref.column in table.column_names
            assert ref.target in TABLES[ref.table].column_names
            assert ORDER.index(ref.table) < ORDER.index(table.name)
        for key in table.unique:
            assert key in table.column_names


def test_confidential_columns_are_the_four_free_texts():
    confidential = {c.name for t in TABLES.values() for c in t.columns if c.confidential}
    assert confidential == {"ik_wil", "ik_kan", "ik_heb_nodig", "proeftuinoplossing"}


def test_every_table_is_validated():
    assert sorted(ORDER) == sorted(TABLES)


def test_filled_columns_name_a_setting_or_are_identifiers():
    from leergeschiedenis.config import Config

    for table in TABLES.values():
        for c in table.columns:
            if c.default_from:
                assert c.default_from in Config.model_fields, (table.name, c.name)
            if c.from_row:
                assert c.identifier and c.kind == "text" and not c.required, (table.name, c.name)
