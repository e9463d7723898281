#!/usr/bin/env bash
# The installs a user makes, each in a fresh virtual environment without the dev extra:
#   pip install llm_startup           -> trains, evaluates and predicts; export says which extra it needs
#   pip install "llm_startup[deploy]" -> exports ONNX (int8), serves /predict, runs a short bench deploy
# Run from anywhere; it works in temporary folders and leaves nothing behind.
set -euo pipefail
export TQDM_DISABLE=1
REPO="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
trap '[ "${SERVER:-0}" != 0 ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT
cd "$WORK"
export LLM_STARTUP_CACHE="$WORK/cache" MPLBACKEND=Agg
python3 -m venv venv
venv/bin/pip install -q --upgrade pip
step() { echo "install_check: $*"; }

step "base install (no extras)"
venv/bin/pip install -q "$REPO"
L=venv/bin/llm-startup
$L sentiment train --data reviews --model tiny --layers 1 --hidden 64 --epochs 1 --max-length 32 --out m > train.json
$L sentiment predict --model m "我非常喜欢这个应用！" > pred.json; grep -q '"label"' pred.json
if $L export --model m --out onnx 2> err.txt; then echo "export worked without the [deploy] extra"; exit 1; fi
grep -q 'llm_startup\[deploy\]' err.txt
step "base install trains and predicts; export asks for [deploy]"

step "adding the [deploy] extra"
venv/bin/pip install -q "$REPO[deploy]"
$L export --model m --out onnx --int8 > export.json; grep -q '"int8": true' export.json
$L sentiment predict --model onnx "这个应用太难用了，一直闪退" > pred.json; grep -q '"label"' pred.json
$L serve --model onnx --port 0 2> serve.log & SERVER=$!
for _ in $(seq 1 150); do grep -q 'http://127.0.0.1:' serve.log && break; sleep 0.2; done
PORT=$(grep -o 'http://127.0.0.1:[0-9]*' serve.log | head -1 | cut -d: -f3)
for _ in $(seq 1 150); do venv/bin/python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/health')" 2>/dev/null && break; sleep 0.2; done
venv/bin/python - "$PORT" <<'EOF'
import json, sys, urllib.request
req = urllib.request.Request(f'http://127.0.0.1:{sys.argv[1]}/predict', json.dumps({'text': '我非常喜欢这个应用！'}).encode(), {'Content-Type': 'application/json'})
out = json.load(urllib.request.urlopen(req))
assert out['predictions'][0]['label'], out
print('install_check: serve answered /predict:', out['predictions'][0]['label'], out['predictions'][0]['score'])
EOF
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=0
$L bench deploy --model m --n-texts 32 --requests 32 --clients 2 > bench.json
venv/bin/python - <<'EOF'
import json
b = json.load(open('bench.json'))
assert b['served_errors'] == 0, b
print('install_check: bench deploy', {k: b[k] for k in ('onnx_vs_torch_speedup', 'onnx_int8_vs_torch_fp32', 'served_errors')})
EOF
step "[deploy] exports, serves and benchmarks"
