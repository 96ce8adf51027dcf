"""Diplomatic Discourse Notebooks: the helper package behind the notebooks.

Measures sentiment, framing and diplomatic language in news about
international politics, with the evidence for every score. Modules, in the
order data flows through them: ``paths``, ``errors``, ``resources``,
``corpus``, ``text``, ``lexicons``, ``actors``, ``sentiment``, ``framing``,
``diplomacy``, ``highlight``, ``plots``, ``provenance``, ``score``,
``validation``, ``batch``, ``cli``.

Importing the package is cheap: heavy libraries are imported where used.
"""

__version__ = "0.1.0"
