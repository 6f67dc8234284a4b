package vn.egov.sdk.testkit;

import java.time.Duration;

/** The standalone sandbox's help and start-up announcement. */
final class StandaloneText {

    private StandaloneText() {
    }

    /** The {@code --help} text: options, exit status, systems, keys and endpoints. */
    static String help() {
        return StandaloneOptions.USAGE + "\n\n"
                + "Starts the national sandbox on 127.0.0.1 and serves until stopped (Ctrl+C). Options:\n"
                + "  --port N                the TCP port, 0..65535 (default 0: a free port, printed at start)\n"
                + "  --vdxp-window SECONDS   how far a national-axis timestamp may be from the sandbox clock (default "
                + VdxpSandbox.DEFAULT_WINDOW.toSeconds() + ")\n"
                + "  --allow-remote-control  accept the control API /_sandbox/ under any Host header, not only\n"
                + "                          127.0.0.1 / localhost (for a proxy or a container port mapping)\n"
                + "  --help                  this text\n"
                + "Exit status: 0 help shown, 1 cannot start (port in use), 2 wrong arguments; stopped by Ctrl+C or kill,\n"
                + "the signal's status (130 or 143).\n\n"
                + "Endpoints, test systems and keys (public test values, not secrets of any real system):\n"
                + "  POST /oauth2/token                 OAuth2 client credentials: client_id "
                + NationalSandbox.DEFAULT_CLIENT_ID + ", client_secret " + NationalSandbox.DEFAULT_CLIENT_SECRET + "\n"
                + "  /demo/echo, /demo/orders, /demo/public  a small API behind that token\n"
                + "  /vdxp/...                          national document axis (VDXP, XroadVnpt-* HMAC headers):\n"
                + "      system " + VdxpSandbox.SYSTEM_1 + " secret " + VdxpSandbox.SECRET_1 + " serves "
                + VdxpSandbox.ORGAN_1 + "\n"
                + "      system " + VdxpSandbox.SYSTEM_2 + " secret " + VdxpSandbox.SECRET_2 + " serves "
                + VdxpSandbox.ORGAN_2 + "\n"
                + "      sendEdoc, getReceivedEdocList, getEdoc, updateStatus, getSentEdocList, countReceiveEdoc,\n"
                + "      countReceiveStatus, getAgenciesList, getAgenciesListQD20\n"
                + "  /lgsp/v1/...                       provincial LGSP axis: login " + LgspSandbox.ADMIN_USERNAME
                + " / " + LgspSandbox.ADMIN_PASSWORD + " app " + LgspSandbox.APPLICATION_CODE + ";\n"
                + "      system " + LgspSandbox.SYSTEM_1_ID + " key " + LgspSandbox.SYSTEM_1_SECRET_KEY + " serves "
                + LgspSandbox.SYSTEM_1_ORGAN + "; system " + LgspSandbox.SYSTEM_2_ID + " key "
                + LgspSandbox.SYSTEM_2_SECRET_KEY + " serves " + LgspSandbox.SYSTEM_2_ORGAN + "\n"
                + "  /smartca/sca/sp769/...             VNPT SmartCA: sp_id " + SmartCaSandbox.SP_ID + " sp_password "
                + SmartCaSandbox.SP_PASSWORD + "; users " + SmartCaSandbox.USER_CONFIRMS + " (confirms), "
                + SmartCaSandbox.USER_DECLINES + " (declines),\n      " + SmartCaSandbox.USER_EXPIRES
                + " (expires), " + SmartCaSandbox.USER_IGNORES + " (ignores); password "
                + SmartCaSandbox.USER_PASSWORD + ", TOTP secret " + SmartCaSandbox.TOTP_SECRET + "\n"
                + "  /keypay/create, /keypay/detail     Keypay DVCQG payments: client_id " + KeypaySandbox.CLIENT_ID
                + " hash_key_1 " + KeypaySandbox.HASH_KEY_1 + " hash_key_2 " + KeypaySandbox.HASH_KEY_2 + ";\n"
                + "      page /keypay/page/{id}, test API POST /keypay/_test/{id}/pay|fail|expire\n"
                + "  /dvcqg-pay/init, query, get-bill   DVCQG payment platform: MaDoiTac "
                + DvcqgPaySandbox.MERCHANT_CODE + " secret " + DvcqgPaySandbox.SECRET + ";\n"
                + "      page /dvcqg-pay/page/{id}, test API POST /dvcqg-pay/_test/{MaThamChieu}/pay|fail|expire\n"
                + "  /dvcqg/auth, integration, share    national public-service portal adapter: username "
                + DvcqgPortalSandbox.USERNAME + " password " + DvcqgPortalSandbox.PASSWORD + ",\n      header dstcode "
                + DvcqgPortalSandbox.DSTCODE + ", madonvi e.g. " + DvcqgPortalSandbox.MADONVI
                + "; DongBoHoSoMC, CapNhatTienDoHoSoMC, catalogue, ratings, Q&A;\n"
                + "      page GET /dvcqg/ho-so lists the dossiers held\n"
                + "  /dvcqg/tinh/them-moi, cap-nhat, dong-bo-tien-trinh, trang-thai, api/SynsTTHCC/DongBoHoSoMC\n"
                + "      a province's own sync endpoints (JSON arrays) into the same store: Authorization: Bearer "
                + DvcqgPortalSandbox.PROVINCIAL_TOKEN + "\n"
                + "  /paygov/PayGov/...                 PayGov via an LGSP (bearer + lgspaccesstoken): partner "
                + PayGovSandbox.PARTNER_CODE + " accessKey " + PayGovSandbox.ACCESS_KEY + " secretKey "
                + PayGovSandbox.SECRET_KEY + " serviceCode " + PayGovSandbox.SERVICE_CODE + ";\n      Dong Thap partner "
                + PayGovSandbox.DONG_THAP_PARTNER_CODE + " secretKey " + PayGovSandbox.DONG_THAP_SECRET_KEY
                + "; page /paygov/page/{requestCode}, test API POST /paygov/_test/{requestCode}/pay|fail|expire\n"
                + "  /sso/...                           national SSO identity provider (OpenID Connect, issuer {base}/sso):\n"
                + "      GET /sso/.well-known/openid-configuration, GET /sso/oauth2/jwks, GET /sso/oauth2/authorize (HTML\n"
                + "      login page, posts to /sso/commonauth), POST /sso/oauth2/token, GET /sso/oauth2/userinfo,\n"
                + "      POST /sso/oauth2/introspect, POST /sso/oauth2/validatetoken, GET /sso/oidc/logout;\n"
                + "      client_id " + SsoSandbox.DEFAULT_CLIENT_ID + " client_secret " + SsoSandbox.DEFAULT_CLIENT_SECRET
                + " redirect_uri " + SsoSandbox.DEFAULT_REDIRECT_URI + ";\n"
                + "      test users (fictional): " + testUsers() + ";\n"
                + "      test API GET /sso/_test/users, POST /sso/_test/login|next-id-token|rotate-keys|drop-old-keys\n"
                + "  /pki/...                           test PKI: " + TestPki.ROOT_PATH + ", " + TestPki.OCSP_PATH
                + ", " + TestPki.CRL_PATH + ", " + TestPki.ROOT_CRL_PATH + ", " + TestPki.TSA_PATH + "\n"
                + "  /_sandbox/...                      control API (JSON): GET /_sandbox/ lists it\n";
    }

