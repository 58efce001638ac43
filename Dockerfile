# Multi-stage build: compile with the Rust toolchain, ship a slim image with the binary.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY server server
COPY migrations migrations
COPY web web
COPY tests tests
# The workspace's other members (load generator, seeder): Cargo reads their manifests.
COPY tools tools
RUN cargo build --release --locked -p livinglab --bin livinglab

FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --home-dir /var/lib/livinglab --create-home livinglab \
 && mkdir -p /var/lib/livinglab/data/documents \
 && chown -R livinglab:livinglab /var/lib/livinglab/data
# The data folder (uploaded documents) is a volume: an empty named volume mounted here
# takes this folder's owner, so the server can write to it.
VOLUME /var/lib/livinglab/data
COPY --from=build /src/target/release/livinglab /usr/local/bin/livinglab
USER livinglab
WORKDIR /var/lib/livinglab
ENV LIVINGLAB_BIND=0.0.0.0:8080 \
    LIVINGLAB_DATA_DIR=/var/lib/livinglab/data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["livinglab", "healthcheck"]
ENTRYPOINT ["livinglab"]
CMD ["serve"]
