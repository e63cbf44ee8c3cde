package io.github.ignitionassets.realtools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An overloaded registry: 127.0.0.1:port answers every HTTP request with 503 Service Unavailable.
 *
 * <p>Written on a plain {@link ServerSocket}, not {@code com.sun.net.httpserver}: podman first probes an insecure
 * registry with a TLS ClientHello, and {@code HttpServer} waits on that for a request line that never comes, so
 * every pull stalls. Real HTTP servers (Go's, which the registry uses, or Python's) answer such a probe with 400
 * and close, and so does this one; podman then falls back to plain HTTP.
 */
final class Http503Server implements AutoCloseable {

    private static final byte[] BODY = "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"overloaded\"}]}\n"
            .getBytes(StandardCharsets.UTF_8);

    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicInteger requests = new AtomicInteger();

    private Http503Server(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "http-503-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static Http503Server start(int port) {
        IOException last = null;
        for (int i = 0; i < 50; i++) { // the port may still be held by a registry that is closing
            ServerSocket s = null;
            try {
                s = new ServerSocket();
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(Loopback.address(), port), 50);
                return new Http503Server(s);
            } catch (IOException e) {
                last = e;
                closeQuietly(s);
                ScriptRun.sleep(100);
            }
        }
        throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, last);
    }

    /** HTTP requests answered with 503 so far (TLS probes not counted). */
    int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket c = server.accept();
                Thread t = new Thread(() -> serve(c), "http-503-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket c) {
        try (c; InputStream in = c.getInputStream(); OutputStream out = c.getOutputStream()) {
            c.setSoTimeout(5000);
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return;
                }
                if (first == 0x16) { // a TLS handshake on a plain HTTP port
                    out.write(("HTTP/1.0 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                head.write(first);
                while (!endsWithBlankLine(head)) {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    head.write(b);
                }
                requests.incrementAndGet();
                out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: "
                        + BODY.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(BODY);
                out.flush();
            }
        } catch (SocketException e) {
            // client went away
        } catch (IOException e) {
            // timed out or reset: nothing to answer
        }
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream b) {
        byte[] a = b.toByteArray();
        int n = a.length;
        return n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n';
    }

    @Override
    public void close() {
        closeQuietly(server);
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(ServerSocket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
