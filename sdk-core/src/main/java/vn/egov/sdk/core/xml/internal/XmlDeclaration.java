package vn.egov.sdk.core.xml.internal;

import java.util.Locale;

/** Reads the encoding an XML declaration names, from a document's first bytes, without parsing the document. */
public final class XmlDeclaration {
    private XmlDeclaration() {
    }

    /**
     * The value of the {@code encoding} pseudo-attribute of the XML declaration that {@code bytes[from, to)} starts
     * with, in lower case.
     *
     * @return the name, or "" when the bytes start with no declaration or it names no encoding
     */
    public static String encoding(byte[] bytes, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to && text.indexOf("?>") < 0; i++) {
            text.append((char) (bytes[i] & 0xff));
        }
        String s = text.toString().toLowerCase(Locale.ROOT);
        if (!s.startsWith("<?xml")) {
            return "";
        }
        int close = s.indexOf("?>");
        String declaration = close < 0 ? s : s.substring(0, close);
        int at = declaration.indexOf("encoding");
        if (at < 0) {
            return "";
        }
        StringBuilder name = new StringBuilder();
        for (char c : declaration.substring(at + "encoding".length()).toCharArray()) {
            if (c == '"' || c == '\'' || c == '=' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (name.length() > 0 && (c == '"' || c == '\'')) {
                    break;
                }
                continue;
            }
            name.append(c);
        }
        return name.toString();
    }
}
