package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.maven.eventspy.AbstractEventSpy;
import org.apache.maven.execution.ExecutionEvent;

/**
 * A Maven event spy for bench/build-cost.sh: appends the session's own time (from "session started" to "session
 * ended", in microseconds) to the file named by the environment variable SESSION_TIME_FILE. Inside one JVM and without
 * its start-up, this time moves far less from build to build than the wall time, so it shows the plugin's share of a
 * build more sharply. Loaded with -Dmaven.ext.class.path (a component in META-INF/plexus/components.xml).
 */
public class SessionTimeSpy extends AbstractEventSpy {

    private long started;
    private long ended;

    @Override
    public void onEvent(Object event) {
        if (event instanceof ExecutionEvent e) {
            if (e.getType() == ExecutionEvent.Type.SessionStarted) {
                started = System.nanoTime();
            } else if (e.getType() == ExecutionEvent.Type.SessionEnded) {
                ended = System.nanoTime();
            }
        }
    }

    @Override
    public void close() throws Exception {
        String file = System.getenv("SESSION_TIME_FILE");
        if (file != null && started != 0 && ended != 0) {
            Files.writeString(Path.of(file), (ended - started) / 1000 + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}
