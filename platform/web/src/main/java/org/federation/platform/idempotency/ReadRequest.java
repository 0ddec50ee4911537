package org.federation.platform.idempotency;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.federation.platform.idempotency.IdempotencyKeys.Fingerprint;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;

/**
 * A request whose body has been read for its fingerprint, and the request to hand on, which
 * still has the body to read.
 *
 * <ul>
 * <li>Most bodies are read into memory (they are at most {@code federation.web.max-body-size},
 * already enforced by {@code RequestBodyLimit}) and handed on in a wrapper that replays them.</li>
 * <li>A multipart upload is read through the container's parts, which it keeps for the handler;
 * its fingerprint covers each part (name, file name, type, bytes) but not the boundary, which a
 * client picks afresh on every retry.</li>
 * <li>A form is read through its parameters, which the container keeps for the handler.</li>
 * </ul>
 */
record ReadRequest(HttpServletRequest request, String fingerprint) {

    private static final String MULTIPART = "multipart/form-data";
    private static final String FORM = "application/x-www-form-urlencoded";

    static ReadRequest of(HttpServletRequest request) throws IOException {
        String method = request.getMethod();
        String path = request.getRequestURI();
        String query = request.getQueryString();
        String contentType = request.getContentType();
        String media = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
        if (media.startsWith(MULTIPART)) {
            Fingerprint fingerprint = IdempotencyKeys.request(method, path, query, MULTIPART);
            try {
                for (Part part : request.getParts()) {
                    fingerprint.add(part.getName()).add(part.getSubmittedFileName()).add(part.getContentType());
                    try (InputStream in = part.getInputStream()) {
                        fingerprint.add(in.readAllBytes());
                    }
                }
            } catch (ServletException | IOException | IllegalStateException | IllegalArgumentException unreadable) {
                // the handler meets the same failure (the container keeps it) and refuses the request,
                // which releases the key again
                fingerprint.add("unreadable multipart body: " + unreadable.getClass().getName());
            }
            return new ReadRequest(request, fingerprint.hex());
        }
        if (media.startsWith(FORM)) {
            Fingerprint fingerprint = IdempotencyKeys.request(method, path, query, contentType);
            Map<String, String[]> parameters = new TreeMap<>(request.getParameterMap());
            parameters.forEach((name, values) -> {
                fingerprint.add(name);
                for (String value : values) {
                    fingerprint.add(value);
                }
            });
            return new ReadRequest(request, fingerprint.hex());
        }
        byte[] body = request.getInputStream().readAllBytes();
        return new ReadRequest(new Replaying(request, body),
                IdempotencyKeys.fingerprint(method, path, query, contentType, body));
    }

    /** The request with its body, already read, to read again. */
    static final class Replaying extends HttpServletRequestWrapper {

        private final byte[] body;
        private ServletInputStream stream;
        private BufferedReader reader;

        Replaying(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            if (stream == null) {
                stream = new BytesInputStream(body);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset;
                try {
                    charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                } catch (IllegalArgumentException e) {
                    throw new UnsupportedEncodingException(encoding);
                }
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    private static final class BytesInputStream extends ServletInputStream {

        private final ByteArrayInputStream bytes;

        BytesInputStream(byte[] body) {
            this.bytes = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return bytes.read(buffer, offset, length);
        }

        @Override
        public int available() {
            return bytes.available();
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            try {
                if (!isFinished()) {
                    listener.onDataAvailable();
                }
                listener.onAllDataRead();
            } catch (IOException e) {
                listener.onError(e);
            }
        }
    }
}
