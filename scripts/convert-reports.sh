#!/usr/bin/env bash
# Converts a folder of Markdown reports (front matter, blank line, body) the way real producers
# would, to measure how Citeline reads each format (docs/formats.md):
#   DOCX (pandoc), PDF from HTML (wkhtmltopdf; Chromium --print-to-pdf with its default header and
#   footer), PDF from plain text (enscript + ps2pdf). The Markdown originals are copied beside them.
# Writes OUT/<format>/ and OUT/sets.json, one eval set a format and questions file:
#   bash scripts/convert-reports.sh ../shared/eval/reports /tmp/converted ../shared/eval/questions.dev.jsonl [more.jsonl ...]
#   npm run eval -- --sets /tmp/converted/sets.json
# Needs Debian's pandoc, wkhtmltopdf, chromium, enscript and ghostscript.
set -euo pipefail
src=$(cd "$1" && pwd); out=$2; shift 2
mkdir -p "$out"/{md,docx,wkhtmltopdf,chromium,enscript,.work}
out=$(cd "$out" && pwd)
for f in "$src"/*.md; do
  b=$(basename "$f" .md)
  cp "$f" "$out/md/"
  title=$(grep -m1 '^title:' "$f" | sed 's/^title: *//' || true)
  # The body: everything after the first blank line (the front matter ends there).
  awk 'BEGIN{h=1} h && /^$/ {h=0; next} !h' "$f" > "$out/.work/$b.md"
  pandoc -s --metadata title="${title:-$b}" -f markdown -t html "$out/.work/$b.md" -o "$out/.work/$b.html"
  pandoc --metadata title="${title:-$b}" -f markdown -t docx "$out/.work/$b.md" -o "$out/docx/$b.docx"
  wkhtmltopdf -q "$out/.work/$b.html" "$out/wkhtmltopdf/$b.pdf" || true
  chromium --headless --no-sandbox --disable-gpu --print-to-pdf="$out/chromium/$b.pdf" "$out/.work/$b.html" 2>/dev/null
  { echo "${title:-$b}"; echo; cat "$out/.work/$b.md"; } > "$out/.work/$b.txt"
  enscript -q --word-wrap -p - "$out/.work/$b.txt" | ps2pdf - "$out/enscript/$b.pdf"
done
sets=()
for format in md docx wkhtmltopdf chromium enscript; do
  for questions in "$@"; do
    q=$(cd "$(dirname "$questions")" && pwd)/$(basename "$questions")
    sets+=("{\"name\": \"$format-$(basename "$questions" .jsonl)\", \"collection\": \"$format\", \"reports\": \"$out/$format\", \"questions\": \"$q\"}")
  done
done
(IFS=','; echo "{\"sets\": [${sets[*]}]}") > "$out/sets.json"
echo "converted $(ls "$src"/*.md | wc -l) reports into $out; sets in $out/sets.json"
