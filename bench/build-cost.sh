#!/usr/bin/env bash
# Build cost of the plugin: a warm `mvn -o -q generate-resources` of a consumer with the plugin against the same
# consumer without it (the plugin is declared only in profile `ignition`, so "without" has no trace of it), for the
# default assets and for a consumer with a base config. Two cases with the plugin: "up to date" (the inputs are as in
# the last build, so the goal finds its build record and does no work: the usual warm build) and "generated" (the
# record is deleted before each build, so the goal reads, models, renders and validates everything, as after any
# change of input). After two warm-up builds of each, RUNS rounds (default 20) of one build of each case, the order
# rotated from round to round; prints the median wall time of each, the difference and ratio of the medians, and the
# median of the rounds' own differences (each build with the plugin against the build without it in the same round,
# which cancels the machine's slow drifts) with its quartiles. Then the same builds' Maven session time, taken inside
# each build by an event spy (bench/SessionTimeSpy.java, loaded into every build alike): without the JVM's start-up
# and exit it moves far less from build to build, and shows the plugin's share more sharply.
#
#   bench/build-cost.sh [RUNS]
#
# The plugin is packaged from this tree and installed into target/bench-repo (not ~/.m2, which other builds share);
# that repository is filled from ~/.m2 (as a file: remote, like the ITs) during warm-up, then every timed build is
# offline. Not part of the tests. Timings on a busy machine are noisy: compare the medians of one run, not runs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${1:-20}
m2=${MAVEN_LOCAL_REPO:-$HOME/.m2/repository}
repo=$root/target/bench-repo
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
echo "Packaging the plugin $version and installing it into target/bench-repo ..." >&2
./mvnw -B -q -ntp -o package -Dmaven.test.skip=true -Dinvoker.skip >&2
jar=target/ignition-assets-maven-plugin-$version.jar
sed "s|@localRepositoryUrl@|file://$m2|" it/settings.xml > "$work/settings.xml"
./mvnw -B -q -ntp -s "$work/settings.xml" -Dmaven.repo.local="$repo" \
  org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file -Dfile="$jar" -DpomFile=target/.flattened-pom.xml >&2

# The session-time spy (bench/SessionTimeSpy.java), compiled against the Maven that runs the builds.
maven_home=$(./mvnw -v | sed -n 's/^Maven home: //p')
rm -rf target/bench-spy && mkdir -p target/bench-spy/META-INF/plexus
javac --release 17 -cp "$maven_home/lib/*" -d target/bench-spy bench/SessionTimeSpy.java
cat > target/bench-spy/META-INF/plexus/components.xml <<'XML'
<component-set><components><component>
  <role>org.apache.maven.eventspy.EventSpy</role><role-hint>bench-session-time</role-hint>
  <implementation>bench.SessionTimeSpy</implementation>
</component></components></component-set>
XML
(cd target/bench-spy && jar cf ../bench-spy.jar .)
spy=$root/target/bench-spy.jar

consumer() { # consumer NAME EXTRA_CONFIGURATION
  local dir=$work/$1
  mkdir -p "$dir/src/main/ignition"
  printf 'image: quay.io/example/agent:v1\n' > "$dir/src/main/ignition/pull.yaml"
  cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench.ignitionassets</groupId>
  <artifactId>$1</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <profiles>
    <profile>
      <id>ignition</id>
      <build>
        <plugins>
          <plugin>
            <groupId>io.github.ignitionassets</groupId>
            <artifactId>ignition-assets-maven-plugin</artifactId>
            <version>$version</version>
            <executions>
              <execution>
                <goals>
                  <goal>generate</goal>
                </goals>
              </execution>
            </executions>
            <configuration>$2</configuration>
          </plugin>
        </plugins>
      </build>
    </profile>
  </profiles>
</project>
POM
}
consumer default ''
consumer base-config '<baseConfig>src/main/ignition/base.ign</baseConfig>'
{
  printf '{"ignition":{"version":"3.1.0"},"passwd":{"users":[{"name":"core","sshAuthorizedKeys":["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBenchKey core@bench"]}]},'
  printf '"storage":{"files":[{"path":"/etc/hostname","mode":420,"contents":{"source":"data:,bench-host"}}'
  for i in $(seq 1 20); do
    printf ',{"path":"/etc/bench/file-%s.conf","mode":420,"contents":{"source":"data:,key%%3Dvalue-%s%%0A"}}' "$i" "$i"
  done
  printf ']},"systemd":{"units":[{"name":"bench.service","enabled":true,"contents":"[Service]\\nExecStart=/bin/true\\n[Install]\\nWantedBy=multi-user.target\\n"}]}}\n'
} > "$work/base-config/src/main/ignition/base.ign"

mvn_run() { # mvn_run CONSUMER [ARGS...]: one build, prints its wall time in ms; its session time goes to $work/session
  local dir=$work/$1; shift
  local t0 t1
  t0=$(date +%s%N)
  SESSION_TIME_FILE=$work/session ./mvnw -B -q -o -s "$work/settings.xml" -Dmaven.repo.local="$repo" \
    -Dmaven.ext.class.path="$spy" -f "$dir/pom.xml" "$@" generate-resources >"$work/last.log" 2>&1 \
    || { cat "$work/last.log" >&2; exit 1; }
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
quartiles() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 3) / 4)] ".." a[int((3 * NR + 3) / 4)]}'; }

