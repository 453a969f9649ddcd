#!/usr/bin/env bash
# Remakes the committed DOCX and Russian-locale XLSX fixtures from the TSVs beside this script (see make.py).
set -euo pipefail
exec python3 "$(dirname "$0")/make.py"
