"""Agreement on coding sheets: coders with each other and with the tool, and where they part.

:func:`sheet_agreement` compares every pair of codings (each coder, and the
tool) per category with :func:`helpers.validation.compare`;
:func:`sheet_confusion` gives one coder's confusion table against the tool;
:func:`disagreements` lists the sentences where a coder and the tool part,
with the tool's evidence beside them.
"""

from __future__ import annotations

from helpers.errors import InputError
from helpers.framing import GENERIC_FRAMES
from helpers.sentiment import DEFAULT_THRESHOLD, check_threshold
from helpers.validation.labels import parse_frames
from helpers.validation.measures import classes_for, gold_labels, tool_labels
from helpers.validation.stats import compare
from helpers.validation.tool import tool_codes, tool_evidence

#: Categories compared by :func:`sheet_agreement`, with the sheet column and scale.
SHEET_CATEGORIES: dict[str, tuple[str, str]] = {
    "sentiment": ("sentiment_label", "nominal"),
    "uncertain": ("uncertain_label", "nominal"),
    "intensity": ("intensity_label", "ordinal"),
    "quad_class": ("quad_class_label", "nominal"),
}


def sheet_labels(
    sheet, threshold: float = DEFAULT_THRESHOLD, *, source: str = "sheet"
) -> dict[str, list]:
    """Read a coded sheet's labels into ``{category: [label per row]}``.

    Categories: ``sentiment``, ``uncertain``, ``intensity``, ``quad_class``
    and ``frame_<name>`` for each generic frame, for the label columns the
    sheet has. ``None`` = not coded. ``threshold`` is the neutral band for
    numeric sentiment labels, the tool's band (from 0 up to 1).
    """
    check_threshold(threshold, where="threshold")
    labels: dict[str, list] = {}
    for category, (column, _) in SHEET_CATEGORIES.items():
        if column in sheet.columns:
            values, _ = gold_labels(
                sheet[column].tolist(), category, threshold, source=f"{source}, {column}"
            )
            labels[category] = values
    if "frames_label" in sheet.columns:
        parsed = [
            parse_frames(v, where=f"{source}, frames_label, row {i + 2}")
            for i, v in enumerate(sheet["frames_label"].tolist())
        ]
        for frame in GENERIC_FRAMES:
            labels[f"frame_{frame}"] = [None if p is None else frame in p for p in parsed]
    return labels


def sheet_tool_labels(codes, threshold: float = DEFAULT_THRESHOLD) -> dict[str, list]:
    """The tool's labels per category for :func:`tool_codes` output (installed analyses only)."""
    check_threshold(threshold, where="threshold")
    labels = {}
    for category in (*SHEET_CATEGORIES, *(f"frame_{f}" for f in GENERIC_FRAMES)):
        if category in codes.columns:
            labels[category] = tool_labels(codes, category, threshold)
    return labels


def _check_same_sentences(first, second, names) -> None:
    a = list(zip(first["doc_id"], first["sent_id"], strict=True))
    b = list(zip(second["doc_id"], second["sent_id"], strict=True))
    if a != b or first["text"].tolist() != second["text"].tolist():
        raise InputError(
            f"sheets {names[0]} and {names[1]} do not list the same sentences in the same order",
            where="sheets",
            fix="Give coders copies of one sheet written by `codesheet`",
        )


