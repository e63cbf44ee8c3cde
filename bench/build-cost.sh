#!/usr/bin/env bash
# Build cost of the generate goal against a peer every jar build runs: maven-resources-plugin's `resources` goal.
# One consumer, four builds of `mvn -o -q process-resources`, in the same run:
#   without     no plugin bound (the baseline: Maven's own cost)
#   resources   maven-resources-plugin:resources copying three small files (profile `resources`)
#   up to date  our generate goal, inputs as in the last build: it finds its build record and does no work
#   generated   our generate goal with its record deleted first: it reads, models, renders, validates and writes
# After two warm-up builds of each, ROUNDS rounds (default 20) of one build of each, the order rotated from round to
# round. For each it prints the median wall time, the median of each round's own difference to `without` (what the
# plugin adds), and, from inside each build (an event spy, bench/SessionTimeSpy.java, loaded into every build alike),
# Maven's session time, which leaves out the JVM's start-up and exit and so moves far less. Last, the ratio of what
# ours adds to what the resources goal adds, against the targets: up to date at most 1, generated at most 1.5.
#
#   bench/build-cost.sh [ROUNDS]
#
# The plugin is packaged from this tree and installed into target/bench-repo (not ~/.m2); that repository is filled
# from ~/.m2 during warm-up, then every timed build is offline. Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
rounds=${1:-20}
m2=${MAVEN_LOCAL_REPO:-$HOME/.m2/repository}
repo=$root/target/bench-repo
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
resources_version=$(sed -n '/<artifactId>maven-resources-plugin<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p}' pom.xml | head -1)
echo "Packaging the plugin $version and installing it into target/bench-repo ..." >&2
./mvnw -B -q -ntp -o package -Dmaven.test.skip=true -Dinvoker.skip >&2
sed "s|@localRepositoryUrl@|file://$m2|" it/settings.xml > "$work/settings.xml"
./mvnw -B -q -ntp -s "$work/settings.xml" -Dmaven.repo.local="$repo" \
  org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file \
  -Dfile="target/ignition-assets-maven-plugin-$version.jar" -DpomFile=target/.flattened-pom.xml >&2

# The session-time spy, compiled against the Maven that runs the builds.
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

consumer=$work/consumer
mkdir -p "$consumer/src/main/ignition" "$consumer/src/main/resources"
printf 'image: quay.io/example/agent:v1\n' > "$consumer/src/main/ignition/pull.yaml"
printf 'greeting=hello\n' > "$consumer/src/main/resources/app.properties"
printf '<configuration><root level="INFO"/></configuration>\n' > "$consumer/src/main/resources/logback.xml"
printf 'registry: quay.io\n' > "$consumer/src/main/resources/settings.yaml"
cat > "$consumer/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench.ignitionassets</groupId>
  <artifactId>consumer</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <profiles>
    <profile>
      <id>resources</id>
      <build>
        <plugins>
          <plugin>
            <groupId>org.apache.maven.plugins</groupId>
            <artifactId>maven-resources-plugin</artifactId>
            <version>$resources_version</version>
            <executions>
              <execution>
                <goals>
                  <goal>resources</goal>
                </goals>
              </execution>
            </executions>
          </plugin>
        </plugins>
      </build>
    </profile>
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
          </plugin>
        </plugins>
      </build>
    </profile>
  </profiles>
</project>
POM
record=$consumer/target/ignition-assets/last-build.json

build() { # build [ARGS...]: one build; prints its wall time in ms; its session time (us) goes to $work/session
  local t0 t1
  : > "$work/session"
  t0=$(date +%s%N)
  SESSION_TIME_FILE=$work/session ./mvnw -B -q -o -s "$work/settings.xml" -Dmaven.repo.local="$repo" \
    -Dmaven.ext.class.path="$spy" -f "$consumer/pom.xml" "$@" process-resources >"$work/last.log" 2>&1 \
    || { cat "$work/last.log" >&2; exit 1; }
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}
run_case() { # run_case CASE: one build of the case
  case $1 in
    without) build ;;
    resources) build -Presources ;;
    uptodate) build -Pignition ;;
    generated) rm -f "$record"; build -Pignition ;;
  esac
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
quartiles() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 3) / 4)] ".." a[int((3 * NR + 3) / 4)]}'; }

