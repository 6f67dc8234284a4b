#!/bin/sh
# Exercises the built egov jar from a shell, as a script or an operator would: help, exit codes, JSON, a package
# written from a YAML description, signed and verified (with a test PKI made by openssl; skipped without openssl), a
# payment and a login against the sandbox, and a round trip through its national axis.
# Usage: sdk-cli/src/test/sh/egov-smoke.sh [path/to/egov.jar]
# Needs a JDK on the PATH and a package to send (the sandbox's VDXP systems serve 000.00.00.G22 and 000.00.00.H41):
# EGOV_SMOKE_PACKAGE=document.edxml, sent from 000.00.00.G22 to 000.00.00.H41; without it, the round trip is skipped.
set -u
JAR=${1:-sdk-cli/target/egov.jar}
WORK=$(mktemp -d)
SANDBOX_PID=
fail() { echo "egov-smoke: FAIL: $*" >&2; [ -n "$SANDBOX_PID" ] && kill "$SANDBOX_PID"; exit 1; }
egov() { java -jar "$JAR" "$@"; }
expect() { want=$1; shift; egov "$@" >"$WORK/out" 2>"$WORK/err"; got=$?; [ "$got" = "$want" ] || fail "egov $* exited $got, not $want: $(cat "$WORK/err")"; }

[ -f "$JAR" ] || fail "no $JAR (build it: mvn -B -q -pl sdk-cli -am -DskipTests package)"
expect 0 --help
expect 0 edxml inspect --help
expect 2 edxml inspect
expect 2 no-such-command
expect 3 edxml inspect "$WORK/missing.edxml"
grep -q '^Lỗi: ' "$WORK/err" && grep -q '^Error: ' "$WORK/err" || fail "the error is not bilingual"
grep -q 'at vn\.' "$WORK/err" && fail "a stack trace without --verbose"
printf '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' >"$WORK/xxe.edxml"
expect 3 edxml validate --json "$WORK/xxe.edxml"
grep -q '"exitCode" : 3' "$WORK/out" || fail "no JSON error object"
expect 0 generate-completion
grep -q 'complete -F' "$WORK/out" || fail "no completion script"

# edxml write: a package from a YAML description, which validates; a wrong key is named (exit 3)
printf '%%PDF-1.4 smoke\n' >"$WORK/cong-van.pdf"
cat >"$WORK/letter.yaml" <<'YAML'
from: {id: 000.00.00.G22, name: Văn phòng Chính phủ}
to:
  - {id: 000.00.00.H41, name: UBND tỉnh Nghệ An}
code: {number: "12", notation: VPCP-TTĐT}
subject: V/v kiem thu dong lenh
promulgation: {place: Hà Nội, date: 2024-05-02}
documentType: {type: 1, detail: 1, name: Công văn}
staff: {department: Văn thư, name: Nguyễn Văn A}
attachments:
  - file: cong-van.pdf
YAML
expect 0 edxml write "$WORK/letter.yaml" --out "$WORK/letter.edxml"
expect 0 edxml validate "$WORK/letter.edxml"
printf 'from: {id: 000.00.00.G22, name: X}\ncolour: blue\n' >"$WORK/bad.yaml"
expect 3 edxml write "$WORK/bad.yaml"
grep -q 'colour is not a known key' "$WORK/err" || fail "the unknown key is not named: $(cat "$WORK/err")"

# sign / verify with a throw-away test PKI (root + signer, RSA 2048) made by openssl
if command -v openssl >/dev/null 2>&1; then
  P="$WORK/pki"
  mkdir "$P"
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n' >"$P/ext.cnf"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$P/root.key" -out "$P/root.pem" -days 2 \
    -subj "/CN=egov smoke root" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" >/dev/null 2>&1 &&
  openssl req -newkey rsa:2048 -nodes -keyout "$P/signer.key" -out "$P/signer.csr" -subj "/CN=egov smoke signer" \
    >/dev/null 2>&1 &&
  openssl x509 -req -in "$P/signer.csr" -CA "$P/root.pem" -CAkey "$P/root.key" -CAcreateserial -days 2 \
    -extfile "$P/ext.cnf" -out "$P/signer.pem" >/dev/null 2>&1 &&
  openssl pkcs12 -export -inkey "$P/signer.key" -in "$P/signer.pem" -certfile "$P/root.pem" -out "$P/signer.p12" \
    -passout pass:smoke-key-password || fail "openssl could not make the test PKI"
  TRUST="--trust $P/root.pem --revocation offline"
  export EGOV_KEY_PASSWORD=smoke-key-password
  expect 0 sign "$WORK/letter.edxml" --keystore "$P/signer.p12" --out "$WORK/signed.edxml"
  grep -q smoke-key-password "$WORK/out" "$WORK/err" && fail "the key's password was printed"
  expect 0 verify "$WORK/signed.edxml" $TRUST --json
  grep -q '"valid" : true' "$WORK/out" || fail "the signed package does not verify: $(cat "$WORK/out")"
  expect 0 edxml validate "$WORK/signed.edxml"
  sed 's/kiem thu dong lenh/kiem thu dong lenk/' "$WORK/signed.edxml" >"$WORK/tampered.edxml"
  expect 1 verify "$WORK/tampered.edxml" $TRUST
  grep -q "check 'signature'" "$WORK/err" || fail "the tampered package's failed check is not named"
  expect 0 sign "$WORK/cong-van.pdf" --format cms --key "$P/signer.key" --cert "$P/signer.pem" --out "$WORK/c.p7s"
  expect 0 verify "$WORK/c.p7s" --content "$WORK/cong-van.pdf" $TRUST
  openssl cms -verify -binary -inform DER -in "$WORK/c.p7s" -content "$WORK/cong-van.pdf" -CAfile "$P/root.pem" \
    -purpose any -out /dev/null 2>/dev/null || fail "openssl does not verify egov's CMS signature"
  export EGOV_KEY_PASSWORD=wrong-key-password
  expect 5 sign "$WORK/letter.edxml" --keystore "$P/signer.p12" --out "$WORK/never.edxml"
  grep -q wrong-key-password "$WORK/out" "$WORK/err" && fail "the wrong password was printed"
  unset EGOV_KEY_PASSWORD
