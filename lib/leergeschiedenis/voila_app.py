"""Voila as the dashboard runs it (``python -m leergeschiedenis.voila_app NOTEBOOK``): Voila itself,
with its responses compressed. Tornado adds its gzip transform only when ``compress_response`` is
set as the Application is made; Voila applies its ``tornado_settings`` after that, too late."""

from __future__ import annotations

from voila.app import Voila


class DashboardVoila(Voila):
    def init_settings(self) -> dict:
        # about 10 MB of JavaScript and CSS for a first page: gzip sends a quarter of it
        return {**super().init_settings(), "compress_response": True}


main = DashboardVoila.launch_instance

if __name__ == "__main__":
    main()
