#!/usr/bin/env bash
#
# Proves the strategy archetype: installs the plugin SDK (BOM, test kit, archetype) into the local
# Maven repository, generates a project from the archetype with -DarchetypeCatalog=local, and builds
# and tests that project OFFLINE. The platform bundles the test kit needs (io.amcp.api, core,
# backtest, broker.paper, datasource.file) must already be installed, e.g. by `mvn install` at the root.
#
# Usage: plugin-sdk/check-archetype.sh [work-dir]     (MVN_ARGS adds Maven options, e.g. -o)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
mvn_args=(-B -ntp ${MVN_ARGS:-})

mvn "${mvn_args[@]}" -q -N install -f "$root/pom.xml"
mvn "${mvn_args[@]}" -q install -DskipTests -f "$root/plugin-sdk/pom.xml"

mkdir -p "$work"
rm -rf "$work/breakout-strategy"
cd "$work"
mvn "${mvn_args[@]}" -q org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate -DarchetypeCatalog=local \
  -DarchetypeGroupId=io.amcp -DarchetypeArtifactId=amcp-strategy-archetype -DarchetypeVersion=0.1.0-SNAPSHOT \
  -DgroupId=com.example.trading -DartifactId=breakout-strategy -Dversion=1.0.0-SNAPSHOT \
  -Dpackage=com.example.trading.breakout -DinteractiveMode=false

cd breakout-strategy
# the generated project may name only the SDK, never platform internals
if grep -E '<artifactId>io\.amcp\.(core|backtest|broker|datasource|analytics)' pom.xml; then
  echo "generated pom depends on platform internals" >&2
  exit 1
fi
mvn "${mvn_args[@]}" -o verify
test -f target/breakout-strategy-1.0.0-SNAPSHOT.jar
listing="$(unzip -l target/breakout-strategy-1.0.0-SNAPSHOT.jar)"
grep -q 'OSGI-INF/com.example.trading.breakout.BreakoutStrategy.xml' <<<"$listing"
grep -q 'OSGI-INF/metatype/com.example.trading.breakout.BreakoutConfig.xml' <<<"$listing"
grep -q 'mvn:com.example.trading/breakout-strategy/1.0.0-SNAPSHOT' target/feature/feature.xml
echo "archetype check passed: $work/breakout-strategy"
