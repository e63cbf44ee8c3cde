import io.github.ignitionassets.realsystemd.FleetRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Registry load of a fleet that booted together, measured on real systemd 252 hosts (systemd-nspawn over one
 * read-only root, --volatile=overlay) and modelled, ours beside the seed's policy in the same run, for two units:
 * TimeoutStartSec 20 with 250 ms doubling to 4 s, and the plugin's defaults
 * (TimeoutStartSec 600, 5 s doubling to 300 s, RestartSec 3) with time scaled down 20 times; RealFleetTest asserts
 * both with 20 hosts. The model's column for
 * ours over 10-60 s is the build's own load report ({@code benchFleet}). Each pull is one HTTP
 * request from a podman stand-in to a loopback registry answering 503; requests are counted after the first 10 s
 * of 60. Needs root and systemd-container; about 35 MB per host. Run with bench/fleet.sh [HOSTS].
 */
public class FleetBench {

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<FleetRun.Config> configs = List.of(FleetRun.Config.nearTheCap(hosts),
                FleetRun.Config.defaultsScaledDown(hosts, 20));
        for (FleetRun.Config config : configs) {
            Path tmp = Files.createTempDirectory("fleet-bench");
            try {
                FleetRun.run(config, tmp).print("[fleet-bench]");
            } finally {
                try (Stream<Path> left = Files.walk(tmp)) {
                    for (Path p : left.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }
}
