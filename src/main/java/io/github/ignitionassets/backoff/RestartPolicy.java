package io.github.ignitionassets.backoff;

/**
 * What systemd does around the script, as far as load goes: each {@code ExecStartPre=} command is killed after
 * {@code TimeoutStartSec}, and the unit is started again {@code RestartSec} after it fails, when it restarts at all.
 *
 * @param timeoutStartMs the start timeout; {@link Long#MAX_VALUE} for {@code infinity}
 * @param restartMs      the delay before a restart
 * @param restarts       whether a failed start is restarted ({@code Restart=always} or {@code on-failure})
 * @param from           where each setting comes from, for the report
 */
public record RestartPolicy(long timeoutStartMs, long restartMs, boolean restarts, Origins from) {

    public RestartPolicy {
        if (timeoutStartMs <= 0 || restartMs < 0) {
            throw new IllegalArgumentException("timeoutStartMs must be positive and restartMs not negative");
        }
        from = from == null ? Origins.UNSAID : from;
    }

    /** A policy with no word on where its settings come from. */
    public RestartPolicy(long timeoutStartMs, long restartMs, boolean restarts) {
        this(timeoutStartMs, restartMs, restarts, Origins.UNSAID);
    }

    /**
     * The file each setting comes from, as systemd merges the unit with its drop-ins ({@code systemd's default} for
     * none), e.g. {@code agent.service.d/10-timeout.conf}.
     *
     * @param timeoutStart {@code TimeoutStartSec=}'s
     * @param restartSec   {@code RestartSec=}'s
     * @param restart      {@code Restart=}'s
     */
    public record Origins(String timeoutStart, String restartSec, String restart) {
        /** Nothing said. */
        public static final Origins UNSAID = new Origins("", "", "");
    }
}
