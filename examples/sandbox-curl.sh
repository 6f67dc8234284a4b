#!/usr/bin/env bash
# Drives the standalone national sandbox end to end with curl alone, the way a tester who does not write Java would:
# signs national-axis (VDXP) calls with the XroadVnpt-* HMAC headers step by step, sends an edXML package as agency A,
# lists, fetches, checks and acknowledges it as agency B, injects faults through the control API /_sandbox/, reads
# the call log and resets the sandbox. Every step says what it does; docs/SANDBOX.md explains each one.
#
# Usage: examples/sandbox-curl.sh [--keep] [BASE_URL] [EDXML_FILE]
#   BASE_URL    the sandbox, default http://127.0.0.1:8089
#               (start it with: java -jar sdk-testkit/target/national-sandbox.jar --port 8089)
#   EDXML_FILE  the package to send, default examples/sandbox/letter.edxml next to this script; it must come from
#               000.00.00.G22 (system vxp.sandbox.01) and go to 000.00.00.H41 (system vxp.sandbox.02)
#   --keep      leave the sent package in the sandbox at the end (skip the final reset), to look at it afterwards
# The script resets the sandbox at its start and (without --keep) at its end: do not point it at a sandbox that
# other tests are using. Exit status: 0 when every answer was as expected, 1 at the first unexpected answer, 2 for a
# wrong command line or a missing tool.
# Needs bash, curl, openssl and GNU coreutils (sha256sum, base64, date, mktemp).
set -euo pipefail

KEEP=0
if [ "${1:-}" = "--keep" ]; then
  KEEP=1
  shift
fi
case "${1:-}" in
  -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  -*) echo "sandbox-curl: unknown option $1 (try --help)" >&2; exit 2 ;;
esac
if [ "$#" -gt 2 ]; then
  echo "sandbox-curl: too many arguments (try --help)" >&2
  exit 2
fi
BASE="${1:-http://127.0.0.1:8089}"
BASE="${BASE%/}"
LETTER="${2:-$(cd "$(dirname "$0")" && pwd)/sandbox/letter.edxml}"
# a loopback sandbox is never reached through an HTTP proxy the environment may name (http_proxy)
NOPROXY=()
case "$BASE" in
  http://127.0.0.1[:/]*|http://127.0.0.1|http://localhost[:/]*|http://localhost|http://\[::1\]*)
    NOPROXY=(--noproxy '*') ;;
esac

# The sandbox's two test systems on the national axis (public test values, printed by --help of the sandbox).
SYSTEM_A=vxp.sandbox.01
SECRET_A=sandbox-secret
ORGAN_A=000.00.00.G22
SYSTEM_B=vxp.sandbox.02
SECRET_B=sandbox-secret-02

for tool in curl openssl sha256sum base64 date mktemp; do
  command -v "$tool" >/dev/null || { echo "sandbox-curl: $tool is required but not found" >&2; exit 2; }
done
[ -r "$LETTER" ] || { echo "sandbox-curl: cannot read the package $LETTER" >&2; exit 2; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

STEP=0
step() {
  STEP=$((STEP + 1))
  echo
  echo "== step $STEP: $*"
}

fail() {
  echo "FAILED at step $STEP: $*" >&2
  if [ -s "$WORK/body" ]; then
    echo "  the last answer was: $(head -c 600 "$WORK/body")" >&2
  fi
  exit 1
}

# call METHOD PATH [curl options...]: the answer's body goes to $WORK/body, its HTTP status to $CODE, curl's exit
# status to $CURL_RC (0 unless the connection failed).
call() {
  local method="$1" path="$2"
  shift 2
  echo "   curl -X $method $BASE$path"
  : > "$WORK/body"
  CURL_RC=0
  CODE=$(curl -sS ${NOPROXY[@]+"${NOPROXY[@]}"} --max-time 30 -o "$WORK/body" -w '%{http_code}' \
    -X "$method" "$@" "$BASE$path") || CURL_RC=$?
  if [ "$CURL_RC" -eq 0 ]; then
    echo "   <- HTTP $CODE $(head -c 400 "$WORK/body")"
  fi
}

expect_status() {
  [ "$CURL_RC" -eq 0 ] || fail "curl could not complete the call (curl exit status $CURL_RC)"
  [ "$CODE" = "$1" ] || fail "expected HTTP $1, got HTTP $CODE"
}

# expect_body REGEX [what]: the answer's body matches the extended regular expression.
expect_body() {
  grep -Eq -- "$1" "$WORK/body" || fail "expected ${2:-the answer} to match $1"
}

# json_string NAME: the value of the first string member NAME of the answer (enough for these flat answers; no jq).
json_string() {
  grep -o "\"$1\":\"[^\"]*\"" "$WORK/body" | head -n 1 | sed "s/^\"$1\":\"//; s/\"\$//"
}

json_escape() {
  printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'
}

# The axis' timestamp: ddMMyyyy'T'HHmmss+SSSS, wall time in Asia/Ho_Chi_Minh (UTC+7, no daylight saving), where "+" is
# a literal and SSSS the millisecond zero-padded to four digits.
axis_timestamp() {
  local ts
  ts=$(TZ=ICT-7 date '+%d%m%YT%H%M%S+0%3N')
  case "$ts" in
    *N) ts=$(TZ=ICT-7 date '+%d%m%YT%H%M%S+0000') ;; # a date without %N (not GNU): millisecond 0
  esac
  printf '%s' "$ts"
}