else
  echo "egov-smoke: no openssl on the PATH: sign/verify skipped" >&2
fi

: >"$WORK/sandbox.out"  # exists before the wait loop reads it; java itself in the background, so that $! is its pid
java -jar "$JAR" sandbox --port 0 >"$WORK/sandbox.out" 2>"$WORK/sandbox.err" &
SANDBOX_PID=$!
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30; do
  grep -q 'listening on' "$WORK/sandbox.out" && break
  sleep 1
done
BASE=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$WORK/sandbox.out" | head -1)
[ -n "$BASE" ] || fail "the sandbox printed no URL: $(cat "$WORK/sandbox.err")"
expect 0 axis agencies --json --url "$BASE/vdxp" --system vxp.sandbox.01 --secret sandbox-secret
EGOV_AXIS_SECRET=wrong-secret-for-smoke expect 5 axis list --url "$BASE/vdxp" --system vxp.sandbox.01
grep -q 'no secret' "$WORK/err" && fail "EGOV_AXIS_SECRET was not read"
grep -q wrong-secret-for-smoke "$WORK/out" "$WORK/err" && fail "the secret was printed"
# egov pay against the sandbox's DVCQG payment platform (its public test merchant), the key from the environment
PAY="--system dvcqg --url $BASE/dvcqg-pay --merchant SANDBOX-DVC-01 --store $WORK/payments.json"
export EGOV_PAYMENT_DVCQG_HASH_KEY=dvcqg-sandbox-hash-key
expect 0 pay create $PAY --amount 150000 --dossier SMOKE-0001 --json
REF=$(sed -n 's/.*"reference" : "\([^"]*\)".*/\1/p' "$WORK/out")
[ -n "$REF" ] || fail "pay create printed no reference"
grep -q '"redirectUrl" : "http' "$WORK/out" || fail "pay create printed no payment page"
expect 0 pay status "$REF" $PAY
grep -q PENDING "$WORK/out" || fail "the new payment is not pending: $(cat "$WORK/out")"
printf '{"LoaiBanTin":"PAY","MaLoi":"00","MaDoiTac":"SANDBOX-DVC-01","MaThamChieu":"%s","SoTien":"150000","MaTienTe":"VND","MaGiaoDich":"1","MaNganHang":"NCB","ThoiGianGD":"20261207120000","ThongTinGiaoDich":"x","MaXacThuc":"forged"}' "$REF" >"$WORK/callback.json"
egov pay callback-check - $PAY <"$WORK/callback.json" >"$WORK/out" 2>"$WORK/err"
[ $? = 1 ] || fail "a forged callback was not refused with exit 1"
grep -q 'does not match' "$WORK/out" && grep -q "|$REF|150000|" "$WORK/out" || fail "no signed string or verdict: $(cat "$WORK/out")"
grep -q dvcqg-sandbox-hash-key "$WORK/out" "$WORK/err" && fail "the payment key was printed"
unset EGOV_PAYMENT_DVCQG_HASH_KEY

# egov login with a sandbox test citizen, no browser; the sandbox's default client redirects to localhost:8080
export EGOV_SSO_CLIENT_SECRET=sandbox-sso-secret
egov login --issuer "$BASE/sso" --client-id sandbox-sso-client --redirect-uri http://localhost:8080/login/callback \
  --test-citizen citizen-vneid-ial2 --json >"$WORK/out" 2>"$WORK/err"
got=$?
if [ "$got" = 6 ]; then
  echo "egov-smoke: login skipped, port 8080 is taken: $(tail -1 "$WORK/err")" >&2
else
  [ "$got" = 0 ] || fail "egov login exited $got: $(cat "$WORK/err")"
  grep -q '"accountType" : "CITIZEN' "$WORK/out" || fail "no citizen identity: $(cat "$WORK/out")"
  grep -q sandbox-sso-secret "$WORK/out" "$WORK/err" && fail "the client secret was printed"
fi
unset EGOV_SSO_CLIENT_SECRET

if [ -n "${EGOV_SMOKE_PACKAGE:-}" ]; then
  EGOV_AXIS_SECRET=sandbox-secret expect 0 axis send "$EGOV_SMOKE_PACKAGE" --url "$BASE/vdxp" --system vxp.sandbox.01
  export EGOV_AXIS_SECRET=sandbox-secret-02
  expect 0 axis list --json --url "$BASE/vdxp" --system vxp.sandbox.02
  ID=$(sed -n 's/.*"docId" : "\([^"]*\)".*/\1/p' "$WORK/out" | head -1)
  [ -n "$ID" ] || fail "nothing waiting after the send"
  expect 0 axis fetch "$ID" --out "$WORK/got.edxml" --url "$BASE/vdxp" --system vxp.sandbox.02
  expect 0 edxml inspect "$WORK/got.edxml"
  expect 0 axis ack "$ID" --url "$BASE/vdxp" --system vxp.sandbox.02
fi
kill "$SANDBOX_PID"
wait "$SANDBOX_PID" 2>/dev/null
rm -rf "$WORK"
echo "egov-smoke: ok"
