#!/usr/bin/env bash
# The costliest search queries of bench/costly-queries.lua, one of each family, each sent once per
# mode with curl (a query never asked before on this server, so no kept answer answers it): prints
# mode, family, HTTP status, seconds and the first bytes of an error.
#   bench/costly-queries.sh PORT [TAG]   (TAG makes the queries differ from an earlier run's)
set -uo pipefail
PORT=$1; TAG=${2:-}
python3 - "$TAG" <<'PY' | while IFS=$'\t' read -r family q; do
import random, sys, urllib.parse
tag = sys.argv[1]
rnd = random.Random(42 + sum(map(ord, tag)))
L = "abcdefghijklmnopqrstuvwxyz"
def fill(words):
    out = []
    for w in words:
        if len(" ".join(out + [w])) > 500:
            break
        out.append(w)
    return " ".join(out)
fams = {
    "letters": fill(rnd.choice(L) + "*" for _ in range(400)),
    "same": fill(["e*"] * 400),
    "pairs": fill(rnd.choice(L) + rnd.choice(L) + "*" for _ in range(400)),
    "common": fill(["co*", "pr*", "in*", "re*", "de*", "st*", "se*", "ma*", "pa*", "te*"] * 40),
    "mixed": fill(
        ('"%s %s"' % (rnd.choice(L), rnd.choice(L))) if i % 4 == 0
        else ("-%s*" % rnd.choice(L)) if i % 4 == 1 else rnd.choice(L) + "*"
        for i in range(400)),
    "digits": fill(str(rnd.randrange(10)) + "*" for _ in range(400)),
}
for f, q in fams.items():
    if tag:
        q = q[: 500 - len(tag) - 1] + " " + tag if len(q) + len(tag) + 1 > 500 else q + " " + tag
    print(f + "\t" + urllib.parse.quote(q, safe=""))
PY
  for mode in keyword hybrid semantic; do
    out=$(curl -s -o /tmp/costly-body.$$ -w '%{http_code} %{time_total}' --max-time "${MAXTIME:-600}" \
      "http://127.0.0.1:$PORT/api/v1/standards?q=$q&mode=$mode")
    printf '%s\t%s\t%s\t%s\n' "$mode" "$family" "$out" "$(head -c 160 /tmp/costly-body.$$ | tr -d '\n' | grep -v '^{"total"' )"
  done
done
rm -f /tmp/costly-body.$$