# sign SYSTEM SECRET CONTENT_TYPE [NAME=VALUE...]: builds the XroadVnpt-* header bundle into the array SIGNED as curl
# -H options. VERBOSE=1 prints every intermediate value.
sign() {
  local system="$1" secret="$2" content_type="$3"
  shift 3
  local names=("Content-Type" "timestamp" "systemid")
  local values=("$content_type" "$(axis_timestamp)" "$system")
  local pair
  for pair in "$@"; do
    names+=("${pair%%=*}")
    values+=("${pair#*=}")
  done
  # 1. sign-header-key: the logical names (without the XroadVnpt- prefix), joined by ";"
  local key
  key=$(IFS=';'; printf '%s' "${names[*]}")
  # 2. sign-header: the compact JSON object {"XroadVnpt-<name>":"<value>",...}, in the same order
  local json="{" i
  for i in "${!names[@]}"; do
    [ "$i" -gt 0 ] && json+=","
    json+="\"XroadVnpt-$(json_escape "${names[$i]}")\":\"$(json_escape "${values[$i]}")\""
  done
  json+="}"
  # 3. hash-header: HMAC-SHA256 of exactly that string (UTF-8), keyed with the system's secret, lowercase hex
  local hmac
  hmac=$(printf '%s' "$json" | openssl dgst -sha256 -hmac "$secret" | sed 's/^.*= //')
  [ "${#hmac}" -eq 64 ] || fail "openssl did not produce an HMAC-SHA256 (got '$hmac')"
  if [ "${VERBOSE:-0}" = 1 ]; then
    echo "   logical headers, in signing order:"
    for i in "${!names[@]}"; do
      echo "     XroadVnpt-${names[$i]}: ${values[$i]}"
    done
    echo "   sign-header-key: $key"
    echo "   sign-header (the exact string signed): $json"
    echo "   printf '%s' \"\$SIGN_HEADER\" | openssl dgst -sha256 -hmac '$secret'"
    echo "   hash-header: $hmac"
  fi
  # 4. the request carries every logical header, the three of the bundle and the version
  SIGNED=()
  for i in "${!names[@]}"; do
    SIGNED+=(-H "XroadVnpt-${names[$i]}: ${values[$i]}")
  done
  SIGNED+=(-H "XroadVnpt-sign-header-key: $key" -H "XroadVnpt-sign-header: $json"
    -H "XroadVnpt-hash-header: $hmac" -H "XroadVnpt-version: 3.0.201608")
}

echo "Sandbox: $BASE"
echo "Package: $LETTER"

step "the control API answers (GET /_sandbox/)"
call GET /_sandbox/
if [ "$CURL_RC" -ne 0 ]; then
  fail "no sandbox at $BASE (curl exit status $CURL_RC); start it with:" \
    "java -jar sdk-testkit/target/national-sandbox.jar --port 8089"
fi
expect_status 200
expect_body '"controlApi"'

step "reset: start from an empty sandbox (POST /_sandbox/reset)"
call POST /_sandbox/reset
expect_status 200
expect_body '"reset":true'

