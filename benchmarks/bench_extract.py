"""Extraction speed and quality per PDF engine, on the example tender and a 40-page CCAP.

    python benchmarks/bench_extract.py

The 40-page CCAP is generated here from the example CCAP text (articles repeated with new
numbers, ~20,000 words) and converted by LibreOffice when `soffice` is installed (justified,
running header and footer), else written with fpdf2. Quality is the token recall of the
extracted text against the known source text. Peak memory is Python-side (tracemalloc):
PDFium's native allocations are not counted.
"""

from __future__ import annotations

import re
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "examples")]

from content import CCAP, CCTP, RC  # noqa: E402

from clause_analyzer.extract import PDF_ENGINES, read_document  # noqa: E402

RUNS = 5
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    return Counter(t.casefold() for t in _TOKEN.findall(text))


def source_text(content: list) -> str:
    parts = []
    for style, value in content:
        parts.extend(" ".join(row) for row in value) if style == "table" else parts.append(value)
    return "\n".join(parts)


def big_ccap() -> list:
    """~20,000 words: the example CCAP's articles over and over, renumbered."""
    body = [item for item in CCAP if item[0] != "title"]
    out: list = [("title", "CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES")]
    article = 0
    while sum(len(str(v).split()) for _, v in out) < 20_000:
        for style, value in body:
            if style == "h1":
                article += 1
                value = re.sub(r"ARTICLE \d+", f"ARTICLE {article}", value)
            elif style == "h2":
                value = re.sub(r"^\d+", str(article), value)
            out.append((style, value))
    return out


def make_pdf(content: list, workdir: Path, name: str) -> bytes:
    if shutil.which("soffice"):
        from build_examples import build_docx, convert

        source = workdir / f"{name}.docx"
        source.write_bytes(build_docx(name, content, f"Val de Lézarde – {name}"))
        return convert(source, "pdf", workdir).read_bytes()
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.add_page()
    pdf.set_font("DejaVu", size=10)
    pdf.multi_cell(0, 5, source_text(content), align="J")
    return bytes(pdf.output())


def measure(data: bytes, engine: str, source: str) -> dict:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        document = read_document(data, "CCAP.pdf", pdf_engine=engine)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    read_document(data, "CCAP.pdf", pdf_engine=engine)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    expected, got = tokens(source), tokens(document.text)
    recall = sum(min(n, got[t]) for t, n in expected.items()) / sum(expected.values())
    median = statistics.median(times)
    return {
        "time": median,
        "pages_s": (document.pages or 0) / median,
        "peak": peak / 2**20,
        "recall": recall,
        "blocks": len(document.blocks),
        "pages": document.pages,
    }


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        cases = [
            (
                f"example {name}",
                (ROOT / "examples" / "DCE_exemple" / f"{name}.pdf").read_bytes(),
                source_text(content),
            )
            for name, content in (("RC", RC), ("CCAP", CCAP), ("CCTP", CCTP))
        ]
        big = big_ccap()
        cases.append(("generated CCAP", make_pdf(big, workdir, "CCAP40"), source_text(big)))
        for label, data, source in cases:
            for engine in PDF_ENGINES:
                rows.append((label, engine, measure(data, engine, source)))
    print(
        f"| document | engine | pages | blocks | time (median of {RUNS}) | pages/s "
        "| peak Python memory | token recall |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for label, engine, m in rows:
        print(
            f"| {label} | {engine} | {m['pages']} | {m['blocks']} | {m['time'] * 1000:.0f} ms "
            f"| {m['pages_s']:.0f} | {m['peak']:.1f} MiB | {m['recall']:.3f} |"
        )


if __name__ == "__main__":
    main()