def sheet_agreement(sheets: dict, codes=None, *, threshold: float = DEFAULT_THRESHOLD):
    """Agreement per category between coders and between each coder and the tool.

    Parameters
    ----------
    sheets : dict of {str: DataFrame}
        Coder name -> coded sheet (:func:`load_sheet`); all sheets must list
        the same sentences.
    codes : DataFrame, optional
        :func:`tool_codes` for the sheets' texts; computed when not given.
        ``False`` compares coders only.
    threshold : float, default :data:`helpers.sentiment.DEFAULT_THRESHOLD`

    Returns
    -------
    DataFrame
        ``category, pair, first, second, n, agreement, cohen_kappa,
        krippendorff_alpha, alpha_level, macro_f1``: one row per category and
        pair of codings (``agreement`` is the share of sentences both coded
        alike; ``macro_f1`` treats the first as gold).
    """
    import pandas as pd

    names = list(sheets)
    if not names:
        raise InputError("no coded sheet given", where="sheets", fix="Give at least one sheet")
    first = sheets[names[0]]
    for name in names[1:]:
        _check_same_sentences(first, sheets[name], (names[0], name))
    codings = {name: sheet_labels(sheet, threshold, source=name) for name, sheet in sheets.items()}
    if codes is None:
        codes = tool_codes(first["text"].tolist(), threshold)
    if codes is not False:
        codings["tool"] = sheet_tool_labels(codes, threshold)
    pairs = [(a, b) for i, a in enumerate(names) for b in [*names[i + 1 :], "tool"] if b in codings]
    rows = []
    for category in (*SHEET_CATEGORIES, *(f"frame_{f}" for f in GENERIC_FRAMES)):
        classes, level = classes_for(category)
        for a, b in pairs:
            if category not in codings[a] or category not in codings[b]:
                continue
            result = compare(
                codings[a][category], codings[b][category], labels=classes, level=level
            )
            rows.append(
                {
                    "category": category,
                    "pair": f"{a} vs {b}",
                    "first": a,
                    "second": b,
                    "n": result["n"],
                    "agreement": result["accuracy"],
                    "cohen_kappa": result["cohen_kappa"],
                    "krippendorff_alpha": result["krippendorff_alpha"],
                    "alpha_level": level,
                    "macro_f1": result["macro"]["f1"],
                }
            )
    columns = [
        "category",
        "pair",
        "first",
        "second",
        "n",
        "agreement",
        "cohen_kappa",
        "krippendorff_alpha",
        "alpha_level",
        "macro_f1",
    ]
    return pd.DataFrame(rows, columns=columns)


def sheet_confusion(
    sheet, codes, category: str, threshold: float = DEFAULT_THRESHOLD, *, coder: str = "coder"
):
    """Confusion table of one coder against the tool for one category (rows: coder)."""
    import pandas as pd

    gold = sheet_labels(sheet, threshold, source=coder).get(category)
    tool = sheet_tool_labels(codes, threshold).get(category)
    if gold is None or tool is None:
        raise InputError(
            f"category {category!r} is not coded in this sheet or not given by the tool",
            where=coder,
            fix="Choose another category",
        )
    classes, level = classes_for(category)
    result = compare(gold, tool, labels=classes, level=level)
    labels = [str(c) for c in result["confusion"]["labels"]]
    matrix = result["confusion"]["matrix"] or [[0] * len(labels) for _ in labels]
    return pd.DataFrame(
        matrix,
        index=pd.Index(labels, name=f"{coder} \\ tool"),
        columns=labels,
    )


def disagreements(
    sheet,
    codes,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    coder: str = "coder",
    evidence: bool = True,
):
    """Sentences where a coder and the tool part, with the tool's evidence.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, category, coder_label, tool_label, text, evidence``,
        one row per sentence and category where both coded and differ.
    """
    import pandas as pd

    human = sheet_labels(sheet, threshold, source=coder)
    tool = sheet_tool_labels(codes, threshold)
    rows = []
    texts = sheet["text"].tolist()
    cache: dict[int, str] = {}
    for category in human:
        if category not in tool:
            continue
        for i, (h, t) in enumerate(zip(human[category], tool[category], strict=True)):
            if h is None or h == t:
                continue
            if evidence and i not in cache:
                cache[i] = tool_evidence(texts[i])
            rows.append(
                {
                    "doc_id": sheet["doc_id"].iloc[i],
                    "sent_id": sheet["sent_id"].iloc[i],
                    "category": category,
                    "coder_label": str(h),
                    "tool_label": str(t),
                    "tool_score": float(codes["sentiment"].iloc[i])
                    if category == "sentiment" and "sentiment" in codes.columns
                    else None,
                    "text": texts[i],
                    "evidence": cache.get(i, ""),
                }
            )
    columns = [
        "doc_id",
        "sent_id",
        "category",
        "coder_label",
        "tool_label",
        "tool_score",
        "text",
        "evidence",
    ]
    return pd.DataFrame(rows, columns=columns)
