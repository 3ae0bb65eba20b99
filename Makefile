# The front door. `make help` lists the targets.
.PHONY: help run test test-postgres bench bench-portal check-fixture format lint

help:
	@echo "make run            the server on ./gongkai.sqlite with the demo district (http://127.0.0.1:8080/)"
	@echo "make test           the whole test suite (swift test; the server suite on in-memory SQLite)"
	@echo "make test-postgres  the server suite on PostgreSQL: TEST_DATABASE_URL=postgres://… make test-postgres"
	@echo "make bench          release build; report checking and deadline benchmarks"
	@echo "make bench-portal   the portal over 1,000,000 generated items, measured with wrk"
	@echo "make check-fixture  check the real 2019 report of 联芳街道 with the CLI"
	@echo "make format         format every Swift file by .swift-format (swift format, shipped with the toolchain)"
	@echo "make lint           what CI checks: the formatting, strictly"

run:
	swift run gongkai serve --demo

test:
	swift test

test-postgres:
	@test -n "$$TEST_DATABASE_URL" || { echo "set TEST_DATABASE_URL=postgres://user@host:port/database (.ci/run starts one)"; exit 2; }
	swift test --filter GongkaiServerTests

bench:
	swift build -c release --product GongkaiBenchmarks
	.build/release/GongkaiBenchmarks all

bench-portal:
	bash Benchmarks/portal.sh

check-fixture:
	swift run gongkai report check Tests/Fixtures/lianfang-2019-annual-report.txt

SWIFT_FILES = Sources Tests Benchmarks Package.swift

format:
	swift format format --in-place --recursive --parallel $(SWIFT_FILES)

lint:
	swift format lint --strict --recursive --parallel $(SWIFT_FILES)
