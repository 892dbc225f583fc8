#!/usr/bin/env bash
# Writes the Operaton build of this application to target/operaton/ (or $1): a copy of pom.xml,
# src/, processes/, forms/, .camunda/ (element templates, for their test) and docker/ (the compose
# topology the two-node test runs) with Camunda 7's names
# changed to Operaton 1.0's. The sources in git stay Camunda's; nothing here changes them.
# See docs/engines.md for what is changed and why.
#
#   bash tools/operaton/convert.sh            # then: mvn -f target/operaton/pom.xml -B verify
#   bash tools/operaton/build.sh verify       # both steps
#
# Fails when a Camunda package name survives the conversion in a file the build reads.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=tools/operaton
out=${1:-target/operaton}
operaton_version=$(sed -n 's/^operaton.version=//p' "$here/versions.properties")
spin_json_version=$(sed -n 's/^operaton.spin-json.version=//p' "$here/versions.properties")

case "$(realpath -m "$out")" in "$(pwd)"|/) echo "convert.sh: will not overwrite $out" >&2; exit 2 ;; esac
rm -rf "$out"
mkdir -p "$out"
cp -r pom.xml src processes forms .camunda docker "$out"/
# Files only the Operaton build has (test support for what its engine does not ship here).
cp -r "$here"/overlay/. "$out"/

# Directory logins (profile ldap) are built on the LDAP plugin, which is not served here for Operaton
# (org.operaton.bpm.identity:operaton-identity-ldap): its classes and test are left out, and overlay/'s
# DirectoryConfiguration refuses the profile. Where the plugin is served, drop this and that file.
rm "$out"/src/main/java/org/aftersales/identity/ldap/{DirectoryClient,DirectoryIdentityPlugin,DirectorySession}.java \
  "$out"/src/test/java/org/aftersales/identity/ldap/DirectoryLoginIT.java
perl -0pi -e 's/\n  \@Test\n  void likePatternsMatchAsTheEngineMeansThem\(\) \{.*?\n  \}\n/\n/s or die "GroupMappingTest: no like test\n"' \
  "$out"/src/test/java/org/aftersales/identity/ldap/GroupMappingTest.java

# The webapps' files live in the Operaton webjar under webjars/operaton; ours override them there.
mv "$out"/src/main/resources/META-INF/resources/webjars/camunda "$out"/src/main/resources/META-INF/resources/webjars/operaton
# Service loader files are named after the interface they implement.
for f in "$out"/src/main/resources/META-INF/services/org.camunda.*; do
  [ -e "$f" ] && mv "$f" "${f/services\/org.camunda./services/org.operaton.}"
done

# Java names Operaton renamed (CamundaX -> OperatonX, getCamundaX -> getOperatonX, CAMUNDA_X -> OPERATON_X),
# as one perl substitution over word boundaries.
renames=$(grep -v '^#' "$here/renames.tsv" | awk -F'\t' 'NF==2 {printf "%s%s=>q(%s)", (n++ ? "," : ""), "q(" $1 ")", $2}')

mapfile -d '' java < <(find "$out"/src -name '*.java' -print0)
mapfile -d '' texts < <(find "$out"/src \( -name '*.java' -o -name '*.xml' -o -name '*.yaml' -o -name '*.yml' \
  -o -name '*.properties' -o -path '*/META-INF/services/*' -o -name 'spring.factories' \) -type f -print0)

# 1. Classes that moved to another package, before the general package rename.
#    camunda-bpm-junit5's mocks are in the engine under impl.mock; camunda-bpm-assert is not served by
#    this machine's Maven repository, its subset our tests use is in overlay/ (docs/engines.md).
perl -pi -e '
  s/\borg\.camunda\.bpm\.engine\.test\.mock\b/org.operaton.bpm.engine.impl.mock/g;
  s/\borg\.camunda\.bpm\.engine\.test\.assertions\.bpmn\.BpmnAwareTests\b/org.aftersales.testsupport.operaton.BpmnAwareTests/g;
' "${texts[@]}"

