"""Which ``Host`` names the dashboard answers to: its defence against DNS rebinding.

A web page on ``rebind.example`` whose name is rebound to 127.0.0.1 reaches the dashboard from
a manager's own browser, with ``Origin`` and ``Host`` both ``rebind.example``: the Origin check
passes, so only the Host name tells such a request apart. As Jupyter Server does with
``allow_remote_access = False`` (and tornado's documentation advises: host patterns instead of
``.*``), the dashboard answers only to the names it is reached by: ``localhost``, loopback
addresses, the address given with ``--host`` and the names given with ``--allow-host``
(the name a proxy passes on, for one). An address as Host cannot be rebound, so when the
dashboard listens on every address (``--host 0.0.0.0``) every address is accepted, and the
machine's own name (Voila prints ``http://MACHINE:PORT/``); other names still have to be allowed.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
ANY_ADDRESS = ("", "0.0.0.0", "::")  # what --host means by "every address"

_LABEL = r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?"
_NAME = re.compile(rf"^{_LABEL}(?:\.{_LABEL})*$")


def normalise(name: str) -> str:
    """``Dashboard.Example.nl.`` -> ``dashboard.example.nl``, ``[::1]`` -> ``::1``, ``::0:1`` -> ``::1``."""
    name = name.strip().lower().rstrip(".")
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]
    try:
        return str(ipaddress.ip_address(name))
    except ValueError:
        return name


def host_name(text: str) -> str:
    """A name or address for ``--allow-host``, normalised; ValueError (Dutch) for anything else."""
    name = normalise(text)
    try:
        ipaddress.ip_address(name)
        return name
    except ValueError:
        pass
    if len(name) > 253 or not _NAME.match(name):
        raise ValueError(
            f"{text!r} is geen hostnaam: geef een naam als dashboard.gemeente.nl of een IP-adres, zonder http:// en zonder poort"
        )
    return name


def allowed_hosts(host: str, extra: Iterable[str] = ()) -> list[str]:
    """The names and addresses the dashboard answers to when it listens on ``host``."""
    names = {normalise(n) for n in (*LOOPBACK_NAMES, *extra)}
    if normalise(host) in ANY_ADDRESS:
        names |= {normalise(n) for n in (socket.gethostname(), socket.getfqdn()) if n}
    else:
        names.add(normalise(host))
    return sorted(names)


def host_allowed(host: str, allowed: Iterable[str], any_address: bool = False) -> bool:
    """Whether a request's Host (without its port) is one the dashboard answers to: a loopback
    address, a name or address in ``allowed``, or any address when listening on every address."""
    name = normalise(host)
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return name in {normalise(a) for a in allowed}
    return address.is_loopback or any_address or name in {normalise(a) for a in allowed}
