package vn.egov.sdk.edxml.internal;

/**
 * Checks of the names the writer takes from the caller (the elements and attributes of {@code XmlElement}s and
 * attribute maps), so that what it writes stays well formed: XML 1.0 (fifth edition) names without colons
 * (NCName) and qualified names {@code prefix:local}.
 */
final class XmlOutNames {
    private XmlOutNames() {
    }

    /** Whether {@code s} is an NCName: a name with no colon. */
    static boolean isNcName(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        int i = 0;
        boolean first = true;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (first ? !isNameStart(cp) : !isNameChar(cp)) {
                return false;
            }
            first = false;
            i += Character.charCount(cp);
        }
        return true;
    }

    /** Whether {@code s} is a qualified name: an NCName, or two joined by one colon. */
    static boolean isQName(String s) {
        if (s == null) {
            return false;
        }
        int colon = s.indexOf(':');
        return colon < 0 ? isNcName(s) : isNcName(s.substring(0, colon)) && isNcName(s.substring(colon + 1));
    }

    /** The prefix of a qualified name, "" when it has none. */
    static String prefixOf(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 ? "" : qname.substring(0, colon);
    }

    private static boolean isNameStart(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
                || c >= 0xC0 && c <= 0xD6 || c >= 0xD8 && c <= 0xF6 || c >= 0xF8 && c <= 0x2FF
                || c >= 0x370 && c <= 0x37D || c >= 0x37F && c <= 0x1FFF || c >= 0x200C && c <= 0x200D
                || c >= 0x2070 && c <= 0x218F || c >= 0x2C00 && c <= 0x2FEF || c >= 0x3001 && c <= 0xD7FF
                || c >= 0xF900 && c <= 0xFDCF || c >= 0xFDF0 && c <= 0xFFFD || c >= 0x10000 && c <= 0xEFFFF;
    }

    private static boolean isNameChar(int c) {
        return isNameStart(c) || c == '-' || c == '.' || c >= '0' && c <= '9' || c == 0xB7
                || c >= 0x300 && c <= 0x36F || c >= 0x203F && c <= 0x2040;
    }
}