echo "Warm-up ..." >&2
# The first builds fill target/bench-repo (online, from ~/.m2); the rest are offline.
for p in resources ignition; do
  ./mvnw -B -q -s "$work/settings.xml" -Dmaven.repo.local="$repo" -f "$consumer/pom.xml" -P$p process-resources >&2
done
cases="without resources uptodate generated"
for _ in 1 2; do for k in $cases; do run_case "$k" >/dev/null; done; done

# Each case is what it says.
[ "$(ls "$consumer/target/classes")" = "$(printf 'app.properties\nlogback.xml\nsettings.yaml')" ] \
  || { echo "resources: the three files were not copied" >&2; exit 1; }
./mvnw -B -o -s "$work/settings.xml" -Dmaven.repo.local="$repo" -f "$consumer/pom.xml" -Pignition process-resources \
  | grep -q 'Ignition assets unchanged in .* (same inputs as the last build)' || { echo "ours: not up to date" >&2; exit 1; }
rm -f "$record"
./mvnw -B -o -s "$work/settings.xml" -Dmaven.repo.local="$repo" -f "$consumer/pom.xml" -Pignition process-resources \
  | grep -q 'Load in a registry outage' || { echo "ours: did not generate" >&2; exit 1; }

echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the timed runs; $rounds rounds"
for k in $cases; do : > "$work/w-$k"; : > "$work/s-$k"; done
for r in $(seq 1 "$rounds"); do
  declare -A w=() s=()
  for i in 0 1 2 3; do
    # Rotated, so that no case always runs first, or just after the build that warmed the disk cache for it.
    k=$(echo $cases | cut -d' ' -f$(((i + r) % 4 + 1)))
    w[$k]=$(run_case "$k")
    s[$k]=$(cat "$work/session")
  done
  for k in $cases; do
    echo "${w[$k]}" >> "$work/w-$k"; echo "${s[$k]}" >> "$work/s-$k"
    echo $((w[$k] - w[without])) >> "$work/dw-$k"; echo $(((s[$k] - s[without]) / 1000)) >> "$work/ds-$k"
  done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after the timed runs"
echo
printf '%-12s %10s %20s %12s %20s\n' build "wall" "added (IQR)" "session" "added (IQR)"
for k in $cases; do
  printf '%-12s %10s %20s %12s %20s\n' "$k" "$(median < "$work/w-$k")" \
    "$(median < "$work/dw-$k") ($(quartiles < "$work/dw-$k"))" "$(($(median < "$work/s-$k") / 1000))" \
    "$(median < "$work/ds-$k") ($(quartiles < "$work/ds-$k"))"
done
echo "(ms, medians of $rounds rounds; added: the median of each round's difference to the build without a plugin)"
echo
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}'; }
for m in w s; do
  res=$(median < "$work/d$m-resources")
  up=$(median < "$work/d$m-uptodate")
  gen=$(median < "$work/d$m-generated")
  label=$([ $m = w ] && echo "wall time" || echo "session time")
  printf '%-13s ours/resources: up to date %s (target <= 1: %s), generated %s (target <= 1.5: %s)\n' "$label" \
    "$(ratio "$up" "$res")" "$(awk -v r="$(ratio "$up" "$res")" 'BEGIN {print (r <= 1) ? "met" : "missed"}')" \
    "$(ratio "$gen" "$res")" "$(awk -v r="$(ratio "$gen" "$res")" 'BEGIN {print (r <= 1.5) ? "met" : "missed"}')"
done
