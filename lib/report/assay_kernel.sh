#!/bin/sh
# The "Deno (assay)" Jupyter kernel's launcher, installed by ./assay as
# <jupyter data dir>/kernels/assay/launch.sh (the same file for every checkout: setting up another
# checkout never repoints it). Jupyter starts the kernel in the notebook's folder; the launcher runs
# the Deno of the assay checkout that holds that folder (found by walking up), so each checkout's
# notebooks run on their own Deno and deno.json. Outside every checkout, it runs the Deno of the
# newest checkout set up on this machine (listed in `checkouts` beside this file).
conn="$1"
dir=$(pwd)
found=""
while [ -z "$found" ]; do
  if [ -x "$dir/node_modules/.bin/deno" ] && [ -f "$dir/lib/mod.ts" ] && [ -f "$dir/assay" ]; then
    found="$dir"
  elif [ "$dir" = "/" ]; then
    break
  else
    dir=$(dirname "$dir")
  fi
done
if [ -z "$found" ] && [ -f "$(dirname "$0")/checkouts" ]; then
  found=$(tac "$(dirname "$0")/checkouts" | while IFS= read -r c; do
    if [ -x "$c/node_modules/.bin/deno" ]; then echo "$c"; break; fi
  done)
fi
if [ -z "$found" ]; then
  echo "assay kernel: no assay checkout holds $(pwd) and none is set up here: run ./assay in a checkout" >&2
  exit 1
fi
# exec: the kernel is this process, so Jupyter's interrupt (SIGINT) and shutdown reach Deno itself.
exec "$found/node_modules/.bin/deno" jupyter --kernel --conn "$conn"
