package io.github.ignitionassets.backoff;

/**
 * What systemd does around the script, as far as load goes: each {@code ExecStartPre=} command is killed after
 * {@code TimeoutStartSec}, and the unit is started again {@code RestartSec} after it fails, when it restarts at all.
 *
 * @param timeoutStartMs the start timeout; {@link Long#MAX_VALUE} for {@code infinity}
 * @param restartMs      the delay before a restart
 * @param restarts       whether a failed start is restarted ({@code Restart=always} or {@code on-failure})
 */
public record RestartPolicy(long timeoutStartMs, long restartMs, boolean restarts) {

    public RestartPolicy {
        if (timeoutStartMs <= 0 || restartMs < 0) {
            throw new IllegalArgumentException("timeoutStartMs must be positive and restartMs not negative");
        }
    }
}
