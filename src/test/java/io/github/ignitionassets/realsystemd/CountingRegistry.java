package io.github.ignitionassets.realsystemd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry in an outage that counts its load: 127.0.0.1 on a free port answers every HTTP request with 503 and
 * records when it came (the server's monotonic clock) and which host and unit sent it (the fleet's podman stand-in
 * names them in the query: {@code GET /v2/?host=H&unit=U}).
 */
final class CountingRegistry implements AutoCloseable {

    /** One request, {@code atNanos} on {@link System#nanoTime()}. */
    record Request(long atNanos, String host, String unit) {
    }

    private static final Pattern QUERY = Pattern.compile("[?&]host=([^& ]*)&unit=([^& ]*)");
    private static final byte[] ANSWER = ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
            + "Content-Length: 59\r\nConnection: close\r\n\r\n"
            + "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"overloaded\"}]}\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Thread acceptor;

    private CountingRegistry(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "counting-registry");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static CountingRegistry start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        return new CountingRegistry(s);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Every request so far, in arrival order. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket c;
            try {
                c = server.accept();
            } catch (IOException closed) {
                return;
            }
            long at = System.nanoTime(); // when the host connected: what the registry sees as the request
            Thread t = new Thread(() -> serve(c, at), "counting-registry-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket c, long at) {
        try (c) {
            c.setSoTimeout(5000);
            BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.US_ASCII));
            String line = in.readLine();
            if (line == null) {
                return;
            }
            Matcher m = QUERY.matcher(line);
            requests.add(m.find() ? new Request(at, m.group(1), m.group(2)) : new Request(at, "?", "?"));
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                // the rest of the head
            }
            OutputStream out = c.getOutputStream();
            out.write(ANSWER);
            out.flush();
        } catch (IOException e) {
            // the host went away (killed with its unit): the request is counted all the same
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