step "sign sendEdoc as agency A ($SYSTEM_A, organ $ORGAN_A): the HMAC recipe"
HASH_FILE=$(sha256sum "$LETTER" | cut -d' ' -f1)
echo "   hash-file = SHA-256 of the package file, lowercase hex: $HASH_FILE"
VERBOSE=1 sign "$SYSTEM_A" "$SECRET_A" application/octet-stream \
  "from=$ORGAN_A" "servicetype=eDoc" "messagetype=edoc" "hash-file=$HASH_FILE"

step "send the package through the axis as agency A (POST /vdxp/sendEdoc, the raw file as the body)"
call POST /vdxp/sendEdoc "${SIGNED[@]}" -H 'Content-Type: application/octet-stream' -H 'Expect:' \
  --data-binary "@$LETTER"
expect_status 200
expect_body '"status":"OK"'
DOC_ID=$(json_string DocId)
[ -n "$DOC_ID" ] || fail "the axis answered OK without a DocId"
echo "   sent: DocId=$DOC_ID"

step "the sandbox holds it (GET /_sandbox/state)"
call GET /_sandbox/state
expect_status 200
expect_body "\"docId\":\"$DOC_ID\"" "the state"
expect_body "\"sha256\":\"$HASH_FILE\"" "the state's sha256 of the uploaded file"

step "list what waits for agency B ($SYSTEM_B) (POST /vdxp/getReceivedEdocList)"
sign "$SYSTEM_B" "$SECRET_B" application/json "servicetype=eDoc" "messagetype=edoc"
call POST /vdxp/getReceivedEdocList "${SIGNED[@]}" -H 'Content-Type: application/json'
expect_status 200
expect_body '"status":"OK"'
expect_body "\"docId\":\"$DOC_ID\"" "the received list"
echo "   listed: $DOC_ID"

step "fetch it as agency B (POST /vdxp/getEdoc): data is the package in base64"
sign "$SYSTEM_B" "$SECRET_B" application/json "docId=$DOC_ID"
call POST /vdxp/getEdoc "${SIGNED[@]}" -H 'Content-Type: application/json'
expect_status 200
expect_body '"status":"OK"'
json_string data | base64 -d > "$WORK/fetched.edxml" || fail "data is not base64"
FETCHED_SHA=$(sha256sum "$WORK/fetched.edxml" | cut -d' ' -f1)
echo "   fetched $(wc -c < "$WORK/fetched.edxml") bytes, SHA-256 $FETCHED_SHA"

step "check the fetched bytes: the same letter, with the axis' trace hop added"
[ "$FETCHED_SHA" != "$HASH_FILE" ] || echo "   (identical to the file sent)"
for expected in '15/VPCP-SANDBOX' '<edXML:OrganId>vxp.axis</edXML:OrganId>' 'WGluIGNow6BvIHThu6sgc2FuZGJveC4K'; do
  grep -qF -- "$expected" "$WORK/fetched.edxml" || fail "the fetched package lacks $expected"
  echo "   contains $expected"
done
# the axis rewrites the package to add its hop, so the bytes (and their SHA-256) differ from the file sent;
# fetching again must give exactly the same bytes
call POST /vdxp/getEdoc "${SIGNED[@]}" -H 'Content-Type: application/json'
expect_status 200
json_string data | base64 -d > "$WORK/again.edxml" || fail "data is not base64"
AGAIN_SHA=$(sha256sum "$WORK/again.edxml" | cut -d' ' -f1)
[ "$AGAIN_SHA" = "$FETCHED_SHA" ] || fail "a second fetch gave other bytes ($AGAIN_SHA)"
echo "   fetched SHA-256 verified: $FETCHED_SHA (a second fetch gives the same bytes)"

step "acknowledge it as agency B (POST /vdxp/updateStatus, status done): it is no longer listed"
sign "$SYSTEM_B" "$SECRET_B" application/json "docId=$DOC_ID" "status=done"
call POST /vdxp/updateStatus "${SIGNED[@]}" -H 'Content-Type: application/json'
expect_status 200
expect_body '"status":"OK"'
sign "$SYSTEM_B" "$SECRET_B" application/json "servicetype=eDoc" "messagetype=edoc"
call POST /vdxp/getReceivedEdocList "${SIGNED[@]}" -H 'Content-Type: application/json'
expect_status 200
expect_body '"data":\[\]' "the received list after the acknowledgement"
echo "   acknowledged: $DOC_ID"

