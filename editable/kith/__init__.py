"""Provides the ``kith`` namespace for an editable install (``pip install -e .``) only.

The wheel maps the top-level ``store/`` and ``tui/`` folders to ``kith.store`` and ``kith.tui``.
Editable installs cannot rename folders that way (hatchling refuses a prefix-adding ``sources``
rewrite), so the editable ``.pth`` adds this folder instead and this package looks for its
subpackages in the repository's root. Never shipped in the wheel.
"""

from pathlib import Path

__path__ = [str(Path(__file__).resolve().parents[2])]
