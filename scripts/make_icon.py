"""Draw the dtdesk icon with Qt and write resources/icons/dtdesk.png and dtdesk.ico.

Run: python scripts/make_icon.py   (works headless: QT_QPA_PLATFORM=offscreen is set here)

The icon: a white report page with text lines and a small bar chart on a red
rounded square, a yellow star in the corner. The .ico holds PNG images at
16–256 px (the format Windows Vista and later read), written by hand so no
image plugin is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPolygonF  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
RED, YELLOW, INK = QColor("#c8102e"), QColor("#ffcd00"), QColor("#1f3a5f")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(RED)
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    # the page, with a folded corner
    page = QPainterPath()
    page.moveTo(58, 36)
    page.lineTo(162, 36)
    page.lineTo(198, 72)
    page.lineTo(198, 220)
    page.lineTo(58, 220)
    page.closeSubpath()
    p.setBrush(QColor("white"))
    p.drawPath(page)
    p.setBrush(QColor("#d9d9d9"))
    p.drawPolygon(QPolygonF([QPointF(162, 36), QPointF(162, 72), QPointF(198, 72)]))
    # text lines (dropped at small sizes, where they would be mush)
    p.setBrush(INK)
    if size >= 32:
        for y, width in ((60, 80), (80, 104), (100, 104)):
            p.drawRect(QRectF(76, y, width, 9))
    # bar chart
    for x, h in ((80, 40), (110, 68), (140, 52), (170, 88)):
        p.drawRect(QRectF(x - 2, 204 - h, 22, h))
    # star
    star = QPolygonF()
    import math

    cx, cy, r_out, r_in = 196, 196, 46, 19
    for i in range(10):
        r = r_out if i % 2 == 0 else r_in
        a = -math.pi / 2 + i * math.pi / 5
        star.append(QPointF(cx + r * math.cos(a), cy + r * math.sin(a)))
    p.setBrush(YELLOW)
    p.drawPolygon(star)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR + ICONDIRENTRY per size + the PNG data (PNG-compressed icon entries)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, blob in pngs.items():
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts/painting need it)
    OUT.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(draw(size)) for size in SIZES}
    (OUT / "dtdesk.png").write_bytes(pngs[256])
    (OUT / "dtdesk.ico").write_bytes(ico_bytes(pngs))
    print(f"wrote {OUT / 'dtdesk.png'} and {OUT / 'dtdesk.ico'} ({', '.join(map(str, SIZES))} px)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