# 2. Renamed Java names (Java files only: in models and forms "camunda:" stays).
perl -pi -e 'BEGIN { %r = ('"$renames"'); $re = join "|", map quotemeta, sort { length $b <=> length $a } keys %r }
  s/\b($re)\b/$r{$1}/g;' "${java[@]}"

# 2b. The engine's administrators' group, where a test names it (Groups.CAMUNDA_ADMIN in main code).
perl -pi -e 's/"camunda-admin"/"operaton-admin"/g' "${java[@]}"

# 3. Packages (Operaton's ChangePackage recipe: bpm, spin, commons, connect), also as resource paths,
#    and the Spring properties camunda.bpm.* -> operaton.bpm.* (also as command-line arguments,
#    --camunda.bpm.*, which the two-node test gives its nodes).
perl -pi -e '
  s/\borg\.camunda\.(bpm|spin|commons|connect)\b/org.operaton.$1/g;
  s{\borg/camunda/(bpm|spin|commons|connect)/}{org/operaton/$1/}g;
  s/(?<![\w.-])camunda\.bpm\./operaton.bpm./g;
  s/(?<![\w.-])--camunda\.bpm\./--operaton.bpm./g;
  s/^camunda:(\s*)$/operaton:$1/;
  s{webjars/camunda/}{webjars/operaton/}g;
  s/\bcamunda-webapp-webjar\b/operaton-webapp-webjar/g;
' "${texts[@]}"

# 4. The webapps stay at /camunda (bookmarks, nginx, our plugins' paths); Operaton's default is /operaton.
perl -0pi -e 's/^(operaton:\n  bpm:\n(?:    .*\n|\n)*?    webapp:\n)/$1      application-path: \/camunda\n/m or die "no operaton.bpm.webapp in application.yaml\n"' \
  "$out"/src/main/resources/application.yaml

