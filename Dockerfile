# Production image of Dumisake. Build: docker build -t dumisake .  (docker-compose.yml does this for you)

# --- stage 1: build the jar ---------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace

# The wrapper and the POM first, so that the dependency layer is rebuilt only when pom.xml changes.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw && ./mvnw -B dependency:go-offline

COPY src src
# Extracted (application jar + lib/): classes load from plain jars instead of jars nested in the executable
# jar, which starts noticeably faster (docs/benchmarks.md, start-up) and runs the same.
RUN ./mvnw -B -DskipTests package \
    && java -Djarmode=tools -jar target/dumisake-0.1.0-SNAPSHOT.jar extract --destination /workspace/extracted

# --- stage 2: run it ----------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# curl only for the health check in docker-compose.yml; the JRE image has neither curl nor wget.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 dumisake \
    && useradd --system --uid 10001 --gid dumisake --no-create-home --shell /usr/sbin/nologin dumisake

WORKDIR /app
COPY --from=build /workspace/extracted/lib /app/lib
COPY --from=build /workspace/extracted/dumisake-0.1.0-SNAPSHOT.jar /app/dumisake.jar

USER dumisake
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=prod
# The options of pom.xml's dumisake.run.jvm-options (docs/benchmarks.md, "Memory: shipped options"), with the heap
# as a quarter of the container's memory: 256 MB under docker-compose.yml's 1 GB limit, as -Xmx256m elsewhere.
# The heap starts at 64 MB and grows only as needed; beside it the JVM needs ~250-300 MB (metaspace ~130, code
# cache ~55, symbols ~30, threads, malloc), so the process stays at about 450 MB. Serial GC: the least memory
# overhead, and what the JVM picks by itself below 2 CPUs or 1.8 GB. Both compilers: C1 alone saves ~60 MB but
# costs up to twice the CPU on rendered pages (docs/benchmarks.md). TrimNativeHeapInterval gives glibc's free malloc memory back every 10 s (the image's JRE is
# newer than 17.0.9, which has it). An OutOfMemoryError ends the process, so that the container is restarted
# instead of limping on unanswering.
ENTRYPOINT ["java","-Xms64m","-XX:MaxRAMPercentage=25","-Xmn32m","-XX:MaxHeapFreeRatio=50","-XX:+ExitOnOutOfMemoryError","-XX:+UseSerialGC","-XX:MaxMetaspaceSize=256m","-Xss512k","-XX:ReservedCodeCacheSize=64m","-XX:TrimNativeHeapInterval=10000","-jar","/app/dumisake.jar"]
