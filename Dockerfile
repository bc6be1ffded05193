# The application image: the jar built by `mvn -DskipTests package` on a JRE.
FROM eclipse-temurin:17-jre
WORKDIR /app
# curl serves the health check in docker-compose.yml.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY target/ceasefire-monitor.jar /app/ceasefire-monitor.jar
COPY src/main/resources/samples /app/samples
COPY src/main/resources/conflicts /app/conflicts
RUN useradd --system --home /app ceasefire && mkdir -p /app/state && chown ceasefire /app/state
USER ceasefire
ENV CEASEFIRE_STATE_DIR=/app/state
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/ceasefire-monitor.jar"]
CMD ["run"]