    private static String testUsers() {
        StringBuilder out = new StringBuilder();
        for (SsoTestUser user : SsoTestUser.ALL) {
            out.append(out.length() == 0 ? "" : ", ").append(user.key());
        }
        return out.toString();
    }

    /** What the sandbox prints when it has started. */
    static String announcement(NationalSandbox sandbox, Duration vdxpWindow) {
        return "NationalSandbox listening on " + sandbox.baseUrl() + "\n"
                + "OAuth2 test client: client_id=" + NationalSandbox.DEFAULT_CLIENT_ID + " client_secret="
                + NationalSandbox.DEFAULT_CLIENT_SECRET + " token endpoint " + sandbox.tokenUrl() + "\n"
                + "National axis (VDXP) at " + sandbox.vdxpUrl() + ": system " + VdxpSandbox.SYSTEM_1 + " secret "
                + VdxpSandbox.SECRET_1 + " serves " + VdxpSandbox.ORGAN_1 + "; system " + VdxpSandbox.SYSTEM_2
                + " secret " + VdxpSandbox.SECRET_2 + " serves " + VdxpSandbox.ORGAN_2 + "; timestamp window "
                + vdxpWindow.toSeconds() + " s\n"
                + "Provincial axis (LGSP v1) at " + sandbox.lgspUrl() + ": admin " + LgspSandbox.ADMIN_USERNAME + "/"
                + LgspSandbox.ADMIN_PASSWORD + " app " + LgspSandbox.APPLICATION_CODE + "; systems "
                + LgspSandbox.SYSTEM_1_ID + " (" + LgspSandbox.SYSTEM_1_ORGAN + ") and " + LgspSandbox.SYSTEM_2_ID
                + " (" + LgspSandbox.SYSTEM_2_ORGAN + ")\n"
                + "Test PKI at " + sandbox.baseUrl() + "/pki/: root certificate " + TestPki.ROOT_PATH + ", OCSP "
                + TestPki.OCSP_PATH + ", CRLs " + TestPki.CRL_PATH + " and " + TestPki.ROOT_CRL_PATH + ", TSA "
                + TestPki.TSA_PATH + "\n"
                + "VNPT SmartCA at " + sandbox.smartCaUrl() + ": sp_id " + SmartCaSandbox.SP_ID + " sp_password "
                + SmartCaSandbox.SP_PASSWORD + "; user " + SmartCaSandbox.USER_CONFIRMS + " confirms\n"
                + "National SSO at " + sandbox.sso().issuer() + ": client_id " + SsoSandbox.DEFAULT_CLIENT_ID
                + " client_secret " + SsoSandbox.DEFAULT_CLIENT_SECRET + " redirect_uri "
                + SsoSandbox.DEFAULT_REDIRECT_URI + "\n"
                + "Control API at " + sandbox.baseUrl() + "/_sandbox/ (reset, faults, clock, state, calls)\n";
    }
}
