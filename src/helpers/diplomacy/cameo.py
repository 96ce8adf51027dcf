"""CAMEO codes: names and Goldstein weights (ICEWS), roots, quad classes and PLOVER types.

``data/lexicons/cameo_goldstein.csv`` is the ICEWS project's table of CAMEO
codes with their names and Goldstein (1992) weights (andybega/icews @ 3746c72,
``data-raw/cameo-codes.csv``, columns code, name and goldstein; MIT licence).
The event coder takes every weight from it: the project no longer assigns
weights of its own.

The quad class of a root follows the usual CAMEO grouping (Gerner et al.
2002; Schrodt 2012, CAMEO manual 1.1b3): 01-05 verbal cooperation, 06-09
material cooperation, 10-14 verbal conflict, 15-20 material conflict. The
PLOVER type of a code is this project's reading of the CAMEO-to-PLOVER
crosswalk in the PLOVER codebook (Halterman et al. 2023, "PLOVER and
POLECAT"): one type per root, with the few codes whose PLOVER type differs
from their root's listed in :data:`PLOVER_BY_CODE`. Root 01 (make a public
statement) has no PLOVER type.

References
    Goldstein, J. S. (1992). Journal of Conflict Resolution 36(2), 369-385.
    Gerner, D. J., Schrodt, P. A., Yilmaz, O. & Abu-Jabr, R. (2002). CAMEO codebook.
    Halterman, A., Schrodt, P. A., Beger, A., Bagozzi, B. E. & Scarborough, G. I. (2023).
    Creating custom event data without dictionaries: a bag-of-tricks (PLOVER and POLECAT).
    Boschee, E. et al. (2015). ICEWS coded event data, Harvard Dataverse.
"""

from __future__ import annotations

import csv
from functools import cache
from typing import NamedTuple

from helpers.errors import DictionaryError
from helpers.paths import LEXICONS_DIR

__all__ = ["PLOVER_BY_CODE", "PLOVER_BY_ROOT", "QUAD_BY_ROOT", "CameoCode", "cameo_code"]

CAMEO_TABLE = LEXICONS_DIR / "cameo_goldstein.csv"

#: PLOVER type of each CAMEO root (PLOVER codebook crosswalk, one type per root).
PLOVER_BY_ROOT = {
    "01": "",
    "02": "REQUEST",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE",
    "09": "ACCUSE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}
#: Codes whose PLOVER type is not their root's: signing an agreement is AGREE,
#: military de-escalation and withdrawal are RETREAT.
PLOVER_BY_CODE = {"057": "AGREE", "087": "RETREAT", "0871": "RETREAT", "0872": "RETREAT"}


def _quad(root: str) -> str:
    number = int(root)
    if number <= 5:
        return "verbal_cooperation"
    if number <= 9:
        return "material_cooperation"
    if number <= 14:
        return "verbal_conflict"
    return "material_conflict"


#: Quad class of each CAMEO root.
QUAD_BY_ROOT = {root: _quad(root) for root in PLOVER_BY_ROOT}


class CameoCode(NamedTuple):
    """One CAMEO code with what the event columns report about it."""

    code: str
    name: str
    root: str
    goldstein: float
    quad_class: str
    plover: str


@cache
def _table() -> dict[str, tuple[str, float]]:
    with CAMEO_TABLE.open(encoding="utf-8", newline="") as handle:
        return {
            row["cameo_code"]: (row["name"], float(row["goldstein"]))
            for row in csv.DictReader(handle)
        }


@cache
def cameo_code(code: str) -> CameoCode:
    """The name, root, Goldstein weight, quad class and PLOVER type of a CAMEO code.

    Raises
    ------
    DictionaryError
        For a code the ICEWS table does not list.

    Examples
    --------
    >>> cameo_code("164")
    CameoCode(code='164', name='Halt negotiations', root='16', goldstein=-6.5, quad_class='material_conflict', plover='SANCTION')
    >>> cameo_code("057").plover, cameo_code("057").goldstein
    ('AGREE', 8.0)
    """
    found = _table().get(code)
    if found is None or code[:2] not in PLOVER_BY_ROOT:
        raise DictionaryError(
            f"unknown CAMEO code {code!r}",
            where=str(CAMEO_TABLE),
            fix="Use a code listed in cameo_goldstein.csv (two to four digits, e.g. 164)",
        )
    root = code[:2]
    plover = PLOVER_BY_CODE.get(code, PLOVER_BY_ROOT[root])
    return CameoCode(code, found[0], root, found[1], QUAD_BY_ROOT[root], plover)
