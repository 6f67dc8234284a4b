package vn.egov.sdk.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SSO simulator's OpenID Provider metadata ({@code /sso/.well-known/openid-configuration}). */
public final class SsoDiscovery {

    /** The userinfo claims the simulator can answer (DVCQG names, then the VNeID ones). */
    public static final List<String> CLAIMS = List.of("sub", "LoaiTaiKhoan", "HoVaTen", "SoDinhDanh", "SoCMND",
            "MaSoThue", "MaSoDoanhNghiep", "TenDoanhNghiep", "DiaChi", "NguoiDaiDien", "NgayThangNamSinh", "GioiTinh",
            "DanToc", "QuocTich", "ThuongTru", "NoiOHienNay", "QueQuan", "NoiDangKyKhaiSinh", "TinhTrangHonNhan",
            "MaBHXH", "ThuDienTu", "SoDienThoai", "TechID", "loAs", "loginIdp", "IAL",
            "logoutUri", "userProfileUri");

    private SsoDiscovery() {
    }

    /**
     * The metadata.
     *
     * @param issuer the issuer, {@code {baseUrl}/sso}
     * @return the JSON object
     */
    public static Map<String, Object> document(String issuer) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer);
        d.put("authorization_endpoint", issuer + "/oauth2/authorize");
        d.put("token_endpoint", issuer + "/oauth2/token");
        d.put("userinfo_endpoint", issuer + "/oauth2/userinfo");
        d.put("jwks_uri", issuer + "/oauth2/jwks");
        d.put("introspection_endpoint", issuer + "/oauth2/introspect");
        d.put("end_session_endpoint", issuer + "/oidc/logout");
        // not standard metadata: the DVCQG token-validation call (OpenCPS names it validatetoken_endpoint)
        d.put("validatetoken_endpoint", issuer + "/oauth2/validatetoken");
        d.put("response_types_supported", List.of("code"));
        d.put("response_modes_supported", List.of("query"));
        d.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("scopes_supported", List.of("openid", "profile", "email", "phone"));
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic"));
        d.put("introspection_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("acr_values_supported", List.of("LoA1", "LoA2"));
        d.put("claims_supported", CLAIMS);
        d.put("authorization_response_iss_parameter_supported", true);
        d.put("claims_parameter_supported", false);
        d.put("request_parameter_supported", false);
        return d;
    }
}
