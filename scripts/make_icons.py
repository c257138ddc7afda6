"""Render the app icon from its SVG source into every size and format the installers use.

    .venv/bin/python scripts/make_icons.py            # writes into resources/icons/

Qt (QSvgRenderer) renders each PNG at its own size, so small sizes are drawn for their
pixel grid rather than scaled down. Pillow (already installed: ReportLab depends on it)
packs those PNGs into the Windows ``.ico`` and the macOS ``.icns``. Both run on any OS, so
the icons are made once and committed; the installers only read them.
"""

from __future__ import annotations

import argparse
import os
import sys
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "spt-desktop.svg"
NAME = "spt-desktop"
# PNG sizes: the Linux hicolor theme and the window icon; .ico and .icns take subsets.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(svg: Path, size: int) -> bytes:
    """``svg`` drawn at ``size`` × ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is geen geldige SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def write_ico(pngs: dict[int, bytes], target: Path) -> None:
    from PIL import Image

    images = [Image.open(BytesIO(pngs[s])) for s in ICO_SIZES]
    largest = images[-1]
    # Pillow takes each size from append_images when one matches exactly, so every
    # entry is the crisp Qt rendering, not a downscale of the largest.
    largest.save(
        target,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=images[:-1],
    )


def write_icns(pngs: dict[int, bytes], target: Path) -> None:
    from PIL import Image

    images = [Image.open(BytesIO(pngs[s])) for s in ICNS_SIZES]
    images[-1].save(target, format="ICNS", append_images=images[:-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=ICONS)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    args.out.mkdir(parents=True, exist_ok=True)
    pngs = {size: render_png(args.svg, size) for size in PNG_SIZES}
    for size, data in pngs.items():
        (args.out / f"{NAME}-{size}.png").write_bytes(data)
    write_ico(pngs, args.out / f"{NAME}.ico")
    write_icns(pngs, args.out / f"{NAME}.icns")
    del app
    written = sorted(p.name for p in args.out.glob(f"{NAME}*") if p.suffix != ".svg")
    print(f"{len(written)} bestanden in {args.out}: {', '.join(written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
