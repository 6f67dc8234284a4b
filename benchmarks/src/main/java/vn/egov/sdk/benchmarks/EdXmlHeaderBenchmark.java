package vn.egov.sdk.benchmarks;

import java.io.ByteArrayInputStream;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import org.w3c.dom.Document;
import vn.egov.sdk.benchmarks.jaxb.Envelope;
import vn.egov.sdk.core.xml.XmlLimits;
import vn.egov.sdk.core.xml.SecureXml;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;

/**
 * Parsing header-only packages (about 10 KB, no attachment: long subject and content, four receivers, eight places,
 * five trace hops, an XML-DSig signature with a certificate; written once by the SDK's writer), one thread:
 *
 * <ul>
 *   <li>{@link #sdkRead}: {@code EdXml.read(new ByteArrayInputStream(bytes))} to the typed model.</li>
 *   <li>{@link #rawDom}: the SDK's hardened JDK DOM parse of the same bytes,
 *       {@code SecureXml.parse(new ByteArrayInputStream(bytes), "x")}, which builds a DOM and maps nothing.</li>
 *   <li>{@link #rawStax}: a pass of the SDK's hardened StAX reader ({@code SecureXml.createStreamReader}) over the
 *       same bytes, every event read (element names and text lengths touched), nothing kept.</li>
 *   <li>{@link #jaxbRead}: Jakarta XML Binding (the GlassFish runtime) unmarshalling the envelope from the same
 *       hardened, bounded StAX reader into the benchmark-local binding {@link Envelope} (header fields as strings,
 *       signature and body as DOM), then reading to the end of the document; no mapping onto the SDK's model. It
 *       is what the header would cost bound with JAXB, before the mapping to immutable values.</li>
 *   <li>{@link #jaxbReadReused}: the same with one {@code Unmarshaller} reused for every read.</li>
 * </ul>
 *
 * The target (docs/PERFORMANCE.md): {@code sdkRead} ≥ 5,000 packages/s on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseG1GC", "-Xms512m", "-Xmx512m"})
public class EdXmlHeaderBenchmark {
    private static final JAXBContext JAXB = jaxbContext();

    byte[] bytes;
    Unmarshaller unmarshaller;

    private static JAXBContext jaxbContext() {
        try {
            return JAXBContext.newInstance(Envelope.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        try {
            unmarshaller = JAXB.createUnmarshaller();
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
        DocumentPackage original = EdXmlFixtures.headerOnlyPackage();
        bytes = EdXmlFixtures.write(original);
        if (bytes.length < 8 * 1024 || bytes.length > 12 * 1024) {
            throw new IllegalStateException("the header-only package is " + bytes.length + " bytes, not ~10 KB");
        }
        // Fail fast if the SDK does not read back what it wrote.
        try (EdXmlPackage read = EdXml.read(new ByteArrayInputStream(bytes))) {
            DocumentPackage doc = (DocumentPackage) read;
            if (!doc.header().equals(original.header()) || !doc.trace().equals(original.trace())
                    || doc.signature().isEmpty() || !doc.attachments().isEmpty()) {
                throw new IllegalStateException("the SDK did not read back the package it wrote");
            }
        }
        try {
            Envelope envelope = jaxbRead();
            if (!envelope.header.messageHeader.subject.equals(original.header().subject())
                    || envelope.header.messageHeader.to.size() != original.header().to().size()
                    || envelope.header.rest.isEmpty()) {
                throw new IllegalStateException("JAXB did not read the package's header");
            }
        } catch (XMLStreamException | JAXBException e) {
            throw new IllegalStateException(e);
        }
        System.out.println("\n[header-only package] " + bytes.length + " bytes");
    }

    /** The SDK: bytes to the typed model. */
    @Benchmark
    public EdXmlPackage sdkRead() {
        return EdXml.read(new ByteArrayInputStream(bytes));
    }

    /**
     * JAXB: the envelope unmarshalled from the hardened bounded StAX reader (one {@code Unmarshaller} per read, the
     * context shared), then the rest of the document read.
     */
    @Benchmark
    public Envelope jaxbRead() throws XMLStreamException, JAXBException {
        XMLStreamReader r = SecureXml.createStreamReader(new ByteArrayInputStream(bytes), XmlLimits.defaults());
        try {
            r.nextTag(); // edXML
            r.nextTag(); // edXMLEnvelope
            Envelope envelope = JAXB.createUnmarshaller().unmarshal(r, Envelope.class).getValue();
            while (r.hasNext()) {
                r.next();
            }
            return envelope;
        } finally {
            r.close();
        }
    }

    /**
     * JAXB with one {@code Unmarshaller} kept for the whole run (an unmarshaller is not thread-safe, so a reader
     * would keep one per thread): what the binding costs without creating its unmarshaller each time.
     */
    @Benchmark
    public Envelope jaxbReadReused() throws XMLStreamException, JAXBException {
        XMLStreamReader r = SecureXml.createStreamReader(new ByteArrayInputStream(bytes), XmlLimits.defaults());
        try {
            r.nextTag(); // edXML
            r.nextTag(); // edXMLEnvelope
            Envelope envelope = unmarshaller.unmarshal(r, Envelope.class).getValue();
            while (r.hasNext()) {
                r.next();
            }
            return envelope;
        } finally {
            r.close();
        }
    }

    /** Raw: the hardened JDK DOM parser, no mapping. */
    @Benchmark
    public Document rawDom() {
        return SecureXml.parse(new ByteArrayInputStream(bytes), "x");
    }

    /** Raw: one pass of the hardened StAX reader over every event, nothing kept. */
    @Benchmark
    public int rawStax(Blackhole bh) throws XMLStreamException {
        XMLStreamReader r = SecureXml.createStreamReader(new ByteArrayInputStream(bytes));
        int events = 0;
        try {
            while (r.hasNext()) {
                int event = r.next();
                events++;
                if (event == XMLStreamConstants.START_ELEMENT) {
                    bh.consume(r.getLocalName());
                } else if (event == XMLStreamConstants.CHARACTERS) {
                    bh.consume(r.getTextLength());
                }
            }
        } finally {
            r.close();
        }
        return events;
    }
}
