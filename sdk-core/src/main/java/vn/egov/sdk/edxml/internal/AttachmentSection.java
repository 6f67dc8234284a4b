package vn.egov.sdk.edxml.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.EdXmlFormatException;
import vn.egov.sdk.edxml.EdXmlNames;
import vn.egov.sdk.edxml.EdXmlReadOptions;

/**
 * Parses what follows the envelope ({@code <AttachmentEncoded>…</AttachmentEncoded></edXML>}) straight from the
 * bytes, streaming each {@code ContentTransferEncoded} into the block base64 decoder without turning it into
 * characters first. The grammar is the small one real packages use: attachment elements holding text-only leaves,
 * namespace declarations, comments, processing instructions, CDATA, the five predefined entities and character
 * references. Anything else is an {@link EdXmlFormatException}.
 */
final class AttachmentSection {
    private static final int MAX_NAME = 256;
    private static final int MAX_LEAF = 64 * 1024;
    private static final int MAX_ATTRIBUTES = 64;
    private static final int MAX_SKIP_DEPTH = 64;

    private final ByteCursor in;
    private final EdXmlReadOptions options;
    private final List<Path> created;
    private final String rootName;
    private final Deque<Map<String, String>> scopes = new ArrayDeque<>();

    /**
     * @param rest the bytes after the envelope's end tag
     * @param rootNamespaces prefix → URI declared on the root element ("" for the default namespace)
     * @param rootName the root element's qualified name, for its end tag
     */
    AttachmentSection(InputStream rest, Map<String, String> rootNamespaces, String rootName, EdXmlReadOptions options,
            List<Path> created) {
        this.in = new ByteCursor(rest);
        this.options = options;
        this.created = created;
        this.rootName = rootName;
        scopes.push(new HashMap<>(rootNamespaces));
    }

    /** Reads to the end of the document, adding each attachment found. */
    void read(List<Attachment> attachments) throws IOException {
        while (true) {
            skipMisc();
            if (in.peek() < 0) {
                throw error("", "the document ends before </" + rootName + ">");
            }
            if (in.startsWith("</")) {
                Tag end = endTag();
                if (!end.qname.equals(rootName)) {
                    throw error("", "</" + end.qname + "> where </" + rootName + "> was expected");
                }
                skipMisc();
                if (in.peek() >= 0) {
                    throw error("", "content after the end of the document");
                }
                return;
            }
            if (in.peek() != '<') {
                throw error("", "text outside any element");
            }
            Tag tag = startTag();
            if (isEdXml(tag, "AttachmentEncoded")) {
                if (!tag.selfClosing) {
                    attachments(attachments, tag);
                } else {
                    scopes.pop();
                }
            } else if (options.strict()) {
                throw error(tag.local, "unknown element (strict reading)");
            } else {
                skipElement(tag);
            }
        }
    }

    private void attachments(List<Attachment> attachments, Tag section) throws IOException {
        while (true) {
            skipMisc();
            if (in.startsWith("</")) {
                closeTag(section, "AttachmentEncoded");
                return;
            }
            Tag tag = startTag();
            String path = "Attachments[" + (attachments.size() + 1) + "]";
            if (tag.local.equals("Attachment") && !tag.selfClosing) {
                attachments.add(attachment(tag, path));
            } else if (options.strict()) {
                throw error(path, "unknown element " + tag.qname + " (strict reading)");
            } else {
                skipElement(tag);
            }
        }
    }

    private Attachment attachment(Tag element, String path) throws IOException {
        AttachmentFields fields = new AttachmentFields(path, options.strict());
        while (true) {
            skipMisc();
            if (in.startsWith("</")) {
                closeTag(element, "Attachment");
                return fields.build();
            }
            Tag tag = startTag();
            if (AttachmentFields.isLeaf(tag.local)) {
                fields.leaf(tag.local, leaf(tag, fields.path(tag.local)));
            } else if (tag.local.equals(AttachmentFields.CONTENT)) {
                fields.expectContent();
                fields.content(base64(tag, fields.path(tag.local), fields.contentId(), fields.name()));
            } else {
                fields.unknown(tag.local);
                skipElement(tag);
            }
        }
    }

