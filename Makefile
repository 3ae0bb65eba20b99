# The front door. `make help` lists the targets.
.PHONY: help run test bench check-fixture format

help:
	@echo "make test           run the whole test suite (swift test)"
	@echo "make bench          build in release mode and run the benchmarks"
	@echo "make check-fixture  check the real 2019 report of 联芳街道 with the CLI"

test:
	swift test

bench:
	swift build -c release --product GongkaiBenchmarks
	.build/release/GongkaiBenchmarks all

check-fixture:
	swift run gongkai report check Tests/Fixtures/lianfang-2019-annual-report.txt
