"""Errors a user can act on, each saying in Dutch what to fix."""


class LeergeschiedenisError(Exception):
    """Base of every error this package raises on purpose."""

    reason = "leergeschiedenis"


class OnleesbareData(LeergeschiedenisError):
    """The data cannot be read at all: missing folder or required file, invalid
    proeftuin.yml, a table given twice. ``leergeschiedenis check`` exits with 2."""

    reason = "onleesbare_data"


class OnbekendeOrganisatie(LeergeschiedenisError):
    """An organisation filter that matches no organisation of the proeftuin; the message lists the known ones."""

    reason = "onbekende_organisatie"


class OngeldigVoorbeeld(LeergeschiedenisError):
    """The sample generator would write data that breaks its own promises (the shapes of DESIGN.md,
    headers the reader maps back to the contract, CSV fields that need no quoting); it stops instead."""

    reason = "ongeldig_voorbeeld"