    private AttachmentContent base64(Tag tag, String path, String contentId, String name) throws IOException {
        AttachmentOutput output = new AttachmentOutput(options, path, created, contentId, name);
        Base64Decoding decoder = new Base64Decoding(output, path);
        try {
            if (!tag.selfClosing) {
                in.offerBlocks(Base64Decoding.BLOCK, decoder::tryBlock);
                while (true) {
                    in.streamUntil('<', '&', decoder::accept);
                    int c = in.peek();
                    if (c < 0) {
                        throw error(path, "the document ends inside the attachment");
                    }
                    if (c == '&') {
                        String ch = reference(path);
                        if (!ch.isBlank()) {
                            throw error(path, "invalid base64: character reference to '" + ch + "'");
                        }
                    } else if (in.startsWith("<![CDATA[")) {
                        in.skip(9);
                        cdata(decoder, path);
                    } else if (in.startsWith("<!--")) {
                        comment();
                    } else {
                        closeTag(tag, "ContentTransferEncoded");
                        break;
                    }
                }
            } else {
                scopes.pop();
            }
            decoder.finish();
            return output.finish();
        } catch (IOException | RuntimeException e) {
            output.abandon();
            throw e;
        }
    }

    private void cdata(Base64Decoding decoder, String path) throws IOException {
        while (true) {
            in.streamUntil(']', ']', decoder::accept);
            if (in.peek() < 0) {
                throw error(path, "unterminated CDATA section");
            }
            if (in.startsWith("]]>")) {
                in.skip(3);
                return;
            }
            throw error(path, "invalid base64: ']' inside CDATA");
        }
    }

    private String leaf(Tag tag, String path) throws IOException {
        if (tag.selfClosing) {
            scopes.pop();
            return "";
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        while (true) {
            int c = in.peek();
            if (c < 0) {
                throw error(path, "the document ends inside the element");
            }
            if (c == '&') {
                text.writeBytes(reference(path).getBytes(StandardCharsets.UTF_8));
            } else if (in.startsWith("<![CDATA[")) {
                in.skip(9);
                while (!in.startsWith("]]>")) {
                    if (in.peek() < 0) {
                        throw error(path, "unterminated CDATA section");
                    }
                    text.write(in.next());
                }
                in.skip(3);
            } else if (in.startsWith("<!--")) {
                comment();
            } else if (c == '<') {
                if (!in.startsWith("</")) {
                    throw error(path, "must hold only text");
                }
                closeTag(tag, tag.local);
                return utf8(text.toByteArray(), path).strip();
            } else {
                text.write(checked(in.next(), path));
            }
            if (text.size() > MAX_LEAF) {
                throw error(path, "text longer than " + MAX_LEAF + " bytes");
            }
        }
    }

    /** Reads {@code &…;} and returns the character(s) it stands for. */
    private String reference(String path) throws IOException {
        in.next(); // '&'
        StringBuilder name = new StringBuilder();
        while (in.peek() != ';') {
            int c = in.next();
            if (c < 0 || name.length() > 10) {
                throw error(path, "malformed entity or character reference");
            }
            name.append((char) c);
        }
        in.next();
        String n = name.toString();
        switch (n) {
            case "lt": return "<";
            case "gt": return ">";
            case "amp": return "&";
            case "quot": return "\"";
            case "apos": return "'";
            default:
                try {
                    int cp = n.startsWith("#x") ? Integer.parseInt(n.substring(2), 16)
                            : n.startsWith("#") ? Integer.parseInt(n.substring(1)) : -1;
                    if (cp < 0 || !Character.isValidCodePoint(cp) || cp < 0x20 && cp != 9 && cp != 10 && cp != 13) {
                        throw error(path, "reference to an undeclared entity or invalid character &" + n + ";");
                    }
                    return new String(Character.toChars(cp));
                } catch (NumberFormatException e) {
                    throw error(path, "malformed character reference &" + n + ";");
                }
        }
    }

    private void skipElement(Tag tag) throws IOException {
        if (tag.selfClosing) {
            scopes.pop();
            return;
        }
        int depth = 1;
        while (depth > 0) {
            int c = in.peek();
            if (c < 0) {
                throw error(tag.local, "the document ends inside the element");
            }
            if (c == '&') {
                reference(tag.local);
            } else if (in.startsWith("<![CDATA[")) {
                in.skip(9);
                while (!in.startsWith("]]>")) {
                    if (in.next() < 0) {
                        throw error(tag.local, "unterminated CDATA section");
                    }
                }
                in.skip(3);
            } else if (in.startsWith("<!--") || in.startsWith("<?")) {
                skipMisc();
            } else if (in.startsWith("</")) {
                endTag();
                scopes.pop();
                depth--;
            } else if (c == '<') {
                Tag t = startTag();
                if (t.selfClosing) {
                    scopes.pop();
                } else if (++depth > MAX_SKIP_DEPTH) {
                    throw error(tag.local, "elements nested deeper than " + MAX_SKIP_DEPTH + " levels");
                }
            } else {
                in.next();
            }
        }
    }

    /** Skips white space, comments and processing instructions. */
    private void skipMisc() throws IOException {
        while (true) {
            int c = in.peek();
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                in.next();
            } else if (in.startsWith("<!--")) {
                comment();
            } else if (in.startsWith("<?")) {
                in.skip(2);
                while (!in.startsWith("?>")) {
                    if (in.next() < 0) {
                        throw error("", "unterminated processing instruction");
                    }
                }
                in.skip(2);
            } else if (in.startsWith("<!")) {
                throw error("", "a DTD or declaration is not allowed here");
            } else {
                return;
            }
        }
    }