# 5. Our Chinese texts of the webapps say what Operaton's English says: its name, its welcome page, and no
#    banner urging a move to Camunda 8 (Operaton's webapps have none).
for zh in "$out"/src/main/resources/META-INF/resources/webjars/operaton/app/*/locales/zh.json; do
  grep -q '^ *"BANNER_CE_EOL_TEXT": ' "$zh" || { echo "convert.sh: no BANNER_CE_EOL_TEXT in $zh" >&2; exit 1; }
  perl -ni -e 'next if /^ *"BANNER_CE_EOL_TEXT": /; s/\bCamunda\b/Operaton/g; s{/camunda-welcome\b}{/operaton-welcome}g; print' "$zh"
done

# 6. pom.xml: Operaton's BOM and artifacts (Operaton's ReplaceCamundaDependencies recipe), and what
#    this machine's Maven repository serves (docs/engines.md).
perl -0pi -e '
  s{<artifactId>aftersales-flow</artifactId>}{<artifactId>aftersales-flow-operaton</artifactId>};
  s{(<name>Aftersales Flow)</name>}{$1 on Operaton</name>};
  s{(<camunda\.version>[^<]*</camunda\.version>)}{$1\n    <operaton.version>'"$operaton_version"'</operaton.version>\n    <operaton.spin-json.version>'"$spin_json_version"'</operaton.spin-json.version>};
  # The REST API document of the fuzz test: Operaton publishes none here; the API is the same.
  s{(<artifactId>camunda-engine-rest-openapi</artifactId>\s*<version>)\$\{camunda\.version\}}{$1__KEEP_CAMUNDA__};
  s{<groupId>org\.camunda\.bpm}{<groupId>org.operaton.bpm}g;
  s{<groupId>org\.camunda\.spin}{<groupId>org.operaton.spin}g;
  s{<artifactId>camunda-}{<artifactId>operaton-}g;
  s{\$\{camunda\.version\}}{\${operaton.version}}g;
  s{<groupId>org\.operaton\.bpm</groupId>(\s*)<artifactId>operaton-engine-rest-openapi</artifactId>(\s*)<version>__KEEP_CAMUNDA__}{<groupId>org.camunda.bpm</groupId>$1<artifactId>camunda-engine-rest-openapi</artifactId>$2<version>\${camunda.version}}
    or die "pom.xml: no camunda-engine-rest-openapi\n";
  # Not served here (see the directory logins above).
  s{\s*<dependency>\s*(?:<!--(?:(?!-->).)*-->\s*)?<groupId>org\.operaton\.bpm\.identity</groupId>\s*<artifactId>operaton-identity-ldap</artifactId>.*?</dependency>}{}s
    or die "pom.xml: no identity-ldap\n";
  s{,DirectoryLoginIT</test>}{</test>} or die "pom.xml: no DirectoryLoginIT\n";
  # Not served here, and unused: the starter-test brings only camunda-bpm-assert and JUnit 4 helpers.
  s{\s*<dependency>\s*<groupId>org\.operaton\.bpm\.springboot</groupId>\s*<artifactId>operaton-bpm-spring-boot-starter-test</artifactId>.*?</dependency>}{}s
    or die "pom.xml: no starter-test\n";
  # Not served here: our subset of BpmnAwareTests is in overlay/.
  s{\s*<dependency>\s*<groupId>org\.operaton\.bpm</groupId>\s*<artifactId>operaton-bpm-assert</artifactId>.*?</dependency>}{}s
    or die "pom.xml: no bpm-assert\n";
  # operaton-bpm-junit5 is not served here; the engine ships the same extension as its junit5 jar.
  s{<artifactId>operaton-bpm-junit5</artifactId>}{<artifactId>operaton-engine</artifactId>\n      <classifier>junit5</classifier>}
    or die "pom.xml: no bpm-junit5\n";
  # Spin'\''s JSON data format: only 1.0.0 is served here, without the parent pom Maven needs to read
  # its dependencies; the jar is fetched below and taken from lib/ as it is, and
  # its dependencies are named here (Spin core of this Operaton, JsonPath of Spring Boot).
  s{(<artifactId>operaton-spin-dataformat-json-jackson</artifactId>)}{$1
      <version>\${operaton.spin-json.version}</version>
      <scope>system</scope>
      <systemPath>\${project.basedir}/lib/operaton-spin-dataformat-json-jackson-\${operaton.spin-json.version}.jar</systemPath>
    </dependency>
    <dependency>
      <groupId>org.operaton.spin</groupId>
      <artifactId>operaton-spin-core</artifactId>
    </dependency>
    <dependency>
      <groupId>com.jayway.jsonpath</groupId>
      <artifactId>json-path</artifactId>}
    or die "pom.xml: no spin json\n";
  # ... and the application jar must hold it.
  s{(<artifactId>spring-boot-maven-plugin</artifactId>)}{$1
        <configuration>
          <includeSystemScope>true</includeSystemScope>
        </configuration>} or die "pom.xml: no spring-boot-maven-plugin\n";
' "$out"/pom.xml

# The jar the converted pom takes from lib/ (see above).
spin_json=org/operaton/spin/operaton-spin-dataformat-json-jackson/$spin_json_version/operaton-spin-dataformat-json-jackson-$spin_json_version.jar
repository=${MAVEN_LOCAL_REPOSITORY:-$HOME/.m2/repository}
if [ ! -f "$repository/$spin_json" ]; then
  mvn -B -ntp -q dependency:get -Dartifact="org.operaton.spin:operaton-spin-dataformat-json-jackson:$spin_json_version" \
    -Dtransitive=false
fi
mkdir -p "$out"/lib
cp "$repository/$spin_json" "$out"/lib/

# Nothing of Camunda may remain where the build reads it, except the REST API document of the fuzz test
# (camunda-engine-rest-openapi: a JSON file, no classes).
left=$(grep -rnE 'org(\\\\)?[./]camunda(\\\\)?[./](bpm|spin|commons|connect)\b' "$out"/pom.xml "${texts[@]}" \
  | grep -vE 'camunda-engine-rest-openapi|<groupId>org\.camunda\.bpm</groupId>' || true)
if [ -n "$left" ]; then
  echo "convert.sh: Camunda names left after the conversion:" >&2
  echo "$left" >&2
  exit 1
fi
echo "Operaton $operaton_version build written to $out (mvn -f $out/pom.xml ...)"
