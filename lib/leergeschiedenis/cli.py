"""The command line: a thin shell over the library, Dutch for the people who use it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import LeergeschiedenisError, OngeldigExportpad


def _load(args: argparse.Namespace):
    """The proeftuin of ``args.data_dir``; an unreadable one raises OnleesbareData (exit 2, see ``main``)."""
    from .dataset import load

    return load(args.data_dir)


def _error_json(e: LeergeschiedenisError) -> dict:
    """An error as ``check --json`` gives it: its stable reason code and its Dutch line."""
    return {"reden": e.reason, "melding": str(e)}


def _print_json(data: dict) -> None:
    from .privacy import strict_dumps

    sys.stdout.write(strict_dumps(data, indent=2) + "\n")


def _check(args: argparse.Namespace) -> int:
    """``check``: with ``--json`` stdout is JSON at every exit code, an error inside it (``fout``)
    besides its Dutch line on stderr (``main``)."""
    from .problem_text import problems_as_text

    if args.alle:
        return _check_all(args)
    try:
        dataset = _load(args)
    except LeergeschiedenisError as e:
        if args.json:
            _print_json({"fout": _error_json(e), "tabellen": {}, "problemen": []})
        raise
    failed, written = None, None
    if args.export:
        from .export import export_problems

        try:
            written = export_problems(dataset, args.export)
        except (OngeldigExportpad, OSError) as e:
            reason = e.strerror if isinstance(e, OSError) and e.strerror else e
            failed = OngeldigExportpad(f"de werkmap {args.export} kan niet geschreven worden: {reason}")
            failed.__cause__ = e
    if args.json:
        _print_json(({"fout": _error_json(failed)} if failed else {}) | dataset.as_check_json())
    else:
        sys.stdout.write(problems_as_text(dataset))
    if failed is not None:
        raise failed
    if written is not None:
        print(f"Werkmap met de geweigerde rijen en hun redenen geschreven: {written.resolve()}", file=sys.stderr)
    return 1 if dataset.n_refused else 0


def _check_all(args: argparse.Namespace) -> int:
    """Every proeftuin under a root in one run: a line each, the exit code the worst of them
    (0 all rows accepted, 1 rows refused, 2 a proeftuin that cannot be read)."""
    try:
        return _check_all_folders(args)
    except LeergeschiedenisError as e:
        if args.json:
            _print_json({"fout": _error_json(e), "proeftuinen": {}})
        raise


def _check_all_folders(args: argparse.Namespace) -> int:
    from .bulk import load_all
    from .dataset import proeftuin_folders
    from .errors import OngeldigeOpdracht, OnleesbareData
    from .problem_text import summary_line

    if args.export:
        raise OngeldigeOpdracht("--export schrijft de geweigerde rijen van één proeftuin; laat --alle weg.")
    root = Path(args.data_dir)
    if not root.is_dir():
        raise OnleesbareData(f"De map {root} bestaat niet: geef een map met proeftuinmappen (elk met proeftuin.yml).")
    folders = proeftuin_folders(root)
    if not folders:
        hint = "; het is zelf een proeftuin: laat --alle weg" if (root / "proeftuin.yml").is_file() else ""
        raise OnleesbareData(f"In {root} staat geen proeftuinmap (een map met proeftuin.yml){hint}.")
    results = load_all(root, folders)
    codes = {name: 2 if isinstance(r, OnleesbareData) else 1 if r.n_refused else 0 for name, r in results.items()}
    if args.json:
        out = {}
        for name, r in results.items():
            if isinstance(r, OnleesbareData):
                # what `check <map> --json` gives, and the reason as before under "onleesbaar"
                out[name] = {"onleesbaar": str(r), "fout": _error_json(r), "tabellen": {}, "problemen": []}
            else:
                out[name] = r.as_check_json()
        _print_json({"proeftuinen": out})
    else:
        width = max(len(name) for name in results)
        for name, r in results.items():
            sys.stdout.write(f"{name:<{width}}  {summary_line(r)}\n")
        n = [sum(c == code for c in codes.values()) for code in (0, 1, 2)]
        sys.stdout.write(
            f"\n{len(results)} {'proeftuin' if len(results) == 1 else 'proeftuinen'}: {n[0]} zonder geweigerde rijen, "
            f"{n[1]} met geweigerde rijen, {n[2]} onleesbaar. "
            f"Alle problemen van één proeftuin: leergeschiedenis check {root / '<map>'}\n"
        )
    return max(codes.values())


def _sample(args: argparse.Namespace) -> int:
    from .errors import OngeldigVoorbeeld
    from .sample import write_sample

    if args.schaal < 1:
        print("Fout: --schaal moet minstens 1 zijn.", file=sys.stderr)
        return 2
    try:
        written = write_sample(Path(args.out_dir), schaal=args.schaal)
    except OngeldigVoorbeeld as e:
        print(f"Fout: de voorbeeldgegevens zouden niet kloppen: {e}.", file=sys.stderr)
        return 2
    print(f"{len(written)} bestanden geschreven in {args.out_dir}")
    return 0


def _kerncijfers(args: argparse.Namespace) -> int:
    from .key_figures import kerncijfers
    from .publish import organisation_named

    dataset = _load(args)
    organisatie = None if args.organisatie is None else organisation_named(dataset, args.organisatie)
    _print_json(kerncijfers(dataset, args.year, organisatie))
    return 0


def _privacy(args: argparse.Namespace) -> int:
    from .verantwoording import text

    sys.stdout.write(text(_load(args), args.jaar))
    return 0


def _report(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if args.all:
        if args.scheduler:
            from .distributed import render_all_distributed

            results = render_all_distributed(args.data_dir, out, args.scheduler, force=args.force, pdf=args.pdf)
        else:
            from .batch import render_all

            results = render_all(args.data_dir, out, jobs=args.jobs, force=args.force, pdf=args.pdf)
        made = sum(not r.skipped for r in results)
        print(f"{made} {'verslag' if made == 1 else 'verslagen'} gemaakt, {len(results) - made} ongewijzigd overgeslagen.")
        print(f"Overzicht: {(out / 'index.html').resolve()}")
        return 0
    if args.year is None:
        print("Fout: geef een verslagjaar met --year, of gebruik --all voor alle proeftuinen en jaren.", file=sys.stderr)
        return 2
    from .engine import REPORT_NOTEBOOK, WarmKernel

    notebook = args.notebook or REPORT_NOTEBOOK
    # the kernel starts (and imports the library) while this process imports and reads the data
    warm = WarmKernel().start(Path(notebook).parent)
    try:
        from .batch import write_index
        from .report import render

        result = render(
            args.data_dir,
            args.year,
            out,
            pdf=args.pdf,
            force=args.force,
            progress=sys.stderr.isatty(),
            notebook=notebook,
            warm=warm,
        )
    finally:
        warm.close()
    write_index(out)
    state = "ongewijzigd; niet opnieuw gemaakt" if result.skipped else "gemaakt"
    print(f"Leergeschiedenis {result.proeftuin} {result.jaar} {state}: {result.html.resolve()}")
    return 0


def _dashboard(args: argparse.Namespace) -> int:
    from .server import serve

    return serve(
        args.data_root, host=args.host, port=args.port, token=args.token, kernels=args.kernels, allow_hosts=args.allow_host
    )


def _host_name(text: str) -> str:
    from .hosts import host_name

    try:
        return host_name(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _kernels(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"geef een geheel getal van 0 of meer, niet {text!r}")
    return n


def _contract(args: argparse.Namespace) -> int:
    from .contract import contract_markdown

    if args.frictionless:
        from .tableschema import package

        if args.data_dir is not None and not Path(args.data_dir).is_dir():
            from .errors import OnleesbareData

            raise OnleesbareData(f"De map {args.data_dir} bestaat niet: geef de map van een proeftuin (met proeftuin.yml).")
        _print_json(package(args.data_dir))
        return 0
    if args.data_dir is not None:
        print("Fout: een map geef je alleen met --frictionless.", file=sys.stderr)
        return 2
    sys.stdout.write(contract_markdown())
    return 0


def _sjabloon(args: argparse.Namespace) -> int:
    from .sjabloon import write_template

    path = write_template(args.map, args.uit, overwrite=args.overschrijven)
    print(f"Registratiewerkmap geschreven: {path.resolve()}")
    return 0


def _nieuw(args: argparse.Namespace) -> int:
    import datetime as dt

    from .sjabloon import new_proeftuin, next_steps

    written = new_proeftuin(args.map, args.naam)
    print(f"Nieuwe proeftuin '{args.naam}' gemaakt in {Path(args.map).resolve()}:")
    for path in written:
        print(f"  {path.name}")
    print("Zo ga je verder:")
    for i, step in enumerate(next_steps(Path(args.map), dt.date.today().year), start=1):
        print(f"  {i}. {step}")
    return 0


class _UsageError(Exception):
    """argparse's complaint about the command line (printed as argparse does, exit 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse, its usage error raised instead of exiting, so ``check --json`` can answer in JSON."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: error: {message}")


