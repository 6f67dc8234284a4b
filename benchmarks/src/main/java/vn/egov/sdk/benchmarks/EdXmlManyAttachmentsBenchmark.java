package vn.egov.sdk.benchmarks;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import vn.egov.sdk.core.xml.SecureXml;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.EdXmlPackages;

/**
 * Packages of many small attachments (the case where per-attachment costs show: the old reader allocated ~448 KiB
 * of decoder buffers per attachment and read such packages at ~1 MB/s), one thread, milliseconds per package:
 *
 * <ul>
 *   <li>{@link #sdkRead}: {@code EdXml.read} of the package, attachments kept in memory, then closed.</li>
 *   <li>{@link #rawStax}: one pass of the JDK's StAX reader over the same bytes, every text event's characters
 *       touched, nothing decoded or kept (the parser alone, the floor for anything that reads with it).</li>
 *   <li>{@link #rawStaxDecode}: the same pass, and each attachment's base64 decoded by the JDK's decoder from the
 *       text the parser reports (what a plain StAX-based reader does).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseG1GC", "-Xms512m", "-Xmx512m"})
public class EdXmlManyAttachmentsBenchmark {
    /** Attachments in the package. */
    @Param({"1000"})
    public int attachments;

    /** Bytes of each attachment. */
    @Param({"300"})
    public int attachmentBytes;

    byte[] bytes;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(7);
        List<Attachment> list = new ArrayList<>();
        for (int i = 0; i < attachments; i++) {
            byte[] data = new byte[attachmentBytes];
            random.nextBytes(data);
            list.add(new Attachment("cid:" + (i + 1), "tep-" + i + ".bin", "", "application/octet-stream",
                    AttachmentContent.ofBytes(data)));
        }
        DocumentPackage pkg = EdXmlPackages.newDocument(EdXmlFixtures.smallHeader(), EdXmlFixtures.clerk(), list,
                EdXmlFixtures.CLOCK);
        bytes = EdXmlFixtures.write(pkg);
        try (EdXmlPackage read = EdXml.read(new ByteArrayInputStream(bytes))) {
            if (((DocumentPackage) read).attachments().size() != attachments) {
                throw new IllegalStateException("the SDK did not read back the package it wrote");
            }
        }
        System.out.println("\n[many attachments] " + bytes.length + " bytes");
    }

    /** The SDK: bytes to the typed model, attachments decoded into memory. */
    @Benchmark
    public int sdkRead() {
        try (EdXmlPackage pkg = EdXml.read(new ByteArrayInputStream(bytes))) {
            return ((DocumentPackage) pkg).attachments().size();
        }
    }

    /** Raw: the parser alone. */
    @Benchmark
    public int rawStax(Blackhole bh) throws XMLStreamException {
        return stax(bh, false);
    }

    /** Raw: the parser and the JDK's base64 decoder on the text it reports. */
    @Benchmark
    public int rawStaxDecode(Blackhole bh) throws XMLStreamException {
        return stax(bh, true);
    }

    private int stax(Blackhole bh, boolean decode) throws XMLStreamException {
        XMLStreamReader r = SecureXml.createStreamReader(new ByteArrayInputStream(bytes));
        int events = 0;
        boolean inContent = false;
        StringBuilder base64 = new StringBuilder();
        try {
            while (r.hasNext()) {
                int event = r.next();
                events++;
                if (event == XMLStreamConstants.START_ELEMENT) {
                    inContent = r.getLocalName().equals("ContentTransferEncoded");
                    base64.setLength(0);
                } else if (event == XMLStreamConstants.CHARACTERS) {
                    if (inContent && decode) {
                        base64.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    } else {
                        bh.consume(r.getTextLength());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && inContent) {
                    if (decode) {
                        bh.consume(Base64.getDecoder().decode(base64.toString()));
                    }
                    inContent = false;
                }
            }
        } finally {
            r.close();
        }
        return events;
    }
}