step "a wrong secret is refused (the axis answers HTTP 200 with status FAIL)"
sign "$SYSTEM_B" "not-the-secret" application/json "servicetype=eDoc" "messagetype=edoc"
call POST /vdxp/getReceivedEdocList "${SIGNED[@]}" -H 'Content-Type: application/json'
expect_status 200
expect_body '"status":"FAIL"'
echo "   refused: ErrorCode $(json_string ErrorCode): $(json_string ErrorDesc)"

step "arm a fault: the next POST /vdxp/getReceivedEdocList answers HTTP 503 (POST /_sandbox/faults)"
call POST /_sandbox/faults -H 'Content-Type: application/json' \
  --data '{"path":"/vdxp/getReceivedEdocList","method":"POST","kind":"status","status":503,"times":1}'
expect_status 201
expect_body '"armed":"status 503 on POST /vdxp/getReceivedEdocList'

step "the faulted reply: agency B lists and gets the fault instead of the axis' answer"
sign "$SYSTEM_B" "$SECRET_B" application/json "servicetype=eDoc" "messagetype=edoc"
call POST /vdxp/getReceivedEdocList "${SIGNED[@]}" -H 'Content-Type: application/json'
expect_status 503
expect_body '"error":"sandbox_fault"'
echo "   faulted: HTTP 503 sandbox_fault"
call POST /vdxp/getReceivedEdocList "${SIGNED[@]}" -H 'Content-Type: application/json'
expect_status 200
expect_body '"status":"OK"'
echo "   the fault was armed for one call: the next one is served"

step "arm a connection reset on every sendEdoc, and send: curl sees the connection drop"
call POST /_sandbox/faults -H 'Content-Type: application/json' \
  --data '{"path":"/vdxp/sendEdoc","kind":"connectionReset","always":true}'
expect_status 201
sign "$SYSTEM_A" "$SECRET_A" application/octet-stream \
  "from=$ORGAN_A" "servicetype=eDoc" "messagetype=edoc" "hash-file=$HASH_FILE"
call POST /vdxp/sendEdoc "${SIGNED[@]}" -H 'Content-Type: application/octet-stream' -H 'Expect:' \
  --data-binary "@$LETTER" 2> "$WORK/curl-error"
[ "$CURL_RC" -ne 0 ] || fail "expected the connection to fail, got HTTP $CODE"
echo "   faulted: curl exit status $CURL_RC ($(head -c 200 "$WORK/curl-error" | tr -d '\n'))"

step "list the armed faults (GET /_sandbox/faults)"
call GET /_sandbox/faults
expect_status 200
expect_body '"path":"/vdxp/sendEdoc","kind":"connectionReset","remaining":-1' "the armed faults"

step "clear the faults (DELETE /_sandbox/faults)"
call DELETE /_sandbox/faults
expect_status 200
expect_body '"cleared":1'
call GET /_sandbox/faults
expect_status 200
expect_body '"faults":\[\]'
echo "   cleared: no fault armed"

step "the call log (GET /_sandbox/calls?limit=20): every call, its status and the fault that hit it"
call GET '/_sandbox/calls?limit=20'
expect_status 200
expect_body '"path":"/vdxp/sendEdoc","status":200' "the call log"
expect_body '"status":503,"fault":"status 503"' "the call log"
expect_body '"path":"/vdxp/sendEdoc","status":0,"fault":"connectionReset"' "the call log"

if [ "$KEEP" = 1 ]; then
  echo
  echo "--keep: the sandbox keeps package $DOC_ID (see GET $BASE/_sandbox/state)"
  echo "OK: every step answered as expected (final reset skipped)"
  exit 0
fi

step "reset the sandbox (POST /_sandbox/reset)"
call POST /_sandbox/reset
expect_status 200
expect_body '"reset":true'

step "the state is empty again (GET /_sandbox/state, GET /_sandbox/calls)"
call GET /_sandbox/state
expect_status 200
expect_body '"vdxp":\{"packages":\[\]\}' "the state"
call GET /_sandbox/calls
expect_status 200
expect_body '"calls":\[\]'
echo "   state is empty: no package, no call"

echo
echo "OK: every step answered as expected"