def _wants_json(argv: list[str]) -> bool:
    return "check" in argv and "--json" in argv


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="leergeschiedenis",
        description="Van de registraties van een proeftuin naar de jaarlijkse leergeschiedenis.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="OPDRACHT")

    check = sub.add_parser("check", help="controleer de gegevens van een proeftuin tegen het datacontract")
    check.add_argument(
        "data_dir",
        metavar="DATA_DIR",
        help="map van één proeftuin (met proeftuin.yml), of met --alle een map met proeftuinmappen",
    )
    check.add_argument("--json", action="store_true", help="schrijf het resultaat als JSON")
    check.add_argument("--export", metavar="PAD", help="schrijf de geweigerde rijen met hun redenen naar een Excel-werkmap")
    check.add_argument(
        "--alle",
        "--all",
        dest="alle",
        action="store_true",
        help="controleer alle proeftuinen onder DATA_DIR (een map met proeftuinmappen) in één keer, met een regel per proeftuin",
    )
    check.set_defaults(func=_check)

    sample = sub.add_parser("sample", help="schrijf synthetische voorbeeldgegevens (Ruwaard en Deurne)")
    sample.add_argument("out_dir", metavar="OUT_DIR", help="map waarin de proeftuinmappen komen")
    sample.add_argument("--schaal", type=int, default=1, metavar="N", help="zoveel proeftuinen (1 = de gewone voorbeeldgegevens)")
    sample.set_defaults(func=_sample)
    kern = sub.add_parser("kerncijfers", help="de kerncijfers van één jaar als JSON, na de privacytoets")
    kern.add_argument("data_dir", metavar="DATA_DIR", help="map van één proeftuin (met proeftuin.yml)")
    kern.add_argument(
        "--year", "--jaar", type=int, required=True, dest="year", metavar="JAAR", help="verslagjaar, bijvoorbeeld 2017"
    )
    kern.add_argument(
        "--organisatie",
        "--organisation",
        dest="organisatie",
        metavar="NAAM",
        help="alleen de casussen en kaarten van deze organisatie: dezelfde cijfers als het dashboard met dat filter",
    )
    kern.set_defaults(func=_kerncijfers)

    privacy = sub.add_parser("privacy", help="de privacyverantwoording van één jaar: wat getoond en verborgen is, en waarom")
    privacy.add_argument("data_dir", metavar="DATA_DIR", help="map van één proeftuin (met proeftuin.yml)")
    privacy.add_argument(
        "--jaar", "--year", type=int, required=True, dest="jaar", metavar="JAAR", help="verslagjaar, bijvoorbeeld 2017"
    )
    privacy.set_defaults(func=_privacy)
    report = sub.add_parser("report", help="maak de jaarlijkse leergeschiedenis (HTML, notebook, kerncijfers.json, PDF)")
    report.add_argument("data_dir", metavar="DATA_DIR", help="map van één proeftuin, of met --all een map met proeftuinmappen")
    report.add_argument("--year", "--jaar", type=int, dest="year", metavar="JAAR", help="verslagjaar")
    report.add_argument("--out", default="reports", metavar="DIR", help="uitvoermap (standaard: reports/)")
    report.add_argument("--pdf", action="store_true", help="maak ook een PDF (vraagt Chromium)")
    report.add_argument(
        "--all", action="store_true", help="alle proeftuinen en jaren onder DATA_DIR, met een overzicht index.html"
    )
    report.add_argument("--jobs", type=int, default=1, metavar="N", help="zoveel verslagen tegelijk (met --all)")
    report.add_argument(
        "--scheduler",
        metavar="ADRES",
        help="laat een Dask-cluster de verslagen maken (met --all), bijvoorbeeld tcp://10.0.0.5:8786",
    )
    report.add_argument("--force", action="store_true", help="maak ook verslagen waarvan de invoer niet veranderde")
    report.add_argument("--notebook", type=Path, default=None, metavar="IPYNB", help="een eigen variant van het verslagnotebook")
    report.set_defaults(func=_report)

    dash = sub.add_parser("dashboard", help="start het dashboard (Voila) voor managers, op 127.0.0.1")
    dash.add_argument(
        "data_root",
        nargs="?",
        metavar="DATA_ROOT",
        help="map met proeftuinmappen (standaard: de voorbeeldgegevens van de broncode)",
    )
    dash.add_argument("--port", type=int, default=8866, help="poort (standaard 8866)")
    dash.add_argument("--host", default="127.0.0.1", help="adres om op te luisteren; alles behalve 127.0.0.1 vraagt een token")
    dash.add_argument("--token", help="toegangstoken (of LEERGESCHIEDENIS_TOKEN; 'genereer' maakt er een)")
    dash.add_argument(
        "--kernels",
        type=_kernels,
        default=8,
        metavar="N",
        help="zoveel kernels staan klaar, elk ongeveer 300 MB (standaard 8: een overleg van acht; 0: elke pagina start er een)",
    )
    dash.add_argument(
        "--allow-host",
        type=_host_name,
        action="append",
        default=[],
        metavar="NAAM",
        help="het dashboard antwoordt ook op deze hostnaam (herhaalbaar), bijvoorbeeld de naam die de proxy doorgeeft; "
        "standaard alleen localhost, 127.0.0.1, ::1 en --host: andere namen krijgen 403 (bescherming tegen DNS-rebinding)",
    )
    dash.set_defaults(func=_dashboard)

    contract = sub.add_parser("contract", help="toon het datacontract: alle tabellen, kolommen en regels")
    contract.add_argument(
        "data_dir",
        nargs="?",
        metavar="DATA_DIR",
        help="met --frictionless: de bestanden van deze proeftuin, met hun eigen kopregels, scheidingsteken en notaties",
    )
    contract.add_argument(
        "--frictionless",
        action="store_true",
        help="schrijf het contract als Frictionless Data Package (JSON, Table Schema per tabel) voor `frictionless validate`",
    )
    contract.set_defaults(func=_contract)

    sjabloon = sub.add_parser("sjabloon", help="schrijf de registratiewerkmap (registratie.xlsx) van een proeftuin")
    sjabloon.add_argument("map", metavar="MAP", help="map van één proeftuin (met proeftuin.yml)")
    sjabloon.add_argument("--uit", metavar="BESTAND", help="schrijf de werkmap hierheen (standaard: MAP/registratie.xlsx)")
    sjabloon.add_argument(
        "--overschrijven", action="store_true", help="vervang een bestaande werkmap (wat erin staat gaat verloren)"
    )
    sjabloon.set_defaults(func=_sjabloon)

    nieuw = sub.add_parser("nieuw", help="begin een nieuwe proeftuin: een map met proeftuin.yml en registratie.xlsx")
    nieuw.add_argument("map", metavar="MAP", help="de map van de nieuwe proeftuin (wordt gemaakt)")
    nieuw.add_argument("--naam", required=True, metavar="NAAM", help='de naam van de proeftuin, bijvoorbeeld "Proeftuin De Wijk"')
    nieuw.set_defaults(func=_nieuw)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = build_parser().parse_args(argv)
    except _UsageError as e:
        print(e, file=sys.stderr)
        if _wants_json(argv):
            _print_json({"fout": {"reden": "ongeldige_opdracht", "melding": str(e)}, "tabellen": {}, "problemen": []})
        raise SystemExit(2) from None
    try:
        return args.func(args)
    except LeergeschiedenisError as e:  # one Dutch line; the exit code belongs to the error's type
        print(f"Fout: {e}", file=sys.stderr)
        return e.exit_code
    except BrokenPipeError:  # `leergeschiedenis ... | head` is fine
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
