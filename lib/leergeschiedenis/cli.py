"""The command line: a thin shell over the library, Dutch for the people who use it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import OnleesbareData


def _check(args: argparse.Namespace) -> int:
    from .dataset import load
    from .problem_text import problems_as_text

    try:
        dataset = load(args.data_dir)
    except OnleesbareData as e:
        print(f"Fout: {e}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(dataset.as_check_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(problems_as_text(dataset))
    return 1 if dataset.n_refused else 0


def _sample(args: argparse.Namespace) -> int:
    from .sample import write_sample

    written = write_sample(Path(args.out_dir))
    print(f"{len(written)} bestanden geschreven in {args.out_dir}")
    return 0


def _contract(args: argparse.Namespace) -> int:
    from .contract import contract_markdown

    sys.stdout.write(contract_markdown())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="leergeschiedenis",
        description="Van de registraties van een proeftuin naar de jaarlijkse leergeschiedenis.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="OPDRACHT")

    check = sub.add_parser("check", help="controleer de gegevens van een proeftuin tegen het datacontract")
    check.add_argument("data_dir", metavar="DATA_DIR", help="map van één proeftuin (met proeftuin.yml)")
    check.add_argument("--json", action="store_true", help="schrijf het resultaat als JSON")
    check.set_defaults(func=_check)

    sample = sub.add_parser("sample", help="schrijf synthetische voorbeeldgegevens (Ruwaard en Deurne)")
    sample.add_argument("out_dir", metavar="OUT_DIR", help="map waarin de proeftuinmappen komen")
    sample.set_defaults(func=_sample)
    contract = sub.add_parser("contract", help="toon het datacontract: alle tabellen, kolommen en regels")
    contract.set_defaults(func=_contract)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
