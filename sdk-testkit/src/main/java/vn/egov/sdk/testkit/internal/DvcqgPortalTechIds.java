package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.sdk.testkit.SsoTestUser;

/**
 * The simulated adapter's {@code TraCuuTechID}: {@code {provider, mstorcmnd}} answered with
 * {@code result:[{TECHNICALID, HOVATEN, LOAITAIKHOAN}]} for the sandbox SSO's test users whose {@code SoDinhDanh},
 * {@code SoCMND}, {@code MaSoThue} or {@code MaSoDoanhNghiep} equals the number, and an empty {@code result} for a
 * number no test user has.
 */
final class DvcqgPortalTechIds {
    private static final List<String> NUMBERS = List.of("SoDinhDanh", "SoCMND", "MaSoThue", "MaSoDoanhNghiep");

    private final DvcqgPortalReplies replies;

    DvcqgPortalTechIds(DvcqgPortalReplies replies) {
        this.replies = replies;
    }

    /**
     * Answers one {@code TraCuuTechID} call.
     *
     * @param call the request envelope
     * @return the reply body
     */
    Map<String, Object> lookUp(JsonNode call) {
        String number = DvcqgPortalStore.text(call, "mstorcmnd").trim();
        if (number.isEmpty()) {
            return replies.failure(DvcqgPortalReplies.BAD_REQUEST, "Thiếu số CMND/CCCD hoặc mã số thuế (mstorcmnd)");
        }
        if (!DvcqgPortalStore.text(call, "provider").equals("wso2is")) {
            return replies.failure(DvcqgPortalReplies.BAD_REQUEST, "provider không hợp lệ (chỉ hỗ trợ wso2is)");
        }
        List<Map<String, Object>> found = new ArrayList<>();
        for (SsoTestUser user : SsoTestUser.ALL) {
            if (NUMBERS.stream().anyMatch(n -> number.equals(String.valueOf(user.claims().get(n))))) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("TECHNICALID", user.techId());
                item.put("HOVATEN", user.fullName());
                item.put("LOAITAIKHOAN", String.valueOf(user.accountType()));
                found.add(item);
            }
        }
        return replies.success("TraCuuTechID", "Thành công", found);
    }
}
