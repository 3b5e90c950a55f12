"""`python -m gateway.evaluation eval …` until the main CLI registers the eval commands."""

from __future__ import annotations

import argparse
import sys

from gateway.evaluation.cli import register


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wardgate")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