echo "Warm-up ..." >&2
for c in default base-config; do
  # The first build of each fills target/bench-repo (online, from ~/.m2); the rest are offline.
  ./mvnw -B -q -s "$work/settings.xml" -Dmaven.repo.local="$repo" -f "$work/$c/pom.xml" -Pignition generate-resources >&2
  for _ in 1 2; do mvn_run "$c" >/dev/null; mvn_run "$c" -Pignition >/dev/null; done
done

# The two cases really are what they say: the goal skips its work when its record matches, and does it without one.
for c in default base-config; do
  ./mvnw -B -o -s "$work/settings.xml" -Dmaven.repo.local="$repo" -f "$work/$c/pom.xml" -Pignition generate-resources \
    | grep -q 'Ignition assets unchanged in .* (same inputs as the last build)' || { echo "$c: not up to date" >&2; exit 1; }
  rm -f "$work/$c/target/ignition-assets/last-build.bin"
  ./mvnw -B -o -s "$work/settings.xml" -Dmaven.repo.local="$repo" -f "$work/$c/pom.xml" -Pignition generate-resources \
    | grep -q 'Load in a registry outage' || { echo "$c: did not generate" >&2; exit 1; }
done

echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the timed runs; $runs rounds of each consumer"
declare -A session=()
printf '%-26s %9s %9s %9s %7s %16s %8s\n' consumer without with added ratio "paired (IQR)" target
for c in default base-config; do
  for f in without uptodate generated d-uptodate d-generated s-without s-uptodate s-generated; do : > "$work/$f"; done
  for r in $(seq 1 "$runs"); do
    # One build of each per round, the order rotated each round so no case always runs first (or just after the
    # build that warmed the disk cache for it). "generated" deletes the record first; "up to date" finds the record of
    # the last build with the plugin (the warm-up made one), whichever case ran last.
    declare -A t=() s=()
    for i in 0 1 2; do
      : > "$work/session"
      case $(((i + r) % 3)) in
        0) k=without; t[$k]=$(mvn_run "$c") ;;
        1) k=uptodate; t[$k]=$(mvn_run "$c" -Pignition) ;;
        2) k=generated; rm -f "$work/$c/target/ignition-assets/last-build.bin"; t[$k]=$(mvn_run "$c" -Pignition) ;;
      esac
      s[$k]=$(cat "$work/session")
    done
    for k in without uptodate generated; do echo "${t[$k]}" >> "$work/$k"; echo "${s[$k]}" >> "$work/s-$k"; done
    echo $((t[uptodate] - t[without])) >> "$work/d-uptodate"
    echo $((t[generated] - t[without])) >> "$work/d-generated"
  done
  a=$(median < "$work/without")
  for case in uptodate generated; do
    b=$(median < "$work/$case")
    d=$(median < "$work/d-$case")
    label="$c, $( [ $case = uptodate ] && echo 'up to date' || echo generated)"
    ratio=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", b / a}')
    verdict=$(awk -v a="$a" -v b="$b" 'BEGIN {print (b - a < 300 && b / a <= 1.10) ? "met" : "missed"}')
    printf '%-26s %9s %9s %9s %7s %16s %8s\n' "$label" "$a" "$b" "$((b - a))" "$ratio" "$d ($(quartiles < "$work/d-$case"))" "$verdict"
    sa=$(median < "$work/s-without"); sb=$(median < "$work/s-$case")
    session[$label]=$(printf '%-26s %9s %9s %9s' "$label" "$((sa / 1000))" "$((sb / 1000))" "$(((sb - sa) / 1000))")
  done
  echo "  without:    $(tr '\n' ' ' < "$work/without")" >&2
  echo "  up to date: $(tr '\n' ' ' < "$work/uptodate")" >&2
  echo "  generated:  $(tr '\n' ' ' < "$work/generated")" >&2
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after the timed runs"
echo
echo "Maven's session time of the same builds (from the spy; without JVM start-up and exit), medians in ms:"
printf '%-26s %9s %9s %9s\n' consumer without with added
for label in "default, up to date" "default, generated" "base-config, up to date" "base-config, generated"; do
  echo "${session[$label]}"
done
echo "(ms; without/with: medians of the builds; added and ratio: of those medians; paired: median of each round's" \
  "difference to the build without, first and third quartiles in brackets; target: added < 300 ms and ratio <= 1.10)"

# Where the goal's time goes: each phase in a fresh JVM, cold as in every Maven build (three JVMs).
./mvnw -B -q -ntp -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime >&2
cp="target/classes:$(cat target/bench-classpath.txt)"
javac -cp "$cp" -d target/bench-classes bench/GoalPhases.java
for _ in 1 2 3; do
  java -cp "$cp:target/bench-classes" GoalPhases
done
