"""Trimming nbconvert's JupyterLab stylesheet to what a report uses."""

from leergeschiedenis.stylesheet import classes_in, used_rules, used_styles

LAB = """
:root { --jp-a: 1px; --jp-b: var(--jp-c); --jp-c: red; --jp-icon-x: url(data:image/svg+xml;base64,AAAA); --jp-unused: 3 }
.jp-Cell, .jp-FileBrowser .x { color: var(--jp-b); margin: var(--jp-a) }
.jp-FileBrowser { background: var(--jp-icon-x) }
@media print { .jp-Cell { display: block } .jp-Menu { display: none } }
.jp-Cell:not(.jp-mod-dark) > p, :is(.jp-Menu, .jp-Cell) { padding: 0 }
body { margin: 0 }
"""
THEME = ":root { --jp-d: 2px; --jp-e: 1 } .jp-Cell { border: var(--jp-d) !important }"


def test_classes_are_read_from_class_attributes():
    assert classes_in("""<div class="jp-Cell  jp-mod-noInput"><p class='lg-twee'>x</p></div>""") == {
        "jp-Cell",
        "jp-mod-noInput",
        "lg-twee",
    }


def test_rules_naming_a_missing_class_go_and_the_rest_stay():
    kept = used_rules(LAB, {"jp-Cell"})
    assert ".jp-Cell { color: var(--jp-b); margin: var(--jp-a) }" in kept  # only the selector that can match
    assert ".jp-FileBrowser" not in kept and ".jp-Menu { display" not in kept
    assert "@media print {.jp-Cell { display: block }}" in kept
    # a class inside :not() or :is() is never required
    assert ".jp-Cell:not(.jp-mod-dark) > p,:is(.jp-Menu, .jp-Cell) { padding: 0 }" in kept
    assert "body { margin: 0 }" in kept


def test_custom_properties_are_kept_only_when_a_kept_rule_uses_them_even_through_another():
    lab, theme = used_styles([LAB, THEME], {"jp-Cell"})
    assert ":root { --jp-a: 1px; --jp-b: var(--jp-c); --jp-c: red }" in lab  # --jp-c is used through --jp-b
    assert "--jp-icon-x" not in lab and "--jp-unused" not in lab
    assert theme.startswith(":root { --jp-d: 2px }")  # used from the other stylesheet's rules
    assert ".jp-Cell { border: var(--jp-d) !important }" in theme


def test_a_rule_left_without_declarations_disappears():
    lab, theme = used_styles([LAB, ":root { --jp-zz: 1 }"], {"nothing"})
    assert ":root" not in lab and theme.strip() == ""  # nothing left uses a custom property
    assert lab == "\n:is(.jp-Menu, .jp-Cell) { padding: 0 }\nbody { margin: 0 }\n"


def test_custom_properties_used_elsewhere_in_the_page_are_kept():
    lab, _ = used_styles([LAB, THEME], {"nothing"}, elsewhere=".highlight { color: var(--jp-unused) }")
    assert ":root { --jp-unused: 3 }" in lab
