# Turns a font with CFF (cubic) outlines into one with TrueType (quadratic) outlines, which PDFBox
# can embed as a subset: python3 otf2ttf.py in.otf out.ttf (needs fontTools).
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

# How far (in font units) a quadratic curve may stray from the cubic one it replaces.
TOLERANCE = 1.0


def quadratic_glyphs(font):
    """Each glyph redrawn with quadratic curves; contours reversed, as TrueType winds the other way."""
    glyph_set = font.getGlyphSet()
    redrawn = {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, TOLERANCE, reverse_direction=True))
        redrawn[name] = pen.glyph()
    return redrawn


def convert(font):
    if "CFF " not in font:
        raise SystemExit("no CFF outlines in this font: nothing to convert")
    order = font.getGlyphOrder()
    outlines = quadratic_glyphs(font)

    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = outlines
    font["glyf"] = glyf
    font["loca"] = newTable("loca")  # written from glyf when the font is saved
    for cff_only in ("CFF ", "VORG"):
        if cff_only in font:
            del font[cff_only]

    # TrueType's maxp is version 1.0 and counts what the glyphs use; no hinting, so no zones or programs.
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions"):
        setattr(maxp, field, 0)
    maxp.maxComponentElements = max((len(getattr(g, "components", [])) for g in outlines.values()), default=0)
    font["maxp"] = maxp
    glyf.compile(font)
    maxp.compile(font)

    # post format 2 carries the glyph names, which CFF kept in its own table.
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order

    font.sfntVersion = "\x00\x01\x00\x00"


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: otf2ttf.py in.otf out.ttf")
    source = TTFont(sys.argv[1])
    convert(source)
    source.save(sys.argv[2])
