"""Every error a user can act on, in one place: a stable ``reason`` code, the exit code the
command line gives, and a Dutch message that says what to fix.

The command line maps an error to its exit code by type (``exit_code``), never by
comparing messages: 2 means "cannot be read or cannot start", 1 "done, but something failed".
"""


class LeergeschiedenisError(Exception):
    """Base of every error this package raises on purpose."""

    reason = "leergeschiedenis"
    exit_code = 1


class OnleesbareData(LeergeschiedenisError):
    """The data cannot be read at all: missing folder or required file, invalid
    proeftuin.yml, a table given twice. ``leergeschiedenis check`` exits with 2."""

    reason = "onleesbare_data"
    exit_code = 2


class OngeldigeOpdracht(LeergeschiedenisError):
    """Options that do not go together on the command line (``check --alle --export``)."""

    reason = "ongeldige_opdracht"
    exit_code = 2


class OnbekendeOrganisatie(LeergeschiedenisError):
    """An organisation filter that matches no organisation of the proeftuin; the message lists the known ones."""

    reason = "onbekende_organisatie"
    exit_code = 2


class VerslagMislukt(LeergeschiedenisError):
    """Rendering a report failed; the message names the chapter."""

    reason = "verslag_mislukt"
    exit_code = 1


class ClusterOnbereikbaar(LeergeschiedenisError):
    """The Dask scheduler cannot be reached, or has no workers."""

    reason = "cluster_onbereikbaar"
    exit_code = 2


class OngeldigExportpad(LeergeschiedenisError):
    """The problem workbook cannot go where it was asked to go."""

    reason = "ongeldig_exportpad"
    exit_code = 2


class OnveiligAdres(LeergeschiedenisError):
    """The dashboard was asked to listen beyond this machine without a token."""

    reason = "onveilig_adres"
    exit_code = 2


class PoortBezet(LeergeschiedenisError):
    """The dashboard's port is taken (another dashboard, another program): it does not move to another
    port, as Voila would, while the command names the one asked for."""

    reason = "poort_bezet"
    exit_code = 2


class GeenBrowser(LeergeschiedenisError):
    """A PDF needs Chromium, and none was found."""

    reason = "geen_browser"
    exit_code = 2


class OngeldigVoorbeeld(LeergeschiedenisError):
    """The sample generator would write data that breaks its own promises (the shapes of DESIGN.md,
    headers the reader maps back to the contract, CSV fields that need no quoting); it stops instead."""

    reason = "ongeldig_voorbeeld"
    exit_code = 2


class BestandBestaatAl(LeergeschiedenisError):
    """A file the command would write is already there (a registration workbook, a proeftuin.yml);
    it is never replaced without being asked (``--overschrijven``)."""

    reason = "bestand_bestaat_al"
    exit_code = 2


class SchrijvenMislukt(LeergeschiedenisError):
    """A file cannot be written where it was asked to go: no permission, a folder that is a file,
    a workbook open in Excel. The message names the path and the reason."""

    reason = "schrijven_mislukt"
    exit_code = 2


class JaarZonderGegevens(LeergeschiedenisError):
    """A year without any dated registration (case, session, card, spinnenweb): there is nothing to report
    or compute about it. The message names the years that have data."""

    reason = "jaar_zonder_gegevens"
    exit_code = 2


class OnbekendeKolom(LeergeschiedenisError, KeyError):
    """A column a table does not have (``d.casussen["aanmeld_datum"]``): the message names the nearest
    column and the ones there are. A KeyError too, so code that catches KeyError keeps working."""

    reason = "onbekende_kolom"
    exit_code = 2

    __str__ = LeergeschiedenisError.__str__  # the message, not KeyError's repr of it
