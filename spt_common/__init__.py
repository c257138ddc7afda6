"""The core both sides share: the sync wire format (``protocol``), the synced entities
(``entities``), the domain's codes and labels (``enums``), the monitor's figures
(``monitor_figures``), Dutch name order (``names``) and the BSN detector (``bsn``) both
sides refuse with.

Standard library and pydantic only, so the server installs and imports it without the
desktop's stack (Qt, SQLCipher, ReportLab); tests/test_architecture.py holds it to that.
"""