    private void comment() throws IOException {
        in.skip(4);
        while (!in.startsWith("-->")) {
            if (in.next() < 0) {
                throw error("", "unterminated comment");
            }
        }
        in.skip(3);
    }

    /** A parsed start tag; its namespace declarations are pushed as a new scope. */
    private record Tag(String qname, String local, String namespace, boolean selfClosing) {
    }

    private Tag startTag() throws IOException {
        in.next(); // '<'
        String qname = name();
        Map<String, String> scope = new HashMap<>(scopes.peek());
        int attributes = 0;
        boolean selfClosing;
        while (true) {
            skipSpace();
            int c = in.peek();
            if (c == '>') {
                in.next();
                selfClosing = false;
                break;
            }
            if (c == '/') {
                in.next();
                if (in.next() != '>') {
                    throw error(qname, "malformed tag");
                }
                selfClosing = true;
                break;
            }
            if (c < 0 || ++attributes > MAX_ATTRIBUTES) {
                throw error(qname, c < 0 ? "the document ends inside a tag" : "too many attributes");
            }
            String attribute = name();
            skipSpace();
            if (in.next() != '=') {
                throw error(qname, "attribute " + attribute + " has no value");
            }
            skipSpace();
            String value = attributeValue(qname);
            if (attribute.equals("xmlns")) {
                scope.put("", value);
            } else if (attribute.startsWith("xmlns:")) {
                scope.put(attribute.substring(6), value);
            }
        }
        int colon = qname.indexOf(':');
        String prefix = colon < 0 ? "" : qname.substring(0, colon);
        String namespace = scope.get(prefix);
        if (namespace == null) {
            throw error(qname, "undeclared namespace prefix '" + prefix + "'");
        }
        scopes.push(scope);
        return new Tag(qname, qname.substring(colon + 1), namespace, selfClosing);
    }

    private Tag endTag() throws IOException {
        in.skip(2);
        String qname = name();
        skipSpace();
        if (in.next() != '>') {
            throw error(qname, "malformed end tag");
        }
        return new Tag(qname, qname.substring(qname.indexOf(':') + 1), "", false);
    }

    private void closeTag(Tag open, String what) throws IOException {
        Tag end = endTag();
        if (!end.qname.equals(open.qname)) {
            throw error(what, "</" + end.qname + "> does not close <" + open.qname + ">");
        }
        scopes.pop();
    }

    private String attributeValue(String element) throws IOException {
        int quote = in.next();
        if (quote != '"' && quote != '\'') {
            throw error(element, "attribute value without quotes");
        }
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        while (true) {
            int c = in.peek();
            if (c < 0 || c == '<') {
                throw error(element, "unterminated attribute value");
            }
            if (c == quote) {
                in.next();
                return utf8(value.toByteArray(), element);
            }
            if (c == '&') {
                value.writeBytes(reference(element).getBytes(StandardCharsets.UTF_8));
            } else {
                value.write(checked(in.next(), element));
            }
            if (value.size() > MAX_LEAF) {
                throw error(element, "attribute value too long");
            }
        }
    }

    private String name() throws IOException {
        StringBuilder n = new StringBuilder();
        while (true) {
            int c = in.peek();
            if (c < 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/' || c == '='
                    || c == '<') {
                break;
            }
            n.append((char) in.next());
            if (n.length() > MAX_NAME) {
                throw error("", "name longer than " + MAX_NAME + " characters");
            }
        }
        if (n.length() == 0) {
            throw error("", "a tag without a name");
        }
        return n.toString();
    }

    private void skipSpace() throws IOException {
        while (in.peek() == ' ' || in.peek() == '\t' || in.peek() == '\n' || in.peek() == '\r') {
            in.next();
        }
    }

    /** A byte of text, refused if it is a control character XML 1.0 does not allow. */
    private static int checked(int b, String path) {
        if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
            throw error(path, "control character 0x" + Integer.toHexString(b) + " is not allowed in XML");
        }
        return b;
    }

    private static boolean isEdXml(Tag tag, String local) {
        return tag.local.equals(local) && tag.namespace.equals(EdXmlNames.NAMESPACE);
    }

    private static String utf8(byte[] bytes, String path) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new EdXmlFormatException(path, "text is not valid UTF-8", e);
        }
    }

    private static EdXmlFormatException error(String path, String why) {
        return new EdXmlFormatException(path, why, null);
    }
}
