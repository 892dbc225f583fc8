#!/usr/bin/env bash
# Rebuilds src/main/resources/fonts/NotoSansCJKsc-Regular-subset.ttf, the CJK font the yearly
# service report PDF embeds (README, "Chinese text"). Not part of the build: run it by hand when
# the font should change, and commit the result.
#
# Noto Sans CJK SC Regular (SIL OFL 1.1) from Debian's fonts-noto-cjk, cut down to Latin, general
# and CJK punctuation, full-width forms and the CJK Unified Ideographs block U+4E00–U+9FFF (every
# Hanzi of GBK, so names with characters outside GB2312 such as 喆 or 堃 print too), and converted
# from CFF to TrueType outlines, which PDFBox needs to embed a font as a subset.
# Needs: apt-get install fonts-noto-cjk python3-fonttools
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../src/main/resources/fonts/NotoSansCJKsc-Regular-subset.ttf"
ttc=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
python=/usr/bin/python3   # Debian's python3-fonttools lives there
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Font 2 of the collection is the Simplified Chinese one (Noto Sans CJK SC).
"$python" -m fontTools.subset "$ttc" --font-number=2 \
  --unicodes="U+0020-007E,U+00A0-00FF,U+2000-206F,U+2100-214F,U+2150-218F,U+2190-21FF,U+2460-24FF,U+3000-303F,U+3200-32FF,U+4E00-9FFF,U+FE30-FE4F,U+FF00-FFEF" \
  --name-IDs='*' --name-languages='*' --no-hinting --layout-features='' \
  --output-file="$work/subset.otf"
"$python" "$here/otf2ttf.py" "$work/subset.otf" "$out"
ls -l "$out"
