package vn.egov.sdk.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;

class BoundedInputStreamTest {
    private static InputStream bytes(int n) {
        return new ByteArrayInputStream(new byte[n]);
    }

    @Test
    void readsUpToTheLimitExactly() throws IOException {
        byte[] data = {1, 2, 3, 4};
        assertArrayEquals(data, new BoundedInputStream(new ByteArrayInputStream(data), 4).readAllBytes());
        assertArrayEquals(new byte[0], new BoundedInputStream(bytes(0), 0).readAllBytes());
    }

    @Test
    void oneByteMoreFailsWhicheverWayItIsRead() throws IOException {
        BoundedInputStream.LimitExceededException e = assertThrows(BoundedInputStream.LimitExceededException.class,
                () -> new BoundedInputStream(bytes(5), 4).readAllBytes());
        assertEquals(4, e.limit());
        assertEquals("the input is larger than 4 bytes", e.getMessage());
        assertThrows(BoundedInputStream.LimitExceededException.class,
                () -> new BoundedInputStream(bytes(5), 4).transferTo(new ByteArrayOutputStream()));
        BoundedInputStream single = new BoundedInputStream(bytes(2), 1);
        assertEquals(0, single.read());
        assertThrows(BoundedInputStream.LimitExceededException.class, single::read);
    }

    @Test
    void closingLeavesTheUnderlyingStreamOpen() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(new byte[3]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (BoundedInputStream b = new BoundedInputStream(in, 10)) {
            assertEquals(3, b.readAllBytes().length);
            assertEquals(10, b.limit());
        }
        assertFalse(closed[0]);
        in.close();
        assertTrue(closed[0]);
    }

    @Test
    void aMissingStreamOrANegativeLimitIsTheCallersMistake() {
        ValidationException missing = assertThrows(ValidationException.class, () -> new BoundedInputStream(null, 1));
        assertEquals("BoundedInputStream.in", missing.errors().get(0).path());
        ValidationException negative = assertThrows(ValidationException.class,
                () -> new BoundedInputStream(bytes(1), -1));
        assertEquals("BoundedInputStream.limit", negative.errors().get(0).path());
    }
}
